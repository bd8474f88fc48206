<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>RecoverDialog</name>
    <message>
        <source>Open with the recovery key</source>
        <translation>Openen met de herstelsleutel</translation>
    </message>
    <message>
        <source>An administrator (%1) opens the database with the recovery key, chooses a new password and gets a new key file. The database key is then replaced: old passwords of other users and the old recovery key stop working.</source>
        <translation>Een beheerder (%1) opent de database met de herstelsleutel, kiest een nieuw wachtwoord en krijgt een nieuw sleutelbestand. Daarna wordt de sleutel van de database vervangen: oude wachtwoorden van andere gebruikers en de oude herstelsleutel werken dan niet meer.</translation>
    </message>
    <message>
        <source>&amp;Recovery key (64 characters)</source>
        <translation>&amp;Herstelsleutel (64 tekens)</translation>
    </message>
    <message>
        <source>&amp;New password (at least 8 characters)</source>
        <translation>&amp;Nieuw wachtwoord (minstens 8 tekens)</translation>
    </message>
    <message>
        <source>Re&amp;peat new password</source>
        <translation>&amp;Bevestig nieuw wachtwoord</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Enter the recovery key.</source>
        <translation>Vul de herstelsleutel in.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type them again.</source>
        <translation>De twee wachtwoorden verschillen. Typ ze opnieuw.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>New recovery key</source>
        <translation>Nieuwe herstelsleutel</translation>
    </message>
    <message>
        <source>The database has a new key. Write down this recovery key and keep it in a safe place: the previous one no longer works and this one is not shown again.</source>
        <translation>De database heeft een nieuwe sleutel. Schrijf deze herstelsleutel op en bewaar hem op een veilige plek: de vorige werkt niet meer en deze wordt niet opnieuw getoond.</translation>
    </message>
    <message>
        <source>Recovery key: %1</source>
        <translation>Herstelsleutel: %1</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Herstelsleutel</translation>
    </message>
    <message>
        <source>These users need a new password from the administrator: %1</source>
        <translation>Deze gebruikers hebben een nieuw wachtwoord van de beheerder nodig: %1</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiëren</translation>
    </message>
    <message>
        <source>Copy the recovery key</source>
        <translation>De herstelsleutel kopiëren</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>New password for %1</source>
        <translation>Nieuw wachtwoord voor %1</translation>
    </message>
    <message>
        <source>&amp;New password (at least 8 characters)</source>
        <translation>&amp;Nieuw wachtwoord (minstens 8 tekens)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
</context>
<context>
    <name>RotationProgress</name>
    <message>
        <source>Replacing the database key</source>
        <translation>De sleutel van de database wordt vervangen</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Bezig met starten…</translation>
    </message>
    <message>
        <source>Progress of replacing the database key</source>
        <translation>Voortgang van het vervangen van de databasesleutel</translation>
    </message>
</context>
</TS>