<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Care plan (for professionals)</source>
        <translation>Zorgplan (voor zorgverleners)</translation>
    </message>
    <message>
        <source>Emergency overview (one page)</source>
        <translation>Spoedoverzicht (één pagina)</translation>
    </message>
    <message>
        <source>For the patient and family</source>
        <translation>Voor patiënt en naasten</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Minutes and attendance list</source>
        <translation>Verslag en presentielijst</translation>
    </message>
    <message>
        <source>Care plans of all patients on the agenda</source>
        <translation>Zorgplannen van alle patiënten op de agenda</translation>
    </message>
    <message>
        <source>Make document: %1</source>
        <translation>Document maken: %1</translation>
    </message>
    <message>
        <source>The PDF contains medical data. Save it only where it is safe, and remove it when it is no longer needed.</source>
        <translation>De PDF bevat medische gegevens. Sla hem alleen op een veilige plek op en verwijder hem als u hem niet meer nodig hebt.</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Bestandsnaam</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bladeren…</translation>
    </message>
    <message>
        <source>Choose where to save the document</source>
        <translation>Kies waar het document wordt opgeslagen</translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation>Opslaan &amp;als:</translation>
    </message>
    <message>
        <source>Patients by &amp;initials and year of birth only (e-mail)</source>
        <translation>Patiënten alleen met &amp;initialen en geboortejaar (voor e-mail)</translation>
    </message>
    <message>
        <source>Initials and year of birth only</source>
        <translation>Alleen initialen en geboortejaar</translation>
    </message>
    <message>
        <source>Protect with a &amp;password (AES-256)</source>
        <translation>Beveiligen met een &amp;wachtwoord (AES-256)</translation>
    </message>
    <message>
        <source>Protect with a password</source>
        <translation>Beveiligen met een wachtwoord</translation>
    </message>
    <message>
        <source>Password for the PDF</source>
        <translation>Wachtwoord voor de PDF</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Herhaal het wachtwoord</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Wacht&amp;woord:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Herhalen:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>Sla het document op</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Afdrukken…</translation>
    </message>
    <message>
        <source>Print the document</source>
        <translation>Het document afdrukken</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>O&amp;penen</translation>
    </message>
    <message>
        <source>Open the saved document</source>
        <translation>Open het opgeslagen document</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Sluit dit venster</translation>
    </message>
    <message>
        <source>Save document as</source>
        <translation>Document opslaan als</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-documenten (*.pdf)</translation>
    </message>
    <message>
        <source>Choose where to save the document.</source>
        <translation>Kies waar het document moet worden opgeslagen.</translation>
    </message>
    <message>
        <source>The passwords differ. Type the same password twice.</source>
        <translation>De wachtwoorden verschillen. Typ twee keer hetzelfde wachtwoord.</translation>
    </message>
    <message>
        <source>Making the document…</source>
        <translation>Het document wordt gemaakt…</translation>
    </message>
    <message>
        <source>Preparing the printout…</source>
        <translation>De afdruk wordt voorbereid…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n pagina</numerusform>
            <numerusform>%n pagina's</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent to the printer (%1).</source>
        <translation>Naar de printer gestuurd (%1).</translation>
    </message>
    <message>
        <source>Saved as %1 (%2).</source>
        <translation>Opgeslagen als %1 (%2).</translation>
    </message>
    <message>
        <source>Send the password separately, e.g. by text message.</source>
        <translation>Stuur het wachtwoord apart, bijvoorbeeld per sms.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
</TS>