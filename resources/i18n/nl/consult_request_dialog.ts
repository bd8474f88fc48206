<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>ConsultRequestDialog</name>
    <message>
        <source>Request consultation</source>
        <translation>Consultatie aanvragen</translation>
    </message>
    <message>
        <source>Request specialist palliative care consultation</source>
        <translation>Consultatie specialist palliatieve zorg aanvragen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Consultation team</source>
        <translation>Consultatieteam</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Aangevraagd door</translation>
    </message>
    <message>
        <source>Date and time of the request</source>
        <translation>Datum en tijd van de aanvraag</translation>
    </message>
    <message>
        <source>Question for the specialist</source>
        <translation>Vraag aan de specialist</translation>
    </message>
    <message>
        <source>What do you want to ask the specialist?</source>
        <translation>Wat wilt u de specialist vragen?</translation>
    </message>
    <message>
        <source>Mode of consultation</source>
        <translation>Vorm van consultatie</translation>
    </message>
    <message>
        <source>Complexity</source>
        <translation>Complexiteit</translation>
    </message>
    <message>
        <source>Complexity: %1</source>
        <translation>Complexiteit: %1</translation>
    </message>
    <message>
        <source>Dimensions involved</source>
        <translation>Betrokken dimensies</translation>
    </message>
    <message>
        <source>Dimension: %1</source>
        <translation>Dimensie: %1</translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Patiënt:</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>&amp;Team:</translation>
    </message>
    <message>
        <source>Requested &amp;by:</source>
        <translation>Aangevraagd &amp;door:</translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation>Datum en &amp;tijd:</translation>
    </message>
    <message>
        <source>Call:</source>
        <translation>Bellen:</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Vraag:</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>V&amp;orm:</translation>
    </message>
    <message>
        <source>&amp;Request</source>
        <translation>&amp;Aanvragen</translation>
    </message>
    <message>
        <source>Requested from the meeting in progress.</source>
        <translation>Aangevraagd vanuit het lopende overleg.</translation>
    </message>
    <message>
        <source>fictitious</source>
        <translation>fictief</translation>
    </message>
    <message>
        <source>There is no consultation team yet. Add one under Consultations › Teams first.</source>
        <translation>Er is nog geen consultatieteam. Voeg er eerst een toe onder Consultaties › Teams.</translation>
    </message>
    <message>
        <source>%1 — call %2: %3</source>
        <translation>%1 — bel %2: %3</translation>
    </message>
    <message>
        <source>%1 — %2 has no number for this time window</source>
        <translation>%1 — %2 heeft geen nummer voor dit tijdvak</translation>
    </message>
    <message>
        <source>(other time window: %1)</source>
        <translation>(ander tijdvak: %1)</translation>
    </message>
    <message>
        <source>Choose a consultation team.</source>
        <translation>Kies een consultatieteam.</translation>
    </message>
</context>
</TS>
