<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Row</source>
        <translation>Rij</translation>
    </message>
    <message>
        <source>Name in the file</source>
        <translation>Naam in het bestand</translation>
    </message>
    <message>
        <source>First name(s)</source>
        <translation>Voorna(a)m(en)</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Tussenvoegsel</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Achternaam</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <source>import</source>
        <translation>importeren</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>overgeslagen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>afgekeurd</translation>
    </message>
    <message>
        <source>import, check:</source>
        <translation>importeren, controleer:</translation>
    </message>
</context>
</TS>