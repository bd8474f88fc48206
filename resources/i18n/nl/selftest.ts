<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>Pages</name>
    <message>
        <source>Meetings</source>
        <translation>Overleggen</translation>
    </message>
</context>
</TS>