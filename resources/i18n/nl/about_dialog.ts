<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About pzmdo</source>
        <translation>Over pzmdo</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Version, licence and data folders</source>
        <translation>Versie, licentie en gegevensmappen</translation>
    </message>
    <message>
        <source>Short manual</source>
        <translation>Korte handleiding</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licentie</translation>
    </message>
    <message>
        <source>Third-party components</source>
        <translation>Onderdelen van derden</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Over</translation>
    </message>
    <message>
        <source>&amp;Manual</source>
        <translation>&amp;Handleiding</translation>
    </message>
    <message>
        <source>&amp;Components</source>
        <translation>&amp;Onderdelen</translation>
    </message>
    <message>
        <source>proprietary; use under the licence agreement of your practice</source>
        <translation>niet-vrije licentie; gebruik volgens de licentieovereenkomst van uw praktijk</translation>
    </message>
    <message>
        <source>&lt;b&gt;Server:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Server:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Backups:&lt;/b&gt; made by the server's administrator (pg_dump or base backups with WAL archiving); see docs/server.md.</source>
        <translation>&lt;b&gt;Back-ups:&lt;/b&gt; maakt de beheerder van de server (pg_dump of base backups met WAL-archivering); zie docs/server.md.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;pzmdo %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;pzmdo %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>MDO and PaTz register for palliative care in general practice.</source>
        <translation>MDO- en PaTz-register voor palliatieve zorg in de huisartsenpraktijk.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Licence:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Licentie:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Database:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Database:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Database written by:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Database geschreven door:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Backups:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Back-ups:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Making a backup:&lt;/b&gt; Administration › Settings and backup › Make a backup now, or on the command line &lt;tt&gt;pzmdo backup --out FILE&lt;/tt&gt;. Keep a copy outside this computer; it opens only with a password or the recovery key.</source>
        <translation>&lt;b&gt;Een back-up maken:&lt;/b&gt; Beheer › Instellingen en back-up › Nu een back-up maken, of op de opdrachtregel &lt;tt&gt;pzmdo backup --out BESTAND&lt;/tt&gt;. Bewaar een kopie buiten deze computer; die opent alleen met een wachtwoord of de herstelsleutel.</translation>
    </message>
    <message>
        <source>The program uses %1 third-party components; see Components.</source>
        <translation>Het programma gebruikt %1 onderdelen van derden; zie Onderdelen.</translation>
    </message>
</context>
</TS>