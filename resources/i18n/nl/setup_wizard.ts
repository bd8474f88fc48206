<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up pzmdo</source>
        <translation>pzmdo instellen</translation>
    </message>
    <message>
        <source>&amp;Local file</source>
        <translation>&amp;Lokaal bestand</translation>
    </message>
    <message>
        <source>&amp;Server of the practice/core team</source>
        <translation>&amp;Server van de praktijk/het kernteam</translation>
    </message>
    <message>
        <source>Where is the register kept?</source>
        <translation>Waar staat het register?</translation>
    </message>
    <message>
        <source>One person on one computer: a local encrypted file. Several workstations or a core team across practices: the server the administrator set up.</source>
        <translation>Eén persoon op één computer: een lokaal versleuteld bestand. Meerdere werkplekken of een kernteam over praktijken heen: de server die de beheerder heeft ingericht.</translation>
    </message>
    <message>
        <source>Local file</source>
        <translation>Lokaal bestand</translation>
    </message>
    <message>
        <source>Choose where pzmdo keeps the data.</source>
        <translation>Kies waar pzmdo de gegevens bewaart.</translation>
    </message>
    <message>
        <source>An encrypted database file on this computer.</source>
        <translation>Een versleuteld databasebestand op deze computer.</translation>
    </message>
    <message>
        <source>Server of the practice/core team</source>
        <translation>Server van de praktijk/het kernteam</translation>
    </message>
    <message>
        <source>A shared PostgreSQL server; everyone logs in as themselves.</source>
        <translation>Een gedeelde PostgreSQL-server; iedereen logt in als zichzelf.</translation>
    </message>
    <message>
        <source>Encrypted on this computer, with a recovery key on paper.</source>
        <translation>Versleuteld op deze computer, met een herstelsleutel op papier.</translation>
    </message>
    <message>
        <source>Shared by the workstations of the practice or core team; the server keeps the data and its backups.</source>
        <translation>Gedeeld door de werkplekken van de praktijk of het kernteam; de server bewaart de gegevens en de back-ups.</translation>
    </message>
    <message>
        <source>The practice's server</source>
        <translation>De server van de praktijk</translation>
    </message>
    <message>
        <source>Always encrypted (TLS); you log in afterwards.</source>
        <translation>Altijd versleuteld (TLS); daarna logt u in.</translation>
    </message>
    <message>
        <source>The connection is always encrypted (TLS) and pzmdo checks the server's certificate against the practice's CA certificate. You log in afterwards; your password is never stored in a file.</source>
        <translation>De verbinding is altijd versleuteld (TLS) en pzmdo controleert het certificaat van de server met het CA-certificaat van de praktijk. Daarna logt u in; uw wachtwoord wordt nooit in een bestand bewaard.</translation>
    </message>
    <message>
        <source>for example praktijk-ca.crt</source>
        <translation>bijvoorbeeld praktijk-ca.crt</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bladeren…</translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation>Kies het bestand met het CA-certificaat</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbinding contro&amp;leren</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbinding controleren</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Uitkomst van de controle</translation>
    </message>
    <message>
        <source>Server &amp;name</source>
        <translation>Server&amp;naam</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>P&amp;oort</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Database</translation>
    </message>
    <message>
        <source>&amp;CA certificate of the practice</source>
        <translation>&amp;CA-certificaat van de praktijk</translation>
    </message>
    <message>
        <source>CA certificate of the practice</source>
        <translation>CA-certificaat van de praktijk</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer)</source>
        <translation>Certificaten (*.crt *.pem *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Verbinden met de server…</translation>
    </message>
    <message>
        <source>The server %1 answers and proves its identity with the practice's certificate.</source>
        <translation>De server %1 antwoordt en bewijst met het certificaat van de praktijk wie hij is.</translation>
    </message>
    <message>
        <source>The connection test failed unexpectedly. Try again.</source>
        <translation>De controle van de verbinding is onverwacht mislukt. Probeer het opnieuw.</translation>
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