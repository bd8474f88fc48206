<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>MeetingRecord</name>
    <message>
        <source>Closed on %1 by %2. The record is frozen; later changes are listed below as amendments.</source>
        <translation>Afgesloten op %1 door %2. Het verslag is bevroren; latere wijzigingen staan hieronder als aanvulling.</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Aanwezig</translation>
    </message>
    <message>
        <source>Not recorded.</source>
        <translation>Niet vastgelegd.</translation>
    </message>
    <message>
        <source>Absent:</source>
        <translation>Afwezig:</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Besluit:</translation>
    </message>
    <message>
        <source>Amendments after closing</source>
        <translation>Aanvullingen na afsluiten</translation>
    </message>
    <message>
        <source>Action: %1 — %2, by %3</source>
        <translation>Actie: %1 — %2, uiterlijk %3</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>nog niemand</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>geen datum</translation>
    </message>
    <message>
        <source>(done on %1)</source>
        <translation>(gedaan op %1)</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(over de datum)</translation>
    </message>
</context>
</TS>