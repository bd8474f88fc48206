<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>PatientPicker</name>
    <message>
        <source>Name, BSN, HIS number or date of birth</source>
        <translation>Naam, BSN, HIS-nummer of geboortedatum</translation>
    </message>
    <message>
        <source>Find patient</source>
        <translation>Patiënt zoeken</translation>
    </message>
    <message>
        <source>Patients found</source>
        <translation>Gevonden patiënten</translation>
    </message>
    <message>
        <source>Search result</source>
        <translation>Zoekresultaat</translation>
    </message>
    <message>
        <source>%1 found — Return picks the highlighted patient</source>
        <translation>%1 gevonden — Enter kiest de geselecteerde patiënt</translation>
    </message>
    <message>
        <source>No patient found. Check the spelling or add a new one.</source>
        <translation>Geen patiënt gevonden. Controleer de spelling of voeg een nieuwe patiënt toe.</translation>
    </message>
    <message>
        <source>(fictitious)</source>
        <translation>(fictief)</translation>
    </message>
</context>
</TS>