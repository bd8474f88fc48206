<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>MainWindow</name>
    <message>
        <source>pzmdo — palliative care register</source>
        <translation>pzmdo — palliatief zorgregister</translation>
    </message>
    <message>
        <source>pzmdo main window</source>
        <translation>pzmdo hoofdvenster</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigatie</translation>
    </message>
    <message>
        <source>Signed-in user</source>
        <translation>Ingelogde gebruiker</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Your practices and teams</source>
        <translation>Uw praktijken en teams</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Vergrendelen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation>&amp;Patiënt</translation>
    </message>
    <message>
        <source>&amp;Mark patient…</source>
        <translation>Patiënt &amp;markeren…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About pzmdo…</source>
        <translation>&amp;Over pzmdo…</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Ingelogd: %1 (%2)</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message numerus="yes">
        <source>All practices (%n)</source>
        <translation>
            <numerusform>Alle praktijken (%n)</numerusform>
            <numerusform>Alle praktijken (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Practice: %1</source>
        <translation>Praktijk: %1</translation>
    </message>
    <message>
        <source>No practice attached</source>
        <translation>Niet aan een praktijk gekoppeld</translation>
    </message>
    <message numerus="yes">
        <source>%n practice(s)</source>
        <translation>
            <numerusform>%n praktijk</numerusform>
            <numerusform>%n praktijken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n team(s)</source>
        <translation>
            <numerusform>%n team</numerusform>
            <numerusform>%n teams</numerusform>
        </translation>
    </message>
    <message>
        <source>Practices: %1</source>
        <translation>Praktijken: %1</translation>
    </message>
    <message>
        <source>Teams: %1</source>
        <translation>Teams: %1</translation>
    </message>
</context>
</TS>