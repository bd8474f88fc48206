<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>MarkingDialog</name>
    <message>
        <source>Mark patient — palliative phase</source>
        <translation>Patiënt markeren — palliatieve fase</translation>
    </message>
    <message>
        <source>Mark patient</source>
        <translation>Patiënt markeren</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Patiënt:</translation>
    </message>
    <message>
        <source>N&amp;ew patient…</source>
        <translation>Nieu&amp;we patiënt…</translation>
    </message>
    <message>
        <source>Add a new patient instead</source>
        <translation>Een nieuwe patiënt toevoegen</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Nieuwe patiënt</translation>
    </message>
    <message>
        <source>optional, 9 digits</source>
        <translation>optioneel, 9 cijfers</translation>
    </message>
    <message>
        <source>Choose the practice…</source>
        <translation>Kies de praktijk…</translation>
    </message>
    <message>
        <source>Practi&amp;ce:</source>
        <translation>Prakti&amp;jk:</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Voornaam:</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Voornaam</translation>
    </message>
    <message>
        <source>Prefi&amp;x:</source>
        <translation>&amp;Tussenvoegsel:</translation>
    </message>
    <message>
        <source>Name prefix (tussenvoegsel)</source>
        <translation>Tussenvoegsel</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>Ac&amp;hternaam:</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Achternaam</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>Ge&amp;boortedatum:</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geboortedatum</translation>
    </message>
    <message>
        <source>&amp;Sex:</source>
        <translation>Ges&amp;lacht:</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geslacht</translation>
    </message>
    <message>
        <source>BS&amp;N:</source>
        <translation>B&amp;SN:</translation>
    </message>
    <message>
        <source>BSN</source>
        <translation>BSN</translation>
    </message>
    <message>
        <source>Practice of the new patient</source>
        <translation>Praktijk van de nieuwe patiënt</translation>
    </message>
    <message>
        <source>Surprise question</source>
        <translation>Surprise question</translation>
    </message>
    <message>
        <source>&amp;No — it would not surprise me</source>
        <translation>&amp;Nee — het zou mij niet verbazen</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>Do&amp;n't know</source>
        <translation>Weet i&amp;k niet</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>Antwoord: %1</translation>
    </message>
    <message>
        <source>Marking date</source>
        <translation>Markeringsdatum</translation>
    </message>
    <message>
        <source>Marked by (physician)</source>
        <translation>Gemarkeerd door (arts)</translation>
    </message>
    <message>
        <source>Choose the physician…</source>
        <translation>Kies de arts…</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Voorgesteld door</translation>
    </message>
    <message>
        <source>e.g. the practice nurse or district nurse</source>
        <translation>bijv. de POH of de wijkverpleegkundige</translation>
    </message>
    <message>
        <source>Marking &amp;date:</source>
        <translation>Markerings&amp;datum:</translation>
    </message>
    <message>
        <source>&amp;Marked by:</source>
        <translation>&amp;Gemarkeerd door:</translation>
    </message>
    <message>
        <source>Pr&amp;oposed by:</source>
        <translation>V&amp;oorgesteld door:</translation>
    </message>
    <message>
        <source>General signs of deterioration (optional)</source>
        <translation>Algemene aanwijzingen voor achteruitgang (optioneel)</translation>
    </message>
    <message>
        <source>Other &amp;grounds:</source>
        <translation>&amp;Andere gronden:</translation>
    </message>
    <message>
        <source>Other grounds</source>
        <translation>Andere gronden</translation>
    </message>
    <message>
        <source>Put on the agenda of the next meeting</source>
        <translation>Agenderen voor het volgende overleg</translation>
    </message>
    <message>
        <source>&amp;Mark</source>
        <translation>&amp;Markeren</translation>
    </message>
    <message>
        <source>Mark the patient</source>
        <translation>De patiënt markeren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>%1 is marked (palliative phase) as of %2.</source>
        <translation>%1 is gemarkeerd (palliatieve fase) per %2.</translation>
    </message>
</context>
</TS>