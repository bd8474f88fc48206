<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>CareWidgets</name>
    <message>
        <source>— not filled in —</source>
        <translation>— niet ingevuld —</translation>
    </message>
</context>
</TS>
