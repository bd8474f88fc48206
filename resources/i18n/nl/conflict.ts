<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Gewijzigd door een ander</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>&amp;Your unsaved text (select and copy what you need):</source>
        <translation>&amp;Uw niet-opgeslagen tekst (selecteer en kopieer wat u nodig hebt):</translation>
    </message>
    <message>
        <source>Your unsaved text</source>
        <translation>Uw niet-opgeslagen tekst</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Opnieuw laden</translation>
    </message>
    <message>
        <source>Reload the saved version</source>
        <translation>De opgeslagen versie opnieuw laden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
</TS>