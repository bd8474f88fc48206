<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import register</source>
        <translation>Register importeren</translation>
    </message>
    <message>
        <source>Save report &amp;to file…</source>
        <translation>Verslag op&amp;slaan…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Bestand:</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Te importeren bestand</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Bla&amp;deren…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Het bestand kiezen</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>&amp;Lezen</translation>
    </message>
    <message>
        <source>Read the file</source>
        <translation>Het bestand lezen</translation>
    </message>
    <message>
        <source>&amp;Worksheet:</source>
        <translation>&amp;Werkblad:</translation>
    </message>
    <message>
        <source>Worksheet</source>
        <translation>Werkblad</translation>
    </message>
    <message>
        <source>Import this &amp;sheet</source>
        <translation>Dit werkblad i&amp;mporteren</translation>
    </message>
    <message>
        <source>Import this worksheet</source>
        <translation>Dit werkblad importeren</translation>
    </message>
    <message>
        <source>P&amp;ractice of this sheet:</source>
        <translation>P&amp;raktijk van dit werkblad:</translation>
    </message>
    <message>
        <source>Practice the rows of this worksheet join</source>
        <translation>Praktijk waar de rijen van dit werkblad bij horen</translation>
    </message>
    <message>
        <source>Choose the practice…</source>
        <translation>Kies de praktijk…</translation>
    </message>
    <message>
        <source>Columns (which column holds which field)</source>
        <translation>Kolommen (welke kolom bevat welk gegeven)</translation>
    </message>
    <message>
        <source>* required. A full name in one column: choose it at 'Naam (volledig)' instead of the three name fields.</source>
        <translation>* verplicht. Staat de hele naam in één kolom: kies die bij 'Naam (volledig)' in plaats van bij de drie naamvelden.</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Controleren</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>De rijen controleren</translation>
    </message>
    <message>
        <source>Preview of every row</source>
        <translation>Voorbeeld van elke rij</translation>
    </message>
    <message>
        <source>Re&amp;port:</source>
        <translation>&amp;Verslag:</translation>
    </message>
    <message>
        <source>Check report</source>
        <translation>Controleverslag</translation>
    </message>
    <message>
        <source>%1 patients imported, %2 skipped, %3 rejected.</source>
        <translation>%1 patiënten geïmporteerd, %2 overgeslagen, %3 afgekeurd.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Verslag opslaan</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Report saved in %1. It holds patient data: keep it safe.</source>
        <translation>Verslag opgeslagen in %1. Het bevat patiëntgegevens: bewaar het veilig.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <source>Choose a CSV file (separated by ; or ,) or an Excel file (.xlsx). Dates as dd-mm-yyyy. Check shows every row; correct a name split in the preview. Nothing is stored until you press Import.</source>
        <translation>Kies een CSV-bestand (gescheiden door ; of ,) of een Excel-bestand (.xlsx). Datums als dd-mm-jjjj. Controleren toont elke rij; verbeter een gesplitste naam in het voorbeeld. Er wordt niets opgeslagen tot u op Importeren drukt.</translation>
    </message>
    <message>
        <source>Save the report per row as CSV</source>
        <translation>Het verslag per rij opslaan als CSV</translation>
    </message>
    <message>
        <source>Import the checked rows</source>
        <translation>De gecontroleerde rijen importeren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Pre&amp;view (double-click a name part or press F2 to correct it):</source>
        <translation>V&amp;oorbeeld (dubbelklik of F2 op een naamdeel om het te verbeteren):</translation>
    </message>
    <message>
        <source>Choose the register</source>
        <translation>Kies het register</translation>
    </message>
    <message>
        <source>Register (*.csv *.txt *.xlsx)</source>
        <translation>Register (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>Kies eerst een bestand.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lezen…</translation>
    </message>
    <message>
        <source>(the file)</source>
        <translation>(het bestand)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leeg)</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>(niet gebruiken)</translation>
    </message>
    <message>
        <source>%1 rows read. Check the columns, then press Check.</source>
        <translation>%1 rijen gelezen. Controleer de kolommen en druk dan op Controleren.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Controleren…</translation>
    </message>
</context>
</TS>