<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AdviceDialog</name>
    <message>
        <source>Record advice — %1</source>
        <translation>Advies vastleggen — %1</translation>
    </message>
    <message>
        <source>Advice of the specialist</source>
        <translation>Advies van de specialist</translation>
    </message>
    <message>
        <source>One item per line, e.g. &apos;- start oxycodone 5 mg as needed&apos;</source>
        <translation>Eén onderdeel per regel, bijv. &apos;- start oxycodon 5 mg zo nodig&apos;</translation>
    </message>
    <message>
        <source>Date and time of the advice</source>
        <translation>Datum en tijd van het advies</translation>
    </message>
    <message>
        <source>&amp;Close the consultation now</source>
        <translation>Consultatie direct &amp;afsluiten</translation>
    </message>
    <message>
        <source>Close the consultation when the advice is recorded</source>
        <translation>Sluit de consultatie af zodra het advies is vastgelegd</translation>
    </message>
    <message>
        <source>&amp;Save advice</source>
        <translation>Advies &amp;opslaan</translation>
    </message>
    <message>
        <source>&amp;Advice:</source>
        <translation>&amp;Advies:</translation>
    </message>
    <message>
        <source>&amp;Given on:</source>
        <translation>&amp;Gegeven op:</translation>
    </message>
    <message>
        <source>Question: %1</source>
        <translation>Vraag: %1</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel consultation request</source>
        <translation>Consultatieaanvraag annuleren</translation>
    </message>
    <message>
        <source>Reason for cancelling</source>
        <translation>Reden van annuleren</translation>
    </message>
    <message>
        <source>Cancel &amp;request</source>
        <translation>Aanvraag &amp;annuleren</translation>
    </message>
    <message>
        <source>&amp;Keep request</source>
        <translation>Aanvraag &amp;behouden</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>&amp;Reden (verplicht):</translation>
    </message>
</context>
<context>
    <name>ConsultDetail</name>
    <message>
        <source>Consultation details</source>
        <translation>Gegevens van de consultatie</translation>
    </message>
    <message>
        <source>In &amp;progress</source>
        <translation>In &amp;behandeling</translation>
    </message>
    <message>
        <source>Mark the consultation as in progress</source>
        <translation>Zet de consultatie op &apos;in behandeling&apos;</translation>
    </message>
    <message>
        <source>Record &amp;advice…</source>
        <translation>&amp;Advies vastleggen…</translation>
    </message>
    <message>
        <source>Record the specialist&apos;s advice</source>
        <translation>Leg het advies van de specialist vast</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Af&amp;sluiten</translation>
    </message>
    <message>
        <source>Close the consultation</source>
        <translation>Sluit de consultatie af</translation>
    </message>
    <message>
        <source>Ca&amp;ncel request…</source>
        <translation>Aanvraag a&amp;nnuleren…</translation>
    </message>
    <message>
        <source>Cancel the consultation request</source>
        <translation>Annuleer de consultatieaanvraag</translation>
    </message>
    <message>
        <source>&amp;Use advice…</source>
        <translation>Advies &amp;verwerken…</translation>
    </message>
    <message>
        <source>Turn the advice into care plan agreements or meeting actions</source>
        <translation>Zet het advies om in afspraken in het zorgplan of acties voor het overleg</translation>
    </message>
    <message>
        <source>Select a consultation to see its details.</source>
        <translation>Kies een consultatie om de gegevens te zien.</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Aangevraagd</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>no number known for this time window</source>
        <translation>geen nummer bekend voor dit tijdvak</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Aangevraagd door</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Vorm</translation>
    </message>
    <message>
        <source>Complexity</source>
        <translation>Complexiteit</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Dimensies</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>te laat</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Consulent</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In behandeling</translation>
    </message>
    <message>
        <source>Advice given</source>
        <translation>Advies gegeven</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Afgesloten</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Response time</source>
        <translation>Responstijd</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wacht al</translation>
    </message>
    <message>
        <source>Advice used</source>
        <translation>Advies verwerkt</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Vraag</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Advies</translation>
    </message>
    <message>
        <source>Reason for cancelling</source>
        <translation>Reden van annuleren</translation>
    </message>
</context>
<context>
    <name>ConsultTableModel</name>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Aangevraagd</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Vorm</translation>
    </message>
    <message>
        <source>Complexity</source>
        <translation>Complexiteit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Response time / waiting</source>
        <translation>Responstijd / wacht al</translation>
    </message>
</context>
<context>
    <name>ProcessAdviceDialog</name>
    <message>
        <source>Use advice — %1</source>
        <translation>Advies verwerken — %1</translation>
    </message>
    <message>
        <source>As &amp;agreements in the care plan</source>
        <translation>Als &amp;afspraken in het zorgplan</translation>
    </message>
    <message>
        <source>As &amp;actions for the meeting</source>
        <translation>Als a&amp;cties voor het overleg</translation>
    </message>
    <message>
        <source>Advice items to take over</source>
        <translation>Onderdelen van het advies om over te nemen</translation>
    </message>
    <message>
        <source>Dimension of the agreements</source>
        <translation>Dimensie van de afspraken</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Who carries out the actions</source>
        <translation>Wie voert de acties uit</translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>(nog niemand)</translation>
    </message>
    <message>
        <source>Due date of the actions</source>
        <translation>Uiterste datum van de acties</translation>
    </message>
    <message>
        <source>C&amp;lose the consultation</source>
        <translation>Consultatie af&amp;sluiten</translation>
    </message>
    <message>
        <source>Close the consultation after taking over the advice</source>
        <translation>Sluit de consultatie af na het overnemen van het advies</translation>
    </message>
    <message>
        <source>&amp;Take over</source>
        <translation>&amp;Overnemen</translation>
    </message>
    <message>
        <source>&amp;Dimension:</source>
        <translation>&amp;Dimensie:</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Wie:</translation>
    </message>
    <message>
        <source>D&amp;ue:</source>
        <translation>&amp;Uiterlijk:</translation>
    </message>
    <message>
        <source>Each ticked line becomes one agreement or action; you can edit a line (F2) first.</source>
        <translation>Elke aangevinkte regel wordt één afspraak of actie; u kunt een regel eerst aanpassen (F2).</translation>
    </message>
</context>
</TS>
