<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>CarePlanTab</name>
    <message>
        <source>Care plan</source>
        <translation>Zorgplan</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Bezig met laden…</translation>
    </message>
    <message>
        <source>Current version</source>
        <translation>Actuele versie</translation>
    </message>
    <message>
        <source>Current as of</source>
        <translation>Actueel per</translation>
    </message>
    <message>
        <source>What changed (optional)</source>
        <translation>Wat is er gewijzigd (optioneel)</translation>
    </message>
    <message>
        <source>what changed (optional)</source>
        <translation>wat is er gewijzigd (optioneel)</translation>
    </message>
    <message>
        <source>&amp;Save as new version</source>
        <translation>Opslaan als nieuwe &amp;versie</translation>
    </message>
    <message>
        <source>Save the care plan as a new version</source>
        <translation>Het zorgplan opslaan als nieuwe versie</translation>
    </message>
    <message>
        <source>New version current &amp;as of:</source>
        <translation>Nieuwe versie actueel &amp;per:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Toelichting:</translation>
    </message>
    <message>
        <source>Care plan views</source>
        <translation>Weergaven zorgplan</translation>
    </message>
    <message>
        <source>Care plan editor</source>
        <translation>Zorgplan bewerken</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bewerken</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Laad opnieuw</translation>
    </message>
    <message>
        <source>Reload the care plan (your unsaved changes are discarded)</source>
        <translation>Het zorgplan opnieuw laden (uw niet-opgeslagen wijzigingen vervallen)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Saved on</source>
        <translation>Opgeslagen op</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versies</translation>
    </message>
    <message>
        <source>Compare from version</source>
        <translation>Vergelijk vanaf versie</translation>
    </message>
    <message>
        <source>Compare to version</source>
        <translation>Vergelijk met versie</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergelijken</translation>
    </message>
    <message>
        <source>Show the differences</source>
        <translation>Toon de verschillen</translation>
    </message>
    <message>
        <source>&amp;From version:</source>
        <translation>V&amp;an versie:</translation>
    </message>
    <message>
        <source>&amp;To version:</source>
        <translation>&amp;Met versie:</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Eerst</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Verschillen</translation>
    </message>
    <message>
        <source>&amp;Version history</source>
        <translation>Versie&amp;geschiedenis</translation>
    </message>
    <message>
        <source>Changed at another workstation — reload</source>
        <translation>Gewijzigd op een andere werkplek — laad opnieuw</translation>
    </message>
    <message>
        <source>Changed meanwhile — reload</source>
        <translation>Intussen gewijzigd — laad opnieuw</translation>
    </message>
    <message>
        <source>No care plan yet. Fill in the form and save version 1.</source>
        <translation>Nog geen zorgplan. Vul het formulier in en sla versie 1 op.</translation>
    </message>
    <message>
        <source>Version %1 · current as of %2 · saved %3 by %4</source>
        <translation>Versie %1 · actueel per %2 · opgeslagen %3 door %4</translation>
    </message>
    <message>
        <source>%1 change(s) from version %2 to version %3</source>
        <translation>%1 wijziging(en) van versie %2 naar versie %3</translation>
    </message>
    <message>
        <source>(not filled in)</source>
        <translation>(niet ingevuld)</translation>
    </message>
</context>
</TS>