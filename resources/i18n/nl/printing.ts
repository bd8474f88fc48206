<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>Printing</name>
    <message>
        <source>Print: %1</source>
        <translation>Afdrukken: %1</translation>
    </message>
</context>
</TS>
