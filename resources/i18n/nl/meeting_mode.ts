<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>MeetingMode</name>
    <message>
        <source>Meeting mode</source>
        <translation>Vergadermodus</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Position on the agenda</source>
        <translation>Plaats op de agenda</translation>
    </message>
    <message>
        <source>Time spent on this patient</source>
        <translation>Bestede tijd aan deze patiënt</translation>
    </message>
    <message>
        <source>Attendance check</source>
        <translation>Controle aanwezigheid</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Aanwezigheid</translation>
    </message>
    <message>
        <source>Close meeting…</source>
        <translation>Overleg afsluiten…</translation>
    </message>
    <message>
        <source>Close the meeting (Ctrl+Shift+E)</source>
        <translation>Sluit het overleg af (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Close the meeting</source>
        <translation>Overleg afsluiten</translation>
    </message>
    <message>
        <source>Attendance (F2)</source>
        <translation>Aanwezigheid (F2)</translation>
    </message>
    <message>
        <source>Leave (Esc)</source>
        <translation>Verlaten (Esc)</translation>
    </message>
    <message>
        <source>Leave meeting mode</source>
        <translation>Vergadermodus verlaten</translation>
    </message>
    <message>
        <source>A&amp;genda</source>
        <translation>A&amp;genda</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Patient summary</source>
        <translation>Samenvatting patiënt</translation>
    </message>
    <message>
        <source>Centrale &amp;zorgverlener…</source>
        <translation>Centrale &amp;zorgverlener…</translation>
    </message>
    <message>
        <source>Set the centrale zorgverlener</source>
        <translation>Centrale zorgverlener vastleggen</translation>
    </message>
    <message>
        <source>Change &amp;colour…</source>
        <translation>&amp;Kleur wijzigen…</translation>
    </message>
    <message>
        <source>Change the urgency colour</source>
        <translation>Urgentiekleur wijzigen</translation>
    </message>
    <message>
        <source>Request c&amp;onsultation…</source>
        <translation>C&amp;onsultatie aanvragen…</translation>
    </message>
    <message>
        <source>Request a consultation</source>
        <translation>Consultatie aanvragen</translation>
    </message>
    <message>
        <source>Notes per dimension</source>
        <translation>Aantekeningen per dimensie</translation>
    </message>
    <message>
        <source>&amp;1 Physical (fysiek)</source>
        <translation>&amp;1 Fysiek</translation>
    </message>
    <message>
        <source>&amp;2 Psychological (psychisch)</source>
        <translation>&amp;2 Psychisch</translation>
    </message>
    <message>
        <source>&amp;3 Social (sociaal)</source>
        <translation>&amp;3 Sociaal</translation>
    </message>
    <message>
        <source>&amp;4 Meaning (zingeving)</source>
        <translation>&amp;4 Zingeving</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>Aantekeningen: %1</translation>
    </message>
    <message>
        <source>Checklist for every palliative patient</source>
        <translation>Checklist bij iedere palliatieve patiënt</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Besluiten</translation>
    </message>
    <message>
        <source>Decision (Ctrl+B), Enter to record</source>
        <translation>Besluit (Ctrl+B), Enter legt vast</translation>
    </message>
    <message>
        <source>New decision</source>
        <translation>Nieuw besluit</translation>
    </message>
    <message>
        <source>Record &amp;decision</source>
        <translation>Besluit &amp;vastleggen</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>Besluit vastleggen</translation>
    </message>
    <message>
        <source>Decisions for this patient</source>
        <translation>Besluiten over deze patiënt</translation>
    </message>
    <message>
        <source>Actions (what, who, by when)</source>
        <translation>Acties (wat, wie, wanneer)</translation>
    </message>
    <message>
        <source>What has to happen (Ctrl+J)</source>
        <translation>Wat moet er gebeuren (Ctrl+J)</translation>
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
        <source>Action: by when</source>
        <translation>Actie: uiterlijk</translation>
    </message>
    <message>
        <source>Add &amp;action</source>
        <translation>&amp;Actie toevoegen</translation>
    </message>
    <message>
        <source>Add the action</source>
        <translation>Actie toevoegen</translation>
    </message>
    <message>
        <source>Actions for this patient</source>
        <translation>Acties voor deze patiënt</translation>
    </message>
    <message>
        <source>← Previous (PgUp)</source>
        <translation>← Vorige (PgUp)</translation>
    </message>
    <message>
        <source>Previous patient</source>
        <translation>Vorige patiënt</translation>
    </message>
    <message>
        <source>Discussed, next → (Ctrl+Enter)</source>
        <translation>Besproken, volgende → (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Discussed, go to the next patient</source>
        <translation>Besproken, naar de volgende patiënt</translation>
    </message>
    <message>
        <source>Next without marking (PgDown)</source>
        <translation>Volgende, niet afvinken (PgDn)</translation>
    </message>
    <message>
        <source>Next patient</source>
        <translation>Volgende patiënt</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Opslagstatus</translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>(nog niemand)</translation>
    </message>
    <message>
        <source>This meeting is closed; the record is read-only.</source>
        <translation>Dit overleg is afgerond; het verslag is alleen te lezen.</translation>
    </message>
    <message>
        <source>Attendance not recorded yet (F2).</source>
        <translation>Aanwezigheid nog niet vastgelegd (F2).</translation>
    </message>
    <message>
        <source>Item %1 of %2</source>
        <translation>Punt %1 van %2</translation>
    </message>
    <message>
        <source>On the agenda because:</source>
        <translation>Op de agenda omdat:</translation>
    </message>
    <message>
        <source>(fictitious)</source>
        <translation>(fictief)</translation>
    </message>
    <message>
        <source>yr</source>
        <translation>jr</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>Kleur:</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>niet ingesteld</translation>
    </message>
    <message>
        <source>Centrale zorgverlener:</source>
        <translation>Centrale zorgverlener:</translation>
    </message>
    <message>
        <source>Last discussed:</source>
        <translation>Laatst besproken:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>No care team recorded.</source>
        <translation>Geen zorgteam vastgelegd.</translation>
    </message>
    <message>
        <source>Care plan</source>
        <translation>Zorgplan</translation>
    </message>
    <message>
        <source>Not available.</source>
        <translation>Niet beschikbaar.</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>Open acties</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Geen.</translation>
    </message>
    <message>
        <source>Open consultations</source>
        <translation>Open consultaties</translation>
    </message>
    <message>
        <source>Over the planned time</source>
        <translation>Over de geplande tijd</translation>
    </message>
    <message>
        <source>Within the planned time</source>
        <translation>Binnen de geplande tijd</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>Last item done. Close the meeting with Ctrl+Shift+E.</source>
        <translation>Laatste punt gedaan. Sluit het overleg af met Ctrl+Shift+E.</translation>
    </message>
    <message>
        <source>Decision recorded.</source>
        <translation>Besluit vastgelegd.</translation>
    </message>
    <message>
        <source>Action added.</source>
        <translation>Actie toegevoegd.</translation>
    </message>
    <message>
        <source>Enter or double-click: correct the decision</source>
        <translation>Enter of dubbelklik: besluit verbeteren</translation>
    </message>
    <message>
        <source>Enter or double-click: correct the action</source>
        <translation>Enter of dubbelklik: actie verbeteren</translation>
    </message>
    <message>
        <source>Correct the decision</source>
        <translation>Besluit verbeteren</translation>
    </message>
    <message>
        <source>&amp;Decision:</source>
        <translation>&amp;Besluit:</translation>
    </message>
    <message>
        <source>Decision corrected.</source>
        <translation>Besluit verbeterd.</translation>
    </message>
    <message>
        <source>Action corrected.</source>
        <translation>Actie verbeterd.</translation>
    </message>
    <message>
        <source>After closing, the record is frozen: changes can only be added as dated amendments.</source>
        <translation>Na afsluiten is het verslag bevroren: wijzigingen kunnen alleen nog als gedateerde aanvulling worden toegevoegd.</translation>
    </message>
    <message>
        <source>%1 item(s) were not discussed; they go onto the next meeting&apos;s agenda.</source>
        <translation>%1 punt(en) niet besproken; die komen op de agenda van het volgende overleg.</translation>
    </message>
    <message>
        <source>&amp;Close meeting</source>
        <translation>Overleg &amp;afsluiten</translation>
    </message>
    <message>
        <source>Go &amp;back</source>
        <translation>&amp;Terug</translation>
    </message>
    <message>
        <source>The meeting is closed.</source>
        <translation>Het overleg is afgesloten.</translation>
    </message>
</context>
</TS>
