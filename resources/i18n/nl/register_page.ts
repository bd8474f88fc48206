<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>RegisterPage</name>
    <message>
        <source>Palliative register</source>
        <translation>Palliatief register</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Zoeken:</translation>
    </message>
    <message>
        <source>Name, BSN or date of birth (dd-mm-yyyy)</source>
        <translation>Naam, BSN of geboortedatum (dd-mm-jjjj)</translation>
    </message>
    <message>
        <source>Search the register</source>
        <translation>Zoeken in het register</translation>
    </message>
    <message>
        <source>&amp;Mark patient… (Ctrl+M)</source>
        <translation>Patiënt &amp;markeren… (Ctrl+M)</translation>
    </message>
    <message>
        <source>Mark a patient</source>
        <translation>Een patiënt markeren</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importeren…</translation>
    </message>
    <message>
        <source>Import a register from CSV or Excel</source>
        <translation>Een register importeren uit CSV of Excel</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporteren…</translation>
    </message>
    <message>
        <source>Export the register to CSV or Excel</source>
        <translation>Het register exporteren naar CSV of Excel</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filter op status</translation>
    </message>
    <message>
        <source>In care (signalled, marked, dying phase)</source>
        <translation>In zorg (gesignaleerd, gemarkeerd, stervensfase)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>&amp;GP:</source>
        <translation>&amp;Huisarts:</translation>
    </message>
    <message>
        <source>GP filter</source>
        <translation>Filter op huisarts</translation>
    </message>
    <message>
        <source>All GPs</source>
        <translation>Alle huisartsen</translation>
    </message>
    <message>
        <source>&amp;Practice:</source>
        <translation>&amp;Praktijk:</translation>
    </message>
    <message>
        <source>Practice filter</source>
        <translation>Filter op praktijk</translation>
    </message>
    <message>
        <source>All my practices</source>
        <translation>Al mijn praktijken</translation>
    </message>
    <message>
        <source>Tea&amp;m:</source>
        <translation>&amp;Overlegteam:</translation>
    </message>
    <message>
        <source>Meeting team filter</source>
        <translation>Filter op overlegteam</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Alle teams</translation>
    </message>
    <message>
        <source>Without &amp;central caregiver</source>
        <translation>Zonder &amp;centrale zorgverlener</translation>
    </message>
    <message>
        <source>&amp;Not yet discussed</source>
        <translation>&amp;Nog niet besproken</translation>
    </message>
    <message>
        <source>Open si&amp;gnal (to discuss)</source>
        <translation>Open si&amp;gnaal (te bespreken)</translation>
    </message>
    <message>
        <source>Register table</source>
        <translation>Registertabel</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) exported to %1.</source>
        <translation>
            <numerusform>%n patiënt geëxporteerd naar %1.</numerusform><numerusform>%n patiënten geëxporteerd naar %1.</numerusform></translation>
    </message>
    <message>
        <source>Number of patients</source>
        <translation>Aantal patiënten</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patiënt</numerusform>
            <numerusform>%n patiënten</numerusform>
        </translation>
    </message>
</context>
</TS>