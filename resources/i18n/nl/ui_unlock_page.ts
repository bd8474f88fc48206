<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>UnlockPage</name>
    <message>
        <source>Unlock pzmdo</source>
        <translation>pzmdo ontgrendelen</translation>
    </message>
    <message>
        <source>pzmdo is locked</source>
        <translation>pzmdo is vergrendeld</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Gebruikersnaam</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>&amp;Remember on this computer</source>
        <translation>&amp;Onthouden op deze computer</translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <translation>Onthouden op deze computer</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Use recovery &amp;key…</source>
        <translation>&amp;Herstelsleutel gebruiken…</translation>
    </message>
    <message>
        <source>Use recovery key</source>
        <translation>Herstelsleutel gebruiken</translation>
    </message>
    <message>
        <source>Unlock with this &amp;computer</source>
        <translation>Ontgrendelen met deze &amp;computer</translation>
    </message>
    <message>
        <source>Unlock with this computer</source>
        <translation>Ontgrendelen met deze computer</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Ontgrendelen</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
</context>
</TS>