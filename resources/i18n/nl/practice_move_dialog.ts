<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>MovePracticeDialog</name>
    <message>
        <source>Move the patient to another practice</source>
        <translation>Patiënt naar een andere praktijk verplaatsen</translation>
    </message>
    <message>
        <source>Current practice</source>
        <translation>Huidige praktijk</translation>
    </message>
    <message>
        <source>New practice</source>
        <translation>Nieuwe praktijk</translation>
    </message>
    <message>
        <source>Date of the move</source>
        <translation>Datum van de verhuizing</translation>
    </message>
    <message>
        <source>Reason for the move</source>
        <translation>Reden van de verhuizing</translation>
    </message>
    <message>
        <source>e.g. moved house, registered with another GP</source>
        <translation>bijv. verhuisd, ingeschreven bij een andere huisarts</translation>
    </message>
    <message>
        <source>Earlier moves</source>
        <translation>Eerdere verhuizingen</translation>
    </message>
    <message>
        <source>Current practice:</source>
        <translation>Huidige praktijk:</translation>
    </message>
    <message>
        <source>&amp;New practice:</source>
        <translation>&amp;Nieuwe praktijk:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reden:</translation>
    </message>
    <message>
        <source>&amp;Earlier moves:</source>
        <translation>&amp;Eerdere verhuizingen:</translation>
    </message>
    <message>
        <source>The move is recorded with its date in the audit trail. Users who are not attached to the new practice no longer see the patient.</source>
        <translation>De verhuizing wordt met datum vastgelegd in de audittrail. Gebruikers die niet aan de nieuwe praktijk gekoppeld zijn, zien de patiënt daarna niet meer.</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Verplaatsen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
</context>
</TS>