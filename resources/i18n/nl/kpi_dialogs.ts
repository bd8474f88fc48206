<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>DenominatorDialog</name>
    <message>
        <source>External denominators</source>
        <translation>Externe noemers</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Praktijk</translation>
    </message>
    <message>
        <source>Kind of count</source>
        <translation>Soort aantal</translation>
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
        <source>Number</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>The register does not know every death of the practice's patient list, nor every patient on a hospital's MDO-PZ list. Enter those counts per practice and period (from the HIS or the practice's own count); the figures use them when the period matches exactly.</source>
        <translation>Het register kent niet elk overlijden op de patiëntenlijst van de praktijk, en niet elke patiënt op de MDO-PZ-lijst van een ziekenhuis. Vul die aantallen in per praktijk en periode (uit het HIS of de eigen telling van de praktijk); de kengetallen gebruiken ze als de periode precies overeenkomt.</translation>
    </message>
    <message>
        <source>&amp;Practice:</source>
        <translation>&amp;Praktijk:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Soort:</translation>
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
        <source>&amp;Number:</source>
        <translation>&amp;Aantal:</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>Entered denominators</source>
        <translation>Ingevoerde noemers</translation>
    </message>
    <message>
        <source>Entered so far:</source>
        <translation>Tot nu toe ingevoerd:</translation>
    </message>
    <message>
        <source>Choose a practice.</source>
        <translation>Kies een praktijk.</translation>
    </message>
</context>
<context>
    <name>PatientsDialog</name>
    <message>
        <source>numerator</source>
        <translation>teller</translation>
    </message>
    <message>
        <source>denominator</source>
        <translation>noemer</translation>
    </message>
    <message>
        <source>Patients behind %1 (%2)</source>
        <translation>Patiënten achter %1 (%2)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Bezig met laden…</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geboortedatum</translation>
    </message>
    <message>
        <source>Patients behind the figure</source>
        <translation>Patiënten achter het kengetal</translation>
    </message>
    <message>
        <source>Enter or double-click opens the record.</source>
        <translation>Enter of dubbelklikken opent het dossier.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patiënt</numerusform><numerusform>%n patiënten</numerusform></translation>
    </message>
</context>
</TS>