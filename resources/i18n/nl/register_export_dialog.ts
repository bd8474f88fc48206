<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>RegisterExportDialog</name>
    <message>
        <source>Export register</source>
        <translation>Register exporteren</translation>
    </message>
    <message numerus="yes">
        <source>Exports the %n patient(s) of the register as it is filtered now, for the PaTz Portal, the HIS or a spreadsheet. A name ending in .xlsx gives an Excel file, .csv a CSV file.</source>
        <translation>
            <numerusform>Exporteert de %n patiënt uit het register zoals het nu gefilterd is, voor het PaTz-portaal, het HIS of een spreadsheet. Een naam die op .xlsx eindigt geeft een Excel-bestand, .csv een CSV-bestand.</numerusform><numerusform>Exporteert de %n patiënten uit het register zoals het nu gefilterd is, voor het PaTz-portaal, het HIS of een spreadsheet. Een naam die op .xlsx eindigt geeft een Excel-bestand, .csv een CSV-bestand.</numerusform></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Bestand:</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>Bestand om te schrijven</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Bla&amp;deren…</translation>
    </message>
    <message>
        <source>Choose where to save</source>
        <translation>Kies waar het bestand komt</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolommen</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporteren</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Choose a file name ending in .xlsx or .csv.</source>
        <translation>Kies een bestandsnaam die op .xlsx of .csv eindigt.</translation>
    </message>
</context>
</TS>