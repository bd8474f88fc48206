<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>ConversationsTab</name>
    <message>
        <source>PZP conversations</source>
        <translation>PZP-gesprekken</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Bezig met laden…</translation>
    </message>
    <message>
        <source>PZP status</source>
        <translation>PZP-status</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Conducted by</source>
        <translation>Gevoerd door</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Aanwezig</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Onderwerpen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Gesprekken</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nieuw gesprek</translation>
    </message>
    <message>
        <source>Date of the conversation</source>
        <translation>Datum van het gesprek</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Waar</translation>
    </message>
    <message>
        <source>— not filled in —</source>
        <translation>— niet ingevuld —</translation>
    </message>
    <message>
        <source>Patient &amp;present</source>
        <translation>Patiënt &amp;aanwezig</translation>
    </message>
    <message>
        <source>Others present</source>
        <translation>Overige aanwezigen</translation>
    </message>
    <message>
        <source>&amp;Save conversation</source>
        <translation>Gesprek &amp;opslaan</translation>
    </message>
    <message>
        <source>Save conversation</source>
        <translation>Gesprek opslaan</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>Conducted &amp;by:</source>
        <translation>Gevoerd &amp;door:</translation>
    </message>
    <message>
        <source>&amp;Where:</source>
        <translation>&amp;Waar:</translation>
    </message>
    <message>
        <source>Naasten present:</source>
        <translation>Aanwezige naasten:</translation>
    </message>
    <message>
        <source>&amp;Others present:</source>
        <translation>Overige aan&amp;wezigen:</translation>
    </message>
    <message>
        <source>Topics:</source>
        <translation>Onderwerpen:</translation>
    </message>
    <message>
        <source>S&amp;ummary:</source>
        <translation>Same&amp;nvatting:</translation>
    </message>
    <message>
        <source>PZP started on %1 (first conversation).</source>
        <translation>PZP gestart op %1 (eerste gesprek).</translation>
    </message>
    <message>
        <source>PZP not started yet: no conversation recorded.</source>
        <translation>PZP nog niet gestart: er is nog geen gesprek vastgelegd.</translation>
    </message>
    <message>
        <source>no naasten recorded</source>
        <translation>geen naasten vastgelegd</translation>
    </message>
</context>
</TS>
