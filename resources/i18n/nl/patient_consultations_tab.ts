<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>PatientConsultationsTab</name>
    <message>
        <source>Consultations of this patient</source>
        <translation>Consultaties van deze patiënt</translation>
    </message>
    <message>
        <source>&amp;Request consultation…</source>
        <translation>Consultatie &amp;aanvragen…</translation>
    </message>
    <message>
        <source>Request a specialist consultation</source>
        <translation>Vraag een consultatie bij een specialist aan</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Consultaties</translation>
    </message>
    <message>
        <source>No consultations yet.</source>
        <translation>Nog geen consultaties.</translation>
    </message>
    <message>
        <source>%1 consultation(s), %2 waiting for advice</source>
        <translation>%1 consultatie(s), %2 wacht(en) op advies</translation>
    </message>
</context>
</TS>
