<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>TriggerSettingsDialog</name>
    <message>
        <source>Agenda triggers</source>
        <translation>Agendasignalen</translation>
    </message>
    <message>
        <source>Each trigger puts a patient on the agenda proposal with its reason. Choose the ones this team wants.</source>
        <translation>Elk signaal zet een patiënt met de reden op het agendavoorstel. Kies welke dit team wil.</translation>
    </message>
    <message>
        <source>Weeks without a care plan</source>
        <translation>Weken zonder zorgplan</translation>
    </message>
    <message>
        <source>Weeks before the VPTZ reminder</source>
        <translation>Weken tot de VPTZ-herinnering</translation>
    </message>
    <message>
        <source>Weeks without a care &amp;plan:</source>
        <translation>Weken zonder zorg&amp;plan:</translation>
    </message>
    <message>
        <source>Weeks before the &amp;VPTZ reminder:</source>
        <translation>Weken tot de &amp;VPTZ-herinnering:</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> weken</translation>
    </message>
</context>
</TS>