<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Busy…</source>
        <translation>Bezig…</translation>
    </message>
    <message>
        <source>Work in progress</source>
        <translation>Bezig met een taak</translation>
    </message>
</context>
</TS>