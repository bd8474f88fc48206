<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up pzmdo</source>
        <translation>pzmdo instellen</translation>
    </message>
    <message>
        <source>Practice and first user</source>
        <translation>Praktijk en eerste gebruiker</translation>
    </message>
    <message>
        <source>The first user manages pzmdo (role: administrator). Data are stored encrypted at %1.</source>
        <translation>De eerste gebruiker beheert pzmdo (rol: beheerder). De gegevens worden versleuteld opgeslagen in %1.</translation>
    </message>
    <message>
        <source>none (only administrator)</source>
        <translation>geen (alleen beheerder)</translation>
    </message>
    <message>
        <source>&amp;Remember on this computer (OS keyring)</source>
        <translation>&amp;Onthouden op deze computer (sleutelbos van het systeem)</translation>
    </message>
    <message>
        <source>Add &amp;fictitious demo patients</source>
        <translation>&amp;Fictieve demopatiënten toevoegen</translation>
    </message>
    <message>
        <source>&amp;Practice name</source>
        <translation>Naam van de &amp;praktijk</translation>
    </message>
    <message>
        <source>Your &amp;full name</source>
        <translation>Uw &amp;volledige naam</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Gebruikersnaam</translation>
    </message>
    <message>
        <source>Pass&amp;word (at least 8 characters)</source>
        <translation>&amp;Wachtwoord (minstens 8 tekens)</translation>
    </message>
    <message>
        <source>Repeat p&amp;assword</source>
        <translation>W&amp;achtwoord herhalen</translation>
    </message>
    <message>
        <source>Your own r&amp;ole besides administrator</source>
        <translation>Uw eigen r&amp;ol naast beheerder</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Uw herstelsleutel</translation>
    </message>
    <message>
        <source>With this key the data can always be opened, also when every password is lost. It is shown only now: print it or write it down and keep it in a safe place.</source>
        <translation>Met deze sleutel zijn de gegevens altijd te openen, ook als alle wachtwoorden kwijt zijn. Hij wordt alleen nu getoond: druk hem af of schrijf hem op en bewaar hem op een veilige plek.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Herstelsleutel</translation>
    </message>
    <message>
        <source>&amp;Print recovery key…</source>
        <translation>Herstelsleutel &amp;afdrukken…</translation>
    </message>
    <message>
        <source>Print recovery key</source>
        <translation>Herstelsleutel afdrukken</translation>
    </message>
    <message>
        <source>I have &amp;printed or written down the recovery key</source>
        <translation>Ik heb de herstelsleutel afgedrukt of &amp;opgeschreven</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key</source>
        <translation>Ik heb de herstelsleutel afgedrukt of opgeschreven</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>De twee wachtwoorden verschillen.</translation>
    </message>
    <message>
        <source>Creating the encrypted database…</source>
        <translation>De versleutelde database wordt aangemaakt…</translation>
    </message>
    <message>
        <source>Creating the database failed.</source>
        <translation>Het aanmaken van de database is mislukt.</translation>
    </message>
    <message>
        <source>recovery key</source>
        <translation>herstelsleutel</translation>
    </message>
    <message>
        <source>The database has been created. Confirm that you stored the recovery key.</source>
        <translation>De database is aangemaakt. Bevestig dat u de herstelsleutel heeft bewaard.</translation>
    </message>
</context>
</TS>