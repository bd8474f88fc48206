<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>ContactDialog</name>
    <message>
        <source>Contact with the second line</source>
        <translation>Contact met de tweede lijn</translation>
    </message>
    <message>
        <source>Date of the contact</source>
        <translation>Datum van het contact</translation>
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
        <source>Contact person</source>
        <translation>Contactpersoon</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Ziekenhuis</translation>
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
        <source>About what was received</source>
        <translation>Toelichting bij het ontvangene</translation>
    </message>
    <message>
        <source>An outgoing contact closes the task 'inform the hospital specialist'.</source>
        <translation>Een uitgaand contact rondt de taak 'behandelaar in het ziekenhuis informeren' af.</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>D&amp;irection:</source>
        <translation>R&amp;ichting:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanaal:</translation>
    </message>
    <message>
        <source>&amp;With:</source>
        <translation>&amp;Met:</translation>
    </message>
    <message>
        <source>&amp;Hospital:</source>
        <translation>&amp;Ziekenhuis:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Onderwerp:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Uitkomst:</translation>
    </message>
    <message>
        <source>&amp;Received:</source>
        <translation>Ont&amp;vangen:</translation>
    </message>
    <message>
        <source>Abo&amp;ut it:</source>
        <translation>&amp;Toelichting:</translation>
    </message>
</context>
<context>
    <name>NazorgDialog</name>
    <message>
        <source>Aftercare for the naasten</source>
        <translation>Nazorg voor de naasten</translation>
    </message>
    <message>
        <source>Date of the aftercare contact</source>
        <translation>Datum van de nazorg</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>Met wie</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>&amp;With whom:</source>
        <translation>&amp;Met wie:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Uitkomst:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Toelichting:</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>After-death review</source>
        <translation>Nabespreking</translation>
    </message>
    <message>
        <source>Died on %1 (%2); wished place: %3.</source>
        <translation>Overleden op %1 (%2); gewenste plek: %3.</translation>
    </message>
    <message>
        <source>Place as wished: %1.</source>
        <translation>Plek zoals gewenst: %1.</translation>
    </message>
    <message>
        <source>Was the death expected?</source>
        <translation>Was het overlijden verwacht?</translation>
    </message>
    <message>
        <source>Care plan known to the out-of-hours GP service?</source>
        <translation>Zorgplan bekend bij de huisartsenpost?</translation>
    </message>
    <message>
        <source>Care plan known to the ambulance?</source>
        <translation>Zorgplan bekend bij de ambulance?</translation>
    </message>
    <message>
        <source>What went well</source>
        <translation>Wat ging goed</translation>
    </message>
    <message>
        <source>Bottlenecks, one per line</source>
        <translation>Knelpunten, één per regel</translation>
    </message>
    <message>
        <source>Lessons learned, one per line</source>
        <translation>Leerpunten, één per regel</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Nabespreking</translation>
    </message>
    <message>
        <source>Death &amp;expected:</source>
        <translation>Overlijden &amp;verwacht:</translation>
    </message>
    <message>
        <source>Plan known to &amp;HAP:</source>
        <translation>Bekend bij de &amp;HAP:</translation>
    </message>
    <message>
        <source>Plan known to &amp;ambulance:</source>
        <translation>Bekend bij de &amp;ambulance:</translation>
    </message>
    <message>
        <source>What went &amp;well:</source>
        <translation>Wat ging &amp;goed:</translation>
    </message>
    <message>
        <source>&amp;Bottlenecks:</source>
        <translation>&amp;Knelpunten:</translation>
    </message>
    <message>
        <source>&amp;Lessons learned:</source>
        <translation>&amp;Leerpunten:</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer with warm handover</source>
        <translation>Overplaatsing met warme overdracht</translation>
    </message>
    <message>
        <source>Date of the transfer</source>
        <translation>Datum van de overplaatsing</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Naar</translation>
    </message>
    <message>
        <source>Receiving institution</source>
        <translation>Ontvangende instelling</translation>
    </message>
    <message>
        <source>Reason for the transfer</source>
        <translation>Reden van de overplaatsing</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>Overgedragen door</translation>
    </message>
    <message>
        <source>Handed over to</source>
        <translation>Overgedragen aan</translation>
    </message>
    <message>
        <source>Receiving party &amp;confirmed the handover</source>
        <translation>Ontvangende partij heeft de overdracht &amp;bevestigd</translation>
    </message>
    <message>
        <source>Receiving party confirmed the handover</source>
        <translation>Ontvangende partij heeft de overdracht bevestigd</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>Bevestigd door</translation>
    </message>
    <message>
        <source>New central caregiver</source>
        <translation>Nieuwe centrale zorgverlener</translation>
    </message>
    <message>
        <source>— unchanged —</source>
        <translation>— ongewijzigd —</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Record where the patient goes and what went with them. A new central caregiver is changed in the same step.</source>
        <translation>Leg vast waar de patiënt heen gaat en wat er is overgedragen. Een nieuwe centrale zorgverlener wordt in dezelfde stap gewijzigd.</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Van:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Naar:</translation>
    </message>
    <message>
        <source>Receiving &amp;institution:</source>
        <translation>Ontvangende &amp;instelling:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reden:</translation>
    </message>
    <message>
        <source>Handed over &amp;by:</source>
        <translation>Overgedragen d&amp;oor:</translation>
    </message>
    <message>
        <source>Handed over t&amp;o:</source>
        <translation>Overgedragen &amp;aan:</translation>
    </message>
    <message>
        <source>What was handed over:</source>
        <translation>Wat is overgedragen:</translation>
    </message>
    <message>
        <source>Confirmed b&amp;y:</source>
        <translation>Bevestigd door (&amp;wie):</translation>
    </message>
    <message>
        <source>New central &amp;caregiver:</source>
        <translation>Nieuwe centrale &amp;zorgverlener:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Toelichting:</translation>
    </message>
</context>
</TS>