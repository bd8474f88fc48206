<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>RegisterModel</name>
    <message>
        <source>Urgency</source>
        <translation>Urgentie</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Leeftijd</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>GP</source>
        <translation>Huisarts</translation>
    </message>
    <message>
        <source>Marked since</source>
        <translation>Gemarkeerd sinds</translation>
    </message>
    <message>
        <source>Central caregiver</source>
        <translation>Centrale zorgverlener</translation>
    </message>
    <message>
        <source>Last discussed</source>
        <translation>Laatst besproken</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Volgende bespreking</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Praktijk</translation>
    </message>
    <message>
        <source>Marked patient without a central care provider: agree one in the team.</source>
        <translation>Gemarkeerde patiënt zonder centrale zorgverlener: spreek er een af in het team.</translation>
    </message>
    <message>
        <source>no urgency</source>
        <translation>geen urgentie</translation>
    </message>
    <message>
        <source>(fictitious)</source>
        <translation>(fictief)</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ontbreekt</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leeg</translation>
    </message>
</context>
</TS>