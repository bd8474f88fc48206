<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>AttachDialog</name>
    <message>
        <source>Practices and teams of %1</source>
        <translation>Praktijken en teams van %1</translation>
    </message>
    <message>
        <source>The user sees the patients of these practices and of the practices of these teams. Space ticks a box.</source>
        <translation>De gebruiker ziet de patiënten van deze praktijken en van de praktijken van deze teams. De spatiebalk vinkt aan.</translation>
    </message>
    <message>
        <source>Practices of the user (Space ticks)</source>
        <translation>Praktijken van de gebruiker (spatiebalk vinkt aan)</translation>
    </message>
    <message>
        <source>Teams of the user (Space ticks)</source>
        <translation>Teams van de gebruiker (spatiebalk vinkt aan)</translation>
    </message>
    <message>
        <source>&amp;Practices:</source>
        <translation>&amp;Praktijken:</translation>
    </message>
    <message>
        <source>&amp;Teams:</source>
        <translation>&amp;Teams:</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Practices</source>
        <translation>Praktijken</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Users and their practices and teams</source>
        <translation>Gebruikers met hun praktijken en teams</translation>
    </message>
    <message>
        <source>&amp;Attach to practices and teams…</source>
        <translation>&amp;Koppelen aan praktijken en teams…</translation>
    </message>
    <message>
        <source>Attach the selected user to practices and teams</source>
        <translation>De gekozen gebruiker aan praktijken en teams koppelen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
</context>
<context>
    <name>PracticeDialog</name>
    <message>
        <source>Edit practice</source>
        <translation>Praktijk wijzigen</translation>
    </message>
    <message>
        <source>Add practice</source>
        <translation>Praktijk toevoegen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>Practice name</source>
        <translation>Naam van de praktijk</translation>
    </message>
    <message>
        <source>&amp;AGB code:</source>
        <translation>&amp;AGB-code:</translation>
    </message>
    <message>
        <source>AGB code of the practice (8 digits)</source>
        <translation>AGB-code van de praktijk (8 cijfers)</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>A&amp;dres:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation>&amp;Postcode:</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>P&amp;lace:</source>
        <translation>P&amp;laats:</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>&amp;Telefoon:</translation>
    </message>
    <message>
        <source>Phone number of the practice</source>
        <translation>Telefoonnummer van de praktijk</translation>
    </message>
    <message>
        <source>Out-of-hours &amp;GP post:</source>
        <translation>&amp;Huisartsenpost (HAP):</translation>
    </message>
    <message>
        <source>Out-of-hours GP post</source>
        <translation>Huisartsenpost</translation>
    </message>
    <message>
        <source>Ou&amp;t-of-hours phone:</source>
        <translation>Telefoon hui&amp;sartsenpost:</translation>
    </message>
    <message>
        <source>Phone of the GP post</source>
        <translation>Telefoonnummer van de huisartsenpost</translation>
    </message>
    <message>
        <source>A&amp;ctive (new patients can join it)</source>
        <translation>A&amp;ctief (nieuwe patiënten kunnen erbij)</translation>
    </message>
    <message>
        <source>Practice is active</source>
        <translation>Praktijk is actief</translation>
    </message>
</context>
<context>
    <name>PracticesTab</name>
    <message>
        <source>Practice</source>
        <translation>Praktijk</translation>
    </message>
    <message>
        <source>AGB code</source>
        <translation>AGB-code</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Out-of-hours GP post</source>
        <translation>Huisartsenpost</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patiënten</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Practices</source>
        <translation>Praktijken</translation>
    </message>
    <message>
        <source>&amp;Add practice…</source>
        <translation>Praktijk &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Add a practice</source>
        <translation>Een praktijk toevoegen</translation>
    </message>
    <message>
        <source>&amp;Edit practice…</source>
        <translation>Praktijk &amp;bewerken…</translation>
    </message>
    <message>
        <source>Edit the selected practice</source>
        <translation>De gekozen praktijk wijzigen</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>niet actief</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Edit meeting team</source>
        <translation>Overlegteam wijzigen</translation>
    </message>
    <message>
        <source>Add meeting team</source>
        <translation>Overlegteam toevoegen</translation>
    </message>
    <message>
        <source>Team name</source>
        <translation>Naam van het team</translation>
    </message>
    <message>
        <source>Kind of meeting</source>
        <translation>Soort overleg</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> weken</translation>
    </message>
    <message>
        <source>Meets every (weeks)</source>
        <translation>Overlegt elke (weken)</translation>
    </message>
    <message>
        <source>Periodic review after (weeks)</source>
        <translation>Periodiek bespreken na (weken)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Time per patient (minutes)</source>
        <translation>Tijd per patiënt (minuten)</translation>
    </message>
    <message>
        <source>Usual place</source>
        <translation>Vaste plaats</translation>
    </message>
    <message>
        <source>Usual start time</source>
        <translation>Vaste begintijd</translation>
    </message>
    <message>
        <source>A&amp;ctive</source>
        <translation>A&amp;ctief</translation>
    </message>
    <message>
        <source>Team is active</source>
        <translation>Team is actief</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Soort:</translation>
    </message>
    <message>
        <source>Meets &amp;every:</source>
        <translation>Overlegt &amp;elke:</translation>
    </message>
    <message>
        <source>Periodic &amp;review after:</source>
        <translation>Periodiek &amp;bespreken na:</translation>
    </message>
    <message>
        <source>Time per &amp;patient:</source>
        <translation>Tijd per &amp;patiënt:</translation>
    </message>
    <message>
        <source>Usual p&amp;lace:</source>
        <translation>Vaste pl&amp;aats:</translation>
    </message>
    <message>
        <source>Usual s&amp;tart time:</source>
        <translation>Vaste begin&amp;tijd:</translation>
    </message>
    <message>
        <source>Member practices (Space ticks)</source>
        <translation>Deelnemende praktijken (spatiebalk vinkt aan)</translation>
    </message>
    <message>
        <source>Member pr&amp;actices:</source>
        <translation>Deelnemende p&amp;raktijken:</translation>
    </message>
    <message>
        <source>Team members with their role</source>
        <translation>Teamleden met hun rol</translation>
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
        <source>Member</source>
        <translation>Lid</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Uitnodigen</translation>
    </message>
    <message>
        <source>&amp;Members (Space ticks a box; default attendees are invited to each meeting):</source>
        <translation>&amp;Leden (spatiebalk vinkt aan; vaste genodigden worden voor elk overleg uitgenodigd):</translation>
    </message>
    <message>
        <source>Role of %1 in the team</source>
        <translation>Rol van %1 in het team</translation>
    </message>
</context>
<context>
    <name>TeamsTab</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Practices</source>
        <translation>Praktijken</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Leden</translation>
    </message>
    <message>
        <source>Meets every</source>
        <translation>Overlegt elke</translation>
    </message>
    <message>
        <source>Review after</source>
        <translation>Bespreken na</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Meeting teams</source>
        <translation>Overlegteams</translation>
    </message>
    <message>
        <source>&amp;Add team…</source>
        <translation>Team &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Add a meeting team</source>
        <translation>Een overlegteam toevoegen</translation>
    </message>
    <message>
        <source>&amp;Edit team…</source>
        <translation>Team &amp;bewerken…</translation>
    </message>
    <message>
        <source>Edit the selected meeting team</source>
        <translation>Het gekozen overlegteam wijzigen</translation>
    </message>
    <message>
        <source>%1 wk</source>
        <translation>%1 wk</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>beëindigd</translation>
    </message>
</context>
</TS>