<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>ConsultListTab</name>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Open &amp;patient</source>
        <translation>&amp;Patiënt openen</translation>
    </message>
    <message>
        <source>Open the record of the selected patient</source>
        <translation>Open het dossier van de gekozen patiënt</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>werkdagen</translation>
    </message>
    <message>
        <source>Overdue after this many working days without advice</source>
        <translation>Te laat na zoveel werkdagen zonder advies</translation>
    </message>
    <message>
        <source>Overdue &amp;after:</source>
        <translation>Te laat &amp;na:</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Toepassen</translation>
    </message>
    <message>
        <source>Apply the overdue threshold</source>
        <translation>Pas de termijn voor &apos;te laat&apos; toe</translation>
    </message>
    <message>
        <source>No overdue consultations.</source>
        <translation>Geen consultaties die te laat zijn.</translation>
    </message>
    <message>
        <source>%1 consultation(s) without advice for too long.</source>
        <translation>%1 consultatie(s) te lang zonder advies.</translation>
    </message>
    <message>
        <source>No open consultations.</source>
        <translation>Geen open consultaties.</translation>
    </message>
    <message>
        <source>%1 open consultation(s), of which %2 overdue.</source>
        <translation>%1 open consultatie(s), waarvan %2 te laat.</translation>
    </message>
</context>
<context>
    <name>ConsultationsPage</name>
    <message>
        <source>Consultations</source>
        <translation>Consultaties</translation>
    </message>
    <message>
        <source>Open consultations</source>
        <translation>Open consultaties</translation>
    </message>
    <message>
        <source>Overdue consultations</source>
        <translation>Consultaties die te laat zijn</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>O&amp;verdue</source>
        <translation>Te &amp;laat</translation>
    </message>
    <message>
        <source>&amp;Per team</source>
        <translation>&amp;Per team</translation>
    </message>
    <message>
        <source>&amp;Teams</source>
        <translation>&amp;Teams</translation>
    </message>
</context>
<context>
    <name>PerTeamTab</name>
    <message>
        <source>Consultations per team</source>
        <translation>Consultaties per team</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Subregion</source>
        <translation>Subregio</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Te laat</translation>
    </message>
    <message>
        <source>Advised</source>
        <translation>Advies gegeven</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <source>Median response</source>
        <translation>Mediane responstijd</translation>
    </message>
    <message>
        <source>Response time runs from the request to the advice, counted in working days (weekends and public holidays do not count).</source>
        <translation>De responstijd loopt van de aanvraag tot het advies, geteld in werkdagen (weekenden en feestdagen tellen niet mee).</translation>
    </message>
</context>
<context>
    <name>TeamsTab</name>
    <message>
        <source>Consultation teams</source>
        <translation>Consultatieteams</translation>
    </message>
    <message>
        <source>Show &amp;deactivated teams</source>
        <translation>&amp;Gedeactiveerde teams tonen</translation>
    </message>
    <message>
        <source>Also show deactivated teams</source>
        <translation>Toon ook gedeactiveerde teams</translation>
    </message>
    <message>
        <source>Team name</source>
        <translation>Naam van het team</translation>
    </message>
    <message>
        <source>Type of team</source>
        <translation>Soort team</translation>
    </message>
    <message>
        <source>Subregion</source>
        <translation>Subregio</translation>
    </message>
    <message>
        <source>Phone during office hours</source>
        <translation>Telefoon tijdens kantoortijd</translation>
    </message>
    <message>
        <source>Phone evening, night and weekend (ANW)</source>
        <translation>Telefoon avond, nacht en weekend (ANW)</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Members: tick the consultants of this team</source>
        <translation>Leden: vink de consulenten van dit team aan</translation>
    </message>
    <message>
        <source>&amp;New team</source>
        <translation>&amp;Nieuw team</translation>
    </message>
    <message>
        <source>Start a new consultation team</source>
        <translation>Begin een nieuw consultatieteam</translation>
    </message>
    <message>
        <source>&amp;Save team</source>
        <translation>Team &amp;opslaan</translation>
    </message>
    <message>
        <source>Save the consultation team</source>
        <translation>Sla het consultatieteam op</translation>
    </message>
    <message>
        <source>De&amp;activate</source>
        <translation>De&amp;activeren</translation>
    </message>
    <message>
        <source>Deactivate the selected team</source>
        <translation>Deactiveer het gekozen team</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Naa&amp;m:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>&amp;Soort:</translation>
    </message>
    <message>
        <source>Su&amp;bregion:</source>
        <translation>Su&amp;bregio:</translation>
    </message>
    <message>
        <source>Phone &amp;office hours:</source>
        <translation>Telefoon &amp;kantoortijd:</translation>
    </message>
    <message>
        <source>Phone A&amp;NW:</source>
        <translation>Telefoon A&amp;NW:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;Members:</source>
        <translation>&amp;Leden:</translation>
    </message>
    <message>
        <source>Office hours: working days 08:00–17:00 (per subregion). ANW: evenings, nights, weekends and public holidays (region-wide).</source>
        <translation>Kantoortijd: werkdagen 08:00–17:00 (per subregio). ANW: avonden, nachten, weekenden en feestdagen (regiobreed).</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>gedeactiveerd</translation>
    </message>
    <message>
        <source>Team saved.</source>
        <translation>Team opgeslagen.</translation>
    </message>
    <message>
        <source>Team deactivated.</source>
        <translation>Team gedeactiveerd.</translation>
    </message>
</context>
</TS>
