<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>ServerUnlockPage</name>
    <message>
        <source>Log in to the server</source>
        <translation>Inloggen op de server</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>&amp;Remember on this computer</source>
        <translation>&amp;Onthoud op deze computer</translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <translation>Onthoud op deze computer</translation>
    </message>
    <message>
        <source>The password is kept in this computer's keyring, never in a file.</source>
        <translation>Het wachtwoord blijft in de sleutelbos van deze computer, nooit in een bestand.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Other &amp;server or file…</source>
        <translation>Andere &amp;server of bestand…</translation>
    </message>
    <message>
        <source>Other server or file</source>
        <translation>Andere server of bestand</translation>
    </message>
    <message>
        <source>Log in with this &amp;computer</source>
        <translation>Inloggen met deze &amp;computer</translation>
    </message>
    <message>
        <source>Log in with this computer</source>
        <translation>Inloggen met deze computer</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Inloggen</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Inloggen</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Gebruikersnaam</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Verbinden met de server…</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Vul uw gebruikersnaam en wachtwoord in.</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Vul uw gebruikersnaam in.</translation>
    </message>
    <message>
        <source>Logging in failed unexpectedly. Try again.</source>
        <translation>Inloggen is onverwacht mislukt. Probeer het opnieuw.</translation>
    </message>
</context>
</TS>