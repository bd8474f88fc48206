<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>CareTeamTab</name>
    <message>
        <source>Care team</source>
        <translation>Zorgteam</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Bezig met laden…</translation>
    </message>
    <message>
        <source>Care team status</source>
        <translation>Status zorgteam</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Waarschuwingen</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Discipline</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Out of hours</source>
        <translation>Buiten kantoortijd</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <source>Current care team</source>
        <translation>Huidig zorgteam</translation>
    </message>
    <message>
        <source>&amp;Centrale zorgverlener…</source>
        <translation>&amp;Centrale zorgverlener…</translation>
    </message>
    <message>
        <source>Set or change the centrale zorgverlener</source>
        <translation>Centrale zorgverlener vastleggen of wijzigen</translation>
    </message>
    <message>
        <source>Assign &amp;role…</source>
        <translation>&amp;Rol toewijzen…</translation>
    </message>
    <message>
        <source>Assign eerste aanspreekpunt, casemanager or another role</source>
        <translation>Eerste aanspreekpunt, casemanager of een andere rol toewijzen</translation>
    </message>
    <message>
        <source>Add &amp;member…</source>
        <translation>Team&amp;lid toevoegen…</translation>
    </message>
    <message>
        <source>Add a team member</source>
        <translation>Een teamlid toevoegen</translation>
    </message>
    <message>
        <source>&amp;End membership…</source>
        <translation>Lidmaatschap &amp;beëindigen…</translation>
    </message>
    <message>
        <source>End the selected membership</source>
        <translation>Het gekozen lidmaatschap beëindigen</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>Geschiedenis van wijzigingen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>Reason (start)</source>
        <translation>Reden (start)</translation>
    </message>
    <message>
        <source>Reason (end)</source>
        <translation>Reden (einde)</translation>
    </message>
    <message>
        <source>Care team history</source>
        <translation>Geschiedenis zorgteam</translation>
    </message>
    <message>
        <source>Naasten and carer burden</source>
        <translation>Naasten en belasting mantelzorg</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <source>Mantelzorger</source>
        <translation>Mantelzorger</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Wettelijk vertegenwoordiger</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>Eerste contactpersoon</translation>
    </message>
    <message>
        <source>Naasten</source>
        <translation>Naasten</translation>
    </message>
    <message>
        <source>Add &amp;naaste…</source>
        <translation>&amp;Naaste toevoegen…</translation>
    </message>
    <message>
        <source>Add a naaste</source>
        <translation>Een naaste toevoegen</translation>
    </message>
    <message>
        <source>Record carer &amp;burden…</source>
        <translation>&amp;Mantelzorgbelasting vastleggen…</translation>
    </message>
    <message>
        <source>Record a carer burden check for the selected naaste</source>
        <translation>Een meting van de mantelzorgbelasting vastleggen voor de gekozen naaste</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Naaste</source>
        <translation>Naaste</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Score / answer</source>
        <translation>Score / antwoord</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Carer burden checks</source>
        <translation>Metingen mantelzorgbelasting</translation>
    </message>
    <message>
        <source>VPTZ (volunteers)</source>
        <translation>VPTZ (vrijwilligers)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Stap</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>VPTZ steps</source>
        <translation>VPTZ-stappen</translation>
    </message>
    <message>
        <source>Record &amp;VPTZ step…</source>
        <translation>&amp;VPTZ-stap vastleggen…</translation>
    </message>
    <message>
        <source>Record a VPTZ step</source>
        <translation>Een VPTZ-stap vastleggen</translation>
    </message>
    <message>
        <source>Centrale zorgverlener: %1</source>
        <translation>Centrale zorgverlener: %1</translation>
    </message>
    <message>
        <source>Eerste aanspreekpunt: %1</source>
        <translation>Eerste aanspreekpunt: %1</translation>
    </message>
    <message>
        <source>PZP started on %1</source>
        <translation>PZP gestart op %1</translation>
    </message>
    <message>
        <source>PZP not started yet</source>
        <translation>PZP nog niet gestart</translation>
    </message>
    <message>
        <source>VPTZ: %1 (%2)</source>
        <translation>VPTZ: %1 (%2)</translation>
    </message>
    <message>
        <source>current</source>
        <translation>huidig</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>New centrale zorgverlener (BIG-registered)</source>
        <translation>Nieuwe centrale zorgverlener (BIG-geregistreerd)</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>Reden van de wijziging</translation>
    </message>
    <message>
        <source>Date of the change</source>
        <translation>Datum van de wijziging</translation>
    </message>
    <message>
        <source>Centrale zorgverlener</source>
        <translation>Centrale zorgverlener</translation>
    </message>
    <message>
        <source>&amp;Care provider:</source>
        <translation>&amp;Zorgverlener:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reden:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>The centrale zorgverlener must be a BIG-registered professional. The previous one stays in the history with the date and reason.</source>
        <translation>De centrale zorgverlener moet een BIG-geregistreerde professional zijn. De vorige blijft met datum en reden in de geschiedenis staan.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Assign role</source>
        <translation>Rol toewijzen</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>R&amp;ol:</translation>
    </message>
    <message>
        <source>Why this member joins (optional)</source>
        <translation>Waarom dit teamlid erbij komt (optioneel)</translation>
    </message>
    <message>
        <source>Add team member</source>
        <translation>Teamlid toevoegen</translation>
    </message>
    <message>
        <source>Reason for ending</source>
        <translation>Reden van beëindigen</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Einddatum</translation>
    </message>
    <message>
        <source>End membership</source>
        <translation>Lidmaatschap beëindigen</translation>
    </message>
    <message>
        <source>Name of the naaste</source>
        <translation>Naam van de naaste</translation>
    </message>
    <message>
        <source>Relation, if other</source>
        <translation>Relatie, indien anders</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>First contact person</source>
        <translation>Eerste contactpersoon</translation>
    </message>
    <message>
        <source>Add naaste</source>
        <translation>Naaste toevoegen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>&amp;Relation:</source>
        <translation>&amp;Relatie:</translation>
    </message>
    <message>
        <source>Relation, &amp;other:</source>
        <translation>Relatie, &amp;anders:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefoon:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>Date of the check</source>
        <translation>Datum van de meting</translation>
    </message>
    <message>
        <source>Score or answer</source>
        <translation>Score of antwoord</translation>
    </message>
    <message>
        <source>Action agreed</source>
        <translation>Afgesproken actie</translation>
    </message>
    <message>
        <source>Carer burden</source>
        <translation>Mantelzorgbelasting</translation>
    </message>
    <message>
        <source>&amp;Instrument:</source>
        <translation>&amp;Instrument:</translation>
    </message>
    <message>
        <source>&amp;Score / answer:</source>
        <translation>&amp;Score / antwoord:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Uitkomst:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>A&amp;ctie:</translation>
    </message>
    <message>
        <source>VPTZ step</source>
        <translation>VPTZ-stap</translation>
    </message>
    <message>
        <source>VPTZ organisation</source>
        <translation>VPTZ-organisatie</translation>
    </message>
    <message>
        <source>&amp;Step:</source>
        <translation>&amp;Stap:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisatie:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;otitie:</translation>
    </message>
</context>
</TS>
