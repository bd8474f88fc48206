<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>PatientView</name>
    <message>
        <source>Patient record</source>
        <translation>Patiëntdossier</translation>
    </message>
    <message>
        <source>← &amp;Back</source>
        <translation>← &amp;Terug</translation>
    </message>
    <message>
        <source>Back to the previous screen</source>
        <translation>Terug naar het vorige scherm</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Patient sections</source>
        <translation>Onderdelen van het dossier</translation>
    </message>
    <message>
        <source>%1 · born %2 (%3 yr) · %4</source>
        <translation>%1 · geboren %2 (%3 jaar) · %4</translation>
    </message>
    <message>
        <source>fictitious</source>
        <translation>fictief</translation>
    </message>
</context>
</TS>