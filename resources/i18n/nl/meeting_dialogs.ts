<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Correct the action</source>
        <translation>Actie verbeteren</translation>
    </message>
    <message>
        <source>Action: what</source>
        <translation>Actie: wat</translation>
    </message>
    <message>
        <source>Action: who</source>
        <translation>Actie: wie</translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>(nog niemand)</translation>
    </message>
    <message>
        <source>Action: by when</source>
        <translation>Actie: uiterlijk</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Wat:</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>W&amp;ie:</translation>
    </message>
    <message>
        <source>&amp;By when:</source>
        <translation>&amp;Uiterlijk:</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <source>Attendance</source>
        <translation>Aanwezigheid</translation>
    </message>
    <message>
        <source>&amp;Present (Space ticks; a huisarts, a wijkverpleegkundige and a specialist palliatieve zorg should all be there):</source>
        <translation>&amp;Aanwezig (spatiebalk vinkt aan; een huisarts, een wijkverpleegkundige en een specialist palliatieve zorg horen er alle drie bij te zijn):</translation>
    </message>
    <message>
        <source>Attendance list</source>
        <translation>Presentielijst</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Aanwezig</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Functie</translation>
    </message>
    <message>
        <source>Function of %1</source>
        <translation>Functie van %1</translation>
    </message>
</context>
<context>
    <name>CaregiverDialog</name>
    <message>
        <source>Centrale zorgverlener</source>
        <translation>Centrale zorgverlener</translation>
    </message>
    <message>
        <source>Set the centrale zorgverlener</source>
        <translation>Centrale zorgverlener vastleggen</translation>
    </message>
    <message>
        <source>Agreed in the meeting of %1</source>
        <translation>Afgesproken in het overleg van %1</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Persoon:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reden:</translation>
    </message>
    <message>
        <source>Only a BIG-registered care provider can be centrale zorgverlener.</source>
        <translation>Alleen een BIG-geregistreerde zorgverlener kan centrale zorgverlener zijn.</translation>
    </message>
    <message>
        <source>Choose the new centrale zorgverlener (BIG-registered).</source>
        <translation>Kies de nieuwe centrale zorgverlener (BIG-geregistreerd).</translation>
    </message>
</context>
<context>
    <name>PlanMeetingDialog</name>
    <message>
        <source>Plan a meeting</source>
        <translation>Overleg plannen</translation>
    </message>
    <message>
        <source>Meeting team</source>
        <translation>Overlegteam</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Begintijd</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Online link</source>
        <translation>Link voor online deelname</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Voorzitter</translation>
    </message>
    <message>
        <source>Scribe</source>
        <translation>Notulist</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>T&amp;eam:</source>
        <translation>&amp;Overlegteam:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Tijd:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Plaats:</translation>
    </message>
    <message>
        <source>Online &amp;link:</source>
        <translation>Online &amp;link:</translation>
    </message>
    <message>
        <source>&amp;Chair:</source>
        <translation>&amp;Voorzitter:</translation>
    </message>
    <message>
        <source>&amp;Scribe:</source>
        <translation>&amp;Notulist:</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>T&amp;hema:</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>Plann&amp;en</translation>
    </message>
    <message>
        <source>(not chosen yet)</source>
        <translation>(nog niet gekozen)</translation>
    </message>
</context>
<context>
    <name>UrgencyDialog</name>
    <message>
        <source>Change colour</source>
        <translation>Kleur wijzigen</translation>
    </message>
    <message>
        <source>Change the urgency colour</source>
        <translation>Urgentiekleur wijzigen</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Kleur</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Kleur:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Toelichting:</translation>
    </message>
</context>
</TS>