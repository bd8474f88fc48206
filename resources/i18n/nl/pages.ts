<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>Pages</name>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Overleggen</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Consultaties</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Mirror information</source>
        <translation>Spiegelinformatie</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Beheer</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Care team</source>
        <translation>Zorgteam</translation>
    </message>
    <message>
        <source>Care plan</source>
        <translation>Zorgplan</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Gesprekken</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
</context>
</TS>