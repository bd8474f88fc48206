<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>PatientDocumentsTab</name>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Make a document</source>
        <translation>Document maken</translation>
    </message>
    <message>
        <source>The whole care plan in the order of the national form, with the care team.</source>
        <translation>Het hele zorgplan in de volgorde van het landelijke formulier, met het zorgteam.</translation>
    </message>
    <message>
        <source>One page for the out-of-hours GP service and the ambulance: treatment limits, contacts, wishes.</source>
        <translation>Eén pagina voor de huisartsenpost en de ambulance: behandelgrenzen, contacten, wensen.</translation>
    </message>
    <message>
        <source>Wishes, agreements and contacts in plain language, without internal notes.</source>
        <translation>Wensen, afspraken en contacten in gewone taal, zonder interne notities.</translation>
    </message>
    <message>
        <source>Documents made earlier</source>
        <translation>Eerder gemaakte documenten</translation>
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
        <source>Care plan version</source>
        <translation>Zorgplanversie</translation>
    </message>
    <message>
        <source>File (SHA-256)</source>
        <translation>Bestand (SHA-256)</translation>
    </message>
    <message>
        <source>No documents have been made for this patient yet.</source>
        <translation>Voor deze patiënt zijn nog geen documenten gemaakt.</translation>
    </message>
    <message>
        <source>(password)</source>
        <translation>(wachtwoord)</translation>
    </message>
</context>
</TS>