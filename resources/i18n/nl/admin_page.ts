<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add user</source>
        <translation>Gebruiker toevoegen</translation>
    </message>
    <message>
        <source>— new care provider —</source>
        <translation>— nieuwe zorgverlener —</translation>
    </message>
    <message>
        <source>&amp;BIG-registered (huisarts, nurse, …)</source>
        <translation>&amp;BIG-geregistreerd (huisarts, verpleegkundige, …)</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Gebruikersnaam</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>Volledige &amp;naam</translation>
    </message>
    <message>
        <source>Existing care pro&amp;vider</source>
        <translation>Bestaande zorg&amp;verlener</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rol</translation>
    </message>
    <message>
        <source>Initial &amp;password (at least 8 characters)</source>
        <translation>Eerste &amp;wachtwoord (minstens 8 tekens)</translation>
    </message>
    <message>
        <source>BIG-registered</source>
        <translation>BIG-geregistreerd</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administration</source>
        <translation>Beheer</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Gebruikers</translation>
    </message>
    <message>
        <source>Care &amp;providers</source>
        <translation>&amp;Zorgverleners</translation>
    </message>
    <message>
        <source>P&amp;ractices</source>
        <translation>&amp;Praktijken</translation>
    </message>
    <message>
        <source>Meeting &amp;teams</source>
        <translation>&amp;Overlegteams</translation>
    </message>
    <message>
        <source>&amp;Who sees what</source>
        <translation>&amp;Wie ziet wat</translation>
    </message>
    <message>
        <source>&amp;Settings and backup</source>
        <translation>&amp;Instellingen en back-up</translation>
    </message>
    <message>
        <source>&amp;Audit trail</source>
        <translation>&amp;Audittrail</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <source>Roles of %1</source>
        <translation>Rollen van %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock automatically after minutes without use</source>
        <translation>Automatisch vergrendelen na minuten zonder gebruik</translation>
    </message>
    <message>
        <source>Phone number of the out-of-hours GP service</source>
        <translation>Telefoonnummer van de huisartsenpost</translation>
    </message>
    <message>
        <source>e.g. 0900-1120112</source>
        <translation>bijv. 0900-1120112</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>Instellingen &amp;opslaan</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Instellingen opslaan</translation>
    </message>
    <message>
        <source>&amp;Lock automatically after</source>
        <translation>Automatisch &amp;vergrendelen na</translation>
    </message>
    <message>
        <source>Out-of-hours GP service (&amp;HAP) phone</source>
        <translation>Telefoon &amp;huisartsenpost (HAP)</translation>
    </message>
    <message>
        <source>Make a &amp;backup now…</source>
        <translation>Nu een &amp;back-up maken…</translation>
    </message>
    <message>
        <source>Make a backup now</source>
        <translation>Nu een back-up maken</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>Back-up &amp;terugzetten…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Back-up terugzetten</translation>
    </message>
    <message>
        <source>Backups are encrypted with the same key as the database. pzmdo also makes one automatically on closing and keeps the last ten.</source>
        <translation>Back-ups zijn versleuteld met dezelfde sleutel als de database. pzmdo maakt er ook automatisch een bij het afsluiten en bewaart de laatste tien.</translation>
    </message>
    <message>
        <source>The server's administrator makes the backups of the server (pg_dump or base backups with WAL archiving); see docs/server.md.</source>
        <translation>Back-ups van de server maakt de beheerder van de server (pg_dump of base backups met WAL-archivering); zie docs/server.md.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Instellingen opgeslagen.</translation>
    </message>
    <message>
        <source>Save backup</source>
        <translation>Back-up opslaan</translation>
    </message>
    <message>
        <source>pzmdo backup (*.db)</source>
        <translation>pzmdo-back-up (*.db)</translation>
    </message>
    <message>
        <source>Making the backup…</source>
        <translation>Back-up wordt gemaakt…</translation>
    </message>
    <message>
        <source>Backup saved: %1</source>
        <translation>Back-up opgeslagen: %1</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Back-up terugzetten</translation>
    </message>
    <message>
        <source>Replace all current data by the backup %1? The current database is kept aside in the backups folder.</source>
        <translation>Alle huidige gegevens vervangen door de back-up %1? De huidige database wordt apart bewaard in de map backups.</translation>
    </message>
    <message>
        <source>The backup has been restored.</source>
        <translation>De back-up is teruggezet.</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Gebruikers</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>Gebruiker &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Gebruiker toevoegen</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deactiveren</translation>
    </message>
    <message>
        <source>Deactivate selected user</source>
        <translation>Geselecteerde gebruiker deactiveren</translation>
    </message>
    <message>
        <source>Replace database &amp;key…</source>
        <translation>Database&amp;sleutel vervangen…</translation>
    </message>
    <message>
        <source>Replace the database key</source>
        <translation>De sleutel van de database vervangen</translation>
    </message>
    <message>
        <source>New &amp;password…</source>
        <translation>Nieuw &amp;wachtwoord…</translation>
    </message>
    <message>
        <source>New password for the selected user</source>
        <translation>Nieuw wachtwoord voor de geselecteerde gebruiker</translation>
    </message>
    <message>
        <source>R&amp;oles…</source>
        <translation>R&amp;ollen…</translation>
    </message>
    <message>
        <source>Change the roles of the selected user</source>
        <translation>De rollen van de gekozen gebruiker wijzigen</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>gedeactiveerd</translation>
    </message>
    <message>
        <source>Deactivate user</source>
        <translation>Gebruiker deactiveren</translation>
    </message>
    <message>
        <source>Deactivate %1? The user can no longer unlock pzmdo; their history stays. The database key is replaced and you get a new recovery key.</source>
        <translation>%1 deactiveren? Deze gebruiker kan pzmdo dan niet meer ontgrendelen; de geschiedenis blijft bewaard. De sleutel van de database wordt vervangen en u krijgt een nieuwe herstelsleutel.</translation>
    </message>
    <message>
        <source>Replace database key</source>
        <translation>Databasesleutel vervangen</translation>
    </message>
    <message>
        <source>Replace the database key? Everybody else must have closed pzmdo. The old recovery key stops working and you get a new one.</source>
        <translation>De sleutel van de database vervangen? Iedereen anders moet pzmdo hebben afgesloten. De oude herstelsleutel werkt daarna niet meer en u krijgt een nieuwe.</translation>
    </message>
</context>
</TS>