<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>OpenActionsDialog</name>
    <message>
        <source>Open actions</source>
        <translation>Openstaande acties</translation>
    </message>
    <message>
        <source>Actions stay on every agenda until they are marked done.</source>
        <translation>Acties blijven op elke agenda staan tot ze zijn afgevinkt.</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>Open actions, earliest due date first</source>
        <translation>Openstaande acties, vroegste datum eerst</translation>
    </message>
    <message>
        <source>&amp;Note (optional)</source>
        <translation>&amp;Toelichting (optioneel)</translation>
    </message>
    <message>
        <source>Note with the completed action</source>
        <translation>Toelichting bij de afgeronde actie</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>&amp;Afgerond</translation>
    </message>
    <message>
        <source>Mark the selected action done</source>
        <translation>Geselecteerde actie afvinken als afgerond</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(te laat)</translation>
    </message>
    <message>
        <source>(no patient)</source>
        <translation>(geen patiënt)</translation>
    </message>
    <message>
        <source>There are no open actions.</source>
        <translation>Er zijn geen openstaande acties.</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Afgerond: %1</translation>
    </message>
</context>
</TS>