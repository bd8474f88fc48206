<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>For a patient</source>
        <translation>Voor een patiënt</translation>
    </message>
    <message>
        <source>Patient for the document</source>
        <translation>Patiënt voor het document</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Patiënt:</translation>
    </message>
    <message>
        <source>For a meeting</source>
        <translation>Voor een overleg</translation>
    </message>
    <message>
        <source>Meeting for the document</source>
        <translation>Overleg voor het document</translation>
    </message>
    <message>
        <source>&amp;Meeting:</source>
        <translation>&amp;Overleg:</translation>
    </message>
    <message>
        <source>There are no meetings yet; plan one under Meetings.</source>
        <translation>Er zijn nog geen overleggen; plan er een onder Overleggen.</translation>
    </message>
    <message>
        <source>Made recently</source>
        <translation>Onlangs gemaakt</translation>
    </message>
    <message>
        <source>Documents made recently</source>
        <translation>Onlangs gemaakte documenten</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Gemaakt op</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pagina's</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>(password)</source>
        <translation>(wachtwoord)</translation>
    </message>
</context>
</TS>