<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>CarePlanEditor</name>
    <message>
        <source>Add &amp;scenario</source>
        <translation>&amp;Scenario toevoegen</translation>
    </message>
    <message>
        <source>Add a scenario row</source>
        <translation>Een scenarioregel toevoegen</translation>
    </message>
</context>
</TS>
