<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>TeamSettingsDialog</name>
    <message>
        <source>Team settings</source>
        <translation>Teaminstellingen</translation>
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
        <source>&amp;Members (Space ticks a box; default attendees are invited to each meeting):</source>
        <translation>&amp;Leden (spatiebalk vinkt aan; vaste genodigden worden voor elk overleg uitgenodigd):</translation>
    </message>
    <message>
        <source>Team members</source>
        <translation>Teamleden</translation>
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
        <source>Invite</source>
        <translation>Uitnodigen</translation>
    </message>
</context>
</TS>
