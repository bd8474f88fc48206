<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>LessonsPage</name>
    <message>
        <source>Bottlenecks and lessons learned</source>
        <translation>Knelpunten en leerpunten</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Bottlenecks and lessons learned&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Knelpunten en leerpunten&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>From the after-death reviews, per team and month of the review. The list and its export hold no patient data.</source>
        <translation>Uit de nabesprekingen, per team en maand van de nabespreking. De lijst en de export bevatten geen patiëntgegevens.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>T&amp;onen</translation>
    </message>
    <message>
        <source>Show the list</source>
        <translation>De lijst tonen</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporteren (CSV)…</translation>
    </message>
    <message>
        <source>Export the list as CSV</source>
        <translation>De lijst als CSV exporteren</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Van:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Tot en met:</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Maand</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Punt</translation>
    </message>
    <message>
        <source>bottleneck</source>
        <translation>knelpunt</translation>
    </message>
    <message>
        <source>lesson learned</source>
        <translation>leerpunt</translation>
    </message>
    <message>
        <source>%1 review(s); place of death as wished in %2; care plan known to the HAP in %3.</source>
        <translation>%1 nabespreking(en); plek van overlijden zoals gewenst bij %2; zorgplan bekend bij de HAP bij %3.</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>De lijst exporteren</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-bestand (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Geëxporteerd naar %1.</translation>
    </message>
</context>
</TS>