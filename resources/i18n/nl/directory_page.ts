<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>DirectoryPage</name>
    <message>
        <source>Care providers</source>
        <translation>Zorgverleners</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Discipline</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Out of hours</source>
        <translation>Buiten kantoortijd</translation>
    </message>
    <message>
        <source>AGB</source>
        <translation>AGB</translation>
    </message>
    <message>
        <source>BIG</source>
        <translation>BIG</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Show &amp;inactive</source>
        <translation>&amp;Inactieve tonen</translation>
    </message>
    <message>
        <source>&amp;Add care provider…</source>
        <translation>Zorgverlener &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Add care provider</source>
        <translation>Zorgverlener toevoegen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Wijzigen…</translation>
    </message>
    <message>
        <source>Edit the selected care provider</source>
        <translation>De gekozen zorgverlener wijzigen</translation>
    </message>
    <message>
        <source>(De)ac&amp;tivate</source>
        <translation>(De)ac&amp;tiveren</translation>
    </message>
    <message>
        <source>Deactivate or reactivate the selected one</source>
        <translation>De gekozen zorgverlener inactief of weer actief maken</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactief</translation>
    </message>
    <message>
        <source>Phone out of hours</source>
        <translation>Telefoon buiten kantoortijd</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>AGB code (8 digits, optional)</source>
        <translation>AGB-code (8 cijfers, optioneel)</translation>
    </message>
    <message>
        <source>BIG-registered</source>
        <translation>BIG-geregistreerd</translation>
    </message>
    <message>
        <source>BIG number (11 digits, optional)</source>
        <translation>BIG-nummer (11 cijfers, optioneel)</translation>
    </message>
    <message>
        <source>Care provider</source>
        <translation>Zorgverlener</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>&amp;Discipline:</source>
        <translation>&amp;Discipline:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisatie:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefoon:</translation>
    </message>
    <message>
        <source>Phone out of &amp;hours:</source>
        <translation>Telefoon &amp;buiten kantoortijd:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>A&amp;GB code:</source>
        <translation>A&amp;GB-code:</translation>
    </message>
    <message>
        <source>BIG &amp;number:</source>
        <translation>BIG-&amp;nummer:</translation>
    </message>
</context>
</TS>