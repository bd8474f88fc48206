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
        <source>This meeting is closed; the record is read-only.</source>
        <translation>Dit overleg is afgerond; het verslag is alleen te lezen.</translation>
    </message>
    <message>
        <source>Item %1 of %2</source>
        <translation>Punt %1 van %2</translation>
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
        <source>%1 item(s) were not discussed; they go onto the next meeting's agenda.</source>
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