<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>ActionsBox</name>
    <message>
        <source>Actions (what, who, by when)</source>
        <translation>Acties (wat, wie, wanneer)</translation>
    </message>
    <message>
        <source>What has to happen (Ctrl+J)</source>
        <translation>Wat moet er gebeuren (Ctrl+J)</translation>
    </message>
    <message>
        <source>Action: what</source>
        <translation>Actie: wat</translation>
    </message>
    <message>
        <source>Action: who</source>
        <translation>Actie: wie</translation>
    </message>
    <message>
        <source>Action: by when</source>
        <translation>Actie: uiterlijk</translation>
    </message>
    <message>
        <source>Add &amp;action</source>
        <translation>&amp;Actie toevoegen</translation>
    </message>
    <message>
        <source>Add the action</source>
        <translation>Actie toevoegen</translation>
    </message>
    <message>
        <source>Actions for this patient</source>
        <translation>Acties voor deze patiënt</translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>(nog niemand)</translation>
    </message>
    <message>
        <source>Enter or double-click: correct the action</source>
        <translation>Enter of dubbelklik: actie verbeteren</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <source>A&amp;genda</source>
        <translation>A&amp;genda</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Attendance check</source>
        <translation>Controle aanwezigheid</translation>
    </message>
    <message>
        <source>Attendance not recorded yet (F2).</source>
        <translation>Aanwezigheid nog niet vastgelegd (F2).</translation>
    </message>
</context>
<context>
    <name>ChecklistBox</name>
    <message>
        <source>Checklist for every palliative patient</source>
        <translation>Checklist bij iedere palliatieve patiënt</translation>
    </message>
</context>
<context>
    <name>DecisionsBox</name>
    <message>
        <source>Decisions</source>
        <translation>Besluiten</translation>
    </message>
    <message>
        <source>Decision (Ctrl+B), Enter to record</source>
        <translation>Besluit (Ctrl+B), Enter legt vast</translation>
    </message>
    <message>
        <source>New decision</source>
        <translation>Nieuw besluit</translation>
    </message>
    <message>
        <source>Record &amp;decision</source>
        <translation>Besluit &amp;vastleggen</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>Besluit vastleggen</translation>
    </message>
    <message>
        <source>Decisions for this patient</source>
        <translation>Besluiten over deze patiënt</translation>
    </message>
    <message>
        <source>Enter or double-click: correct the decision</source>
        <translation>Enter of dubbelklik: besluit verbeteren</translation>
    </message>
</context>
<context>
    <name>NotesBox</name>
    <message>
        <source>Notes per dimension</source>
        <translation>Aantekeningen per dimensie</translation>
    </message>
    <message>
        <source>&amp;1 Physical (fysiek)</source>
        <translation>&amp;1 Fysiek</translation>
    </message>
    <message>
        <source>&amp;2 Psychological (psychisch)</source>
        <translation>&amp;2 Psychisch</translation>
    </message>
    <message>
        <source>&amp;3 Social (sociaal)</source>
        <translation>&amp;3 Sociaal</translation>
    </message>
    <message>
        <source>&amp;4 Meaning (zingeving)</source>
        <translation>&amp;4 Zingeving</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>Aantekeningen: %1</translation>
    </message>
</context>
<context>
    <name>PatientSummary</name>
    <message>
        <source>Patient summary</source>
        <translation>Samenvatting patiënt</translation>
    </message>
    <message>
        <source>On the agenda because:</source>
        <translation>Op de agenda omdat:</translation>
    </message>
    <message>
        <source>(fictitious)</source>
        <translation>(fictief)</translation>
    </message>
    <message>
        <source>yr</source>
        <translation>jr</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>Kleur:</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>niet ingesteld</translation>
    </message>
    <message>
        <source>Centrale zorgverlener:</source>
        <translation>Centrale zorgverlener:</translation>
    </message>
    <message>
        <source>Last discussed:</source>
        <translation>Laatst besproken:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>No care team recorded.</source>
        <translation>Geen zorgteam vastgelegd.</translation>
    </message>
    <message>
        <source>Care plan</source>
        <translation>Zorgplan</translation>
    </message>
    <message>
        <source>Not available.</source>
        <translation>Niet beschikbaar.</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>Open acties</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Geen.</translation>
    </message>
    <message>
        <source>Open consultations</source>
        <translation>Open consultaties</translation>
    </message>
</context>
</TS>
