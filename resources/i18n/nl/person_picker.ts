<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>PersonPicker</name>
    <message>
        <source>Care provider</source>
        <translation>Zorgverlener</translation>
    </message>
    <message>
        <source>— choose a care provider —</source>
        <translation>— kies een zorgverlener —</translation>
    </message>
</context>
</TS>