<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>AuditModel</name>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit trail</source>
        <translation>Audittrail</translation>
    </message>
    <message>
        <source>name or number</source>
        <translation>naam of nummer</translation>
    </message>
    <message>
        <source>Filter by patient</source>
        <translation>Filter op patiënt</translation>
    </message>
    <message>
        <source>Filter by user</source>
        <translation>Filter op gebruiker</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Alle gebruikers</translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation>Filter op actie</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle acties</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Periode</translation>
    </message>
    <message>
        <source>Filter by period</source>
        <translation>Filter op periode</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Vanaf datum</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Tot en met datum</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>T&amp;onen</translation>
    </message>
    <message>
        <source>Show the events that match</source>
        <translation>Toon de gebeurtenissen die passen</translation>
    </message>
    <message>
        <source>E&amp;xport selection (CSV)…</source>
        <translation>Selectie e&amp;xporteren (CSV)…</translation>
    </message>
    <message>
        <source>Export the selection as CSV</source>
        <translation>De selectie als CSV exporteren</translation>
    </message>
    <message>
        <source>Pa&amp;tient</source>
        <translation>Pa&amp;tiënt</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Gebruiker</translation>
    </message>
    <message>
        <source>A&amp;ction</source>
        <translation>A&amp;ctie</translation>
    </message>
    <message>
        <source>to</source>
        <translation>t/m</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Auditgebeurtenissen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Zoeken…</translation>
    </message>
    <message>
        <source>%1 events match (newest first).</source>
        <translation>%1 gebeurtenissen gevonden (nieuwste eerst).</translation>
    </message>
    <message>
        <source>Export audit trail</source>
        <translation>Audittrail exporteren</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-bestand (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <source>%1 events exported to %2.</source>
        <translation>%1 gebeurtenissen geëxporteerd naar %2.</translation>
    </message>
</context>
</TS>