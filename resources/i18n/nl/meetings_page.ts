<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Meetings</source>
        <translation>Overleggen</translation>
    </message>
    <message>
        <source>&amp;Meetings</source>
        <translation>&amp;Overleggen</translation>
    </message>
    <message>
        <source>Meetings, newest first</source>
        <translation>Overleggen, nieuwste eerst</translation>
    </message>
    <message>
        <source>Plan a meeting</source>
        <translation>Overleg plannen</translation>
    </message>
    <message>
        <source>Team &amp;settings…</source>
        <translation>Team&amp;instellingen…</translation>
    </message>
    <message>
        <source>Team settings</source>
        <translation>Teaminstellingen</translation>
    </message>
    <message>
        <source>Choose a meeting on the left, or plan a new one.</source>
        <translation>Kies links een overleg, of plan een nieuw overleg.</translation>
    </message>
    <message>
        <source>Meeting details</source>
        <translation>Gegevens van het overleg</translation>
    </message>
    <message>
        <source>Build p&amp;roposal</source>
        <translation>Agenda&amp;voorstel maken</translation>
    </message>
    <message>
        <source>Build the agenda proposal</source>
        <translation>Agendavoorstel maken</translation>
    </message>
    <message>
        <source>Accept a&amp;ll proposals</source>
        <translation>Alle voo&amp;rstellen opnemen</translation>
    </message>
    <message>
        <source>Accept all proposals</source>
        <translation>Alle voorstellen opnemen</translation>
    </message>
    <message>
        <source>Start meeting mode</source>
        <translation>Vergadermodus starten</translation>
    </message>
    <message>
        <source>Pla&amp;n a meeting…</source>
        <translation>&amp;Nieuw overleg plannen…</translation>
    </message>
    <message>
        <source>Agen&amp;da triggers…</source>
        <translation>Agen&amp;dasignalen…</translation>
    </message>
    <message>
        <source>Agenda triggers of the team</source>
        <translation>Agendasignalen van het team</translation>
    </message>
    <message>
        <source>T&amp;eam:</source>
        <translation>&amp;Filter op overlegteam:</translation>
    </message>
    <message>
        <source>Show the meetings of team</source>
        <translation>Toon de overleggen van team</translation>
    </message>
    <message>
        <source>All my teams</source>
        <translation>Al mijn teams</translation>
    </message>
    <message>
        <source>Open a&amp;ctions…</source>
        <translation>Open&amp;staande acties…</translation>
    </message>
    <message>
        <source>Open actions: see and mark done</source>
        <translation>Openstaande acties: bekijken en afvinken</translation>
    </message>
    <message>
        <source>S&amp;tart meeting mode</source>
        <translation>Vergader&amp;modus starten</translation>
    </message>
    <message>
        <source>Add amen&amp;dment…</source>
        <translation>Aanv&amp;ulling toevoegen…</translation>
    </message>
    <message>
        <source>Add an amendment to the closed record</source>
        <translation>Aanvulling toevoegen aan het afgeronde verslag</translation>
    </message>
    <message>
        <source>Docu&amp;ments</source>
        <translation>Do&amp;cumenten</translation>
    </message>
    <message>
        <source>Make a document of this meeting</source>
        <translation>Een document van dit overleg maken</translation>
    </message>
    <message>
        <source>Agenda (PDF)…</source>
        <translation>Agenda (pdf)…</translation>
    </message>
    <message>
        <source>Minutes and attendance list (PDF)…</source>
        <translation>Verslag en presentielijst (pdf)…</translation>
    </message>
    <message>
        <source>Care plans of all patients on the agenda (PDF)…</source>
        <translation>Zorgplannen van alle patiënten op de agenda (pdf)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Afdrukken…</translation>
    </message>
    <message>
        <source>&amp;Agenda (drag to reorder, or Ctrl+Up / Ctrl+Down; Enter accepts, Delete removes):</source>
        <translation>&amp;Agenda (sleep om te verplaatsen, of Ctrl+Omhoog / Ctrl+Omlaag; Enter neemt op, Delete haalt weg):</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>A&amp;ccept</source>
        <translation>Opn&amp;emen</translation>
    </message>
    <message>
        <source>Accept the selected items</source>
        <translation>Gekozen punten op de agenda opnemen</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>&amp;Weghalen</translation>
    </message>
    <message>
        <source>Remove the selected items from the agenda</source>
        <translation>Gekozen punten van de agenda halen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Om&amp;hoog</translation>
    </message>
    <message>
        <source>Move the item up</source>
        <translation>Punt omhoog verplaatsen</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Om&amp;laag</translation>
    </message>
    <message>
        <source>Move the item down</source>
        <translation>Punt omlaag verplaatsen</translation>
    </message>
    <message>
        <source>Add t&amp;heme…</source>
        <translation>&amp;Thema toevoegen…</translation>
    </message>
    <message>
        <source>Add a theme to the agenda</source>
        <translation>Thema aan de agenda toevoegen</translation>
    </message>
    <message>
        <source>Last removal</source>
        <translation>Laatst verwijderd</translation>
    </message>
    <message>
        <source>&amp;Undo removal (Ctrl+Z)</source>
        <translation>&amp;Ongedaan maken (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Put the removed items back</source>
        <translation>Zet de verwijderde agendapunten terug</translation>
    </message>
    <message>
        <source>Add &amp;patient:</source>
        <translation>&amp;Patiënt toevoegen:</translation>
    </message>
    <message>
        <source>Patient to add</source>
        <translation>Toe te voegen patiënt</translation>
    </message>
    <message>
        <source>Add to a&amp;genda</source>
        <translation>Op a&amp;genda zetten</translation>
    </message>
    <message>
        <source>Add the chosen patient to the agenda</source>
        <translation>De gekozen patiënt op de agenda zetten</translation>
    </message>
    <message>
        <source>Meeting record (read-only)</source>
        <translation>Verslag van het overleg (alleen lezen)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n punt</numerusform>
            <numerusform>%n punten</numerusform>
        </translation>
    </message>
    <message>
        <source>chair: %1</source>
        <translation>voorzitter: %1</translation>
    </message>
    <message>
        <source>scribe: %1</source>
        <translation>notulist: %1</translation>
    </message>
    <message>
        <source>theme: %1</source>
        <translation>thema: %1</translation>
    </message>
    <message>
        <source>proposal</source>
        <translation>voorstel</translation>
    </message>
    <message>
        <source>(fictitious)</source>
        <translation>(fictief)</translation>
    </message>
    <message>
        <source>Con&amp;tinue meeting mode</source>
        <translation>Verder in vergader&amp;modus</translation>
    </message>
    <message>
        <source>Remove agenda items</source>
        <translation>Agendapunten verwijderen</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n item(s) from the agenda?</source>
        <translation>
            <numerusform>%n agendapunt van de agenda halen?</numerusform>
            <numerusform>%n agendapunten van de agenda halen?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Laten staan</translation>
    </message>
    <message>
        <source>Removed from the agenda: %1</source>
        <translation>Van de agenda gehaald: %1</translation>
    </message>
    <message>
        <source>Choose a patient first: type part of the name.</source>
        <translation>Kies eerst een patiënt: typ een deel van de naam en kies uit de lijst.</translation>
    </message>
    <message>
        <source>Add theme</source>
        <translation>Thema toevoegen</translation>
    </message>
    <message>
        <source>&amp;Theme for this meeting (education, a case reflection, …):</source>
        <translation>&amp;Thema voor dit overleg (scholing, casusbespreking, …):</translation>
    </message>
    <message>
        <source>Add amendment</source>
        <translation>Aanvulling toevoegen</translation>
    </message>
    <message>
        <source>The record is closed and stays as it was. Your &amp;amendment is stored with today&apos;s date and your name:</source>
        <translation>Het verslag is afgerond en blijft zoals het was. Uw &amp;aanvulling wordt bewaard met de datum van vandaag en uw naam:</translation>
    </message>
</context>
</TS>
