<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>KpiPage</name>
    <message>
        <source>Mirror information</source>
        <translation>Spiegelinformatie</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Periode van</translation>
    </message>
    <message>
        <source>The start date</source>
        <translation>De begindatum</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Periode tot en met</translation>
    </message>
    <message>
        <source>The end date</source>
        <translation>De einddatum</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereik</translation>
    </message>
    <message>
        <source>All practices</source>
        <translation>Alle praktijken</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Tonen</translation>
    </message>
    <message>
        <source>Show the figures</source>
        <translation>Kengetallen tonen</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exporteer &amp;CSV…</translation>
    </message>
    <message>
        <source>Export for the region as CSV</source>
        <translation>Exporteer voor de regio als CSV</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exporteer &amp;PDF…</translation>
    </message>
    <message>
        <source>Export for the region as PDF</source>
        <translation>Exporteer voor de regio als PDF</translation>
    </message>
    <message>
        <source>E&amp;xternal denominators…</source>
        <translation>E&amp;xterne noemers…</translation>
    </message>
    <message>
        <source>Enter external denominators</source>
        <translation>Externe noemers invoeren</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Van:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>T&amp;ot en met:</translation>
    </message>
    <message>
        <source>S&amp;cope:</source>
        <translation>&amp;Bereik:</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kengetal</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Numerator</source>
        <translation>Teller</translation>
    </message>
    <message>
        <source>Denominator</source>
        <translation>Noemer</translation>
    </message>
    <message>
        <source>Quality figures</source>
        <translation>Kengetallen</translation>
    </message>
    <message>
        <source>Trend over periods</source>
        <translation>Trend per periode</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definitie</translation>
    </message>
    <message>
        <source>Patients in the &amp;numerator…</source>
        <translation>Patiënten in de te&amp;ller…</translation>
    </message>
    <message>
        <source>Patients in the d&amp;enominator…</source>
        <translation>Patiënten in de &amp;noemer…</translation>
    </message>
    <message>
        <source>Your role may enter external denominators but not see the figures.</source>
        <translation>Met uw rol mag u externe noemers invoeren, maar niet de kengetallen inzien.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Bezig met berekenen…</translation>
    </message>
    <message>
        <source>Practice: %1</source>
        <translation>Praktijk: %1</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>Team: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Not entered: %1</source>
        <translation>Niet ingevoerd: %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Bron: %1</translation>
    </message>
    <message>
        <source>Trend: %1</source>
        <translation>Trend: %1</translation>
    </message>
    <message>
        <source>Export for the region</source>
        <translation>Exporteren voor de regio</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-documenten (*.pdf)</translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation>Geëxporteerd: %1</translation>
    </message>
</context>
</TS>