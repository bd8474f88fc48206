<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>DateInput</name>
    <message>
        <source>The date</source>
        <translation>De datum</translation>
    </message>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <source>Type the date as dd-mm-yyyy, for example 16-03-2027 (Alt+Down: calendar).</source>
        <translation>Typ de datum als dd-mm-jjjj, bijvoorbeeld 16-03-2027 (Alt+Pijl omlaag: kalender).</translation>
    </message>
    <message>
        <source>invalid date</source>
        <translation>ongeldige datum</translation>
    </message>
    <message>
        <source>Calendar (Alt+Down)</source>
        <translation>Kalender (Alt+Pijl omlaag)</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
</context>
<context>
    <name>DateTimeInput</name>
    <message>
        <source>%1: time</source>
        <translation>%1: tijd</translation>
    </message>
</context>
</TS>