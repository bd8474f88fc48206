<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>TrajectoryTab</name>
    <message>
        <source>Trajectory</source>
        <translation>Traject</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Where the patient is</source>
        <translation>Waar de patiënt is</translation>
    </message>
    <message>
        <source>Transfers and hospice referral</source>
        <translation>Overplaatsingen en hospice-aanmelding</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>Van → naar</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Overgedragen</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bevestigd</translation>
    </message>
    <message>
        <source>New central caregiver</source>
        <translation>Nieuwe centrale zorgverlener</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Overplaatsingen</translation>
    </message>
    <message>
        <source>Record &amp;transfer…</source>
        <translation>&amp;Overplaatsing vastleggen…</translation>
    </message>
    <message>
        <source>Record transfer</source>
        <translation>Overplaatsing vastleggen</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>Bevestigd door</translation>
    </message>
    <message>
        <source>confirmed by (receiving party)</source>
        <translation>bevestigd door (ontvangende partij)</translation>
    </message>
    <message>
        <source>Con&amp;firm selected handover</source>
        <translation>Gekozen overdracht &amp;bevestigen</translation>
    </message>
    <message>
        <source>Confirm selected handover</source>
        <translation>Gekozen overdracht bevestigen</translation>
    </message>
    <message>
        <source>Hospice referral step</source>
        <translation>Stap hospice-aanmelding</translation>
    </message>
    <message>
        <source>Hospice</source>
        <translation>Hospice</translation>
    </message>
    <message>
        <source>Hospice referral steps</source>
        <translation>Stappen hospice-aanmelding</translation>
    </message>
    <message>
        <source>Date of the step</source>
        <translation>Datum van de stap</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Stap</translation>
    </message>
    <message>
        <source>hospice</source>
        <translation>hospice</translation>
    </message>
    <message>
        <source>Add &amp;step</source>
        <translation>&amp;Stap toevoegen</translation>
    </message>
    <message>
        <source>Add hospice referral step</source>
        <translation>Stap hospice-aanmelding toevoegen</translation>
    </message>
    <message>
        <source>Contacts with the second line</source>
        <translation>Contacten met de tweede lijn</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richting</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanaal</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <source>Second-line contacts</source>
        <translation>Contacten tweede lijn</translation>
    </message>
    <message>
        <source>Record &amp;contact…</source>
        <translation>&amp;Contact vastleggen…</translation>
    </message>
    <message>
        <source>Record contact with the second line</source>
        <translation>Contact met de tweede lijn vastleggen</translation>
    </message>
    <message>
        <source>After death</source>
        <translation>Na het overlijden</translation>
    </message>
    <message>
        <source>After-death review</source>
        <translation>Nabespreking</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>Met wie</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>Aftercare contacts</source>
        <translation>Nazorgcontacten</translation>
    </message>
    <message>
        <source>After-death &amp;review…</source>
        <translation>&amp;Nabespreking…</translation>
    </message>
    <message>
        <source>Record after-death review</source>
        <translation>Nabespreking vastleggen</translation>
    </message>
    <message>
        <source>Record &amp;aftercare…</source>
        <translation>Na&amp;zorg vastleggen…</translation>
    </message>
    <message>
        <source>Record aftercare for the naasten</source>
        <translation>Nazorg voor de naasten vastleggen</translation>
    </message>
    <message>
        <source>Now: %1 (since %2).</source>
        <translation>Nu: %1 (sinds %2).</translation>
    </message>
    <message>
        <source>No transfer recorded: the patient is cared for at home.</source>
        <translation>Geen overplaatsing vastgelegd: de patiënt wordt thuis verzorgd.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>nog niet</translation>
    </message>
    <message>
        <source>Reviewed on %1: expected %2, place as wished %3; %4 bottleneck(s), %5 lesson(s).</source>
        <translation>Nabesproken op %1: verwacht %2, plek zoals gewenst %3; %4 knelpunt(en), %5 leerpunt(en).</translation>
    </message>
    <message>
        <source>No after-death review recorded yet.</source>
        <translation>Nog geen nabespreking vastgelegd.</translation>
    </message>
</context>
</TS>