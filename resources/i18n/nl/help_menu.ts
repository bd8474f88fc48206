<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>HelpMenu</name>
    <message>
        <source>pzmdo manual</source>
        <translation>Handleiding pzmdo</translation>
    </message>
    <message>
        <source>Manual text</source>
        <translation>Tekst van de handleiding</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Database (encrypted)</source>
        <translation>Database (versleuteld)</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Back-ups</translation>
    </message>
    <message>
        <source>Error reports (no patient data)</source>
        <translation>Foutrapporten (zonder patiëntgegevens)</translation>
    </message>
    <message>
        <source>palliative care register for GP practices</source>
        <translation>register voor palliatieve zorg in de huisartsenpraktijk</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Manual</source>
        <translation>&amp;Handleiding</translation>
    </message>
    <message>
        <source>&amp;About pzmdo…</source>
        <translation>&amp;Over pzmdo…</translation>
    </message>
    <message>
        <source>About pzmdo</source>
        <translation>Over pzmdo</translation>
    </message>
    <message>
        <source>Busy…</source>
        <translation>Bezig…</translation>
    </message>
    <message>
        <source>Work in progress</source>
        <translation>Bezig met een taak</translation>
    </message>
</context>
</TS>