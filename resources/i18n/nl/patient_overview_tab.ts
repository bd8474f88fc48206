<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>OverviewTab</name>
    <message>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Marked on</source>
        <translation>Gemarkeerd op</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgentie</translation>
    </message>
    <message>
        <source>GP</source>
        <translation>Huisarts</translation>
    </message>
    <message>
        <source>Central caregiver</source>
        <translation>Centrale zorgverlener</translation>
    </message>
    <message>
        <source>Main condition</source>
        <translation>Hoofdaandoening</translation>
    </message>
    <message>
        <source>Treatment in hospital</source>
        <translation>Behandeling in het ziekenhuis</translation>
    </message>
    <message>
        <source>Decision-making capacity</source>
        <translation>Wilsbekwaamheid</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Wettelijk vertegenwoordiger</translation>
    </message>
    <message>
        <source>Special populations</source>
        <translation>Bijzondere doelgroepen</translation>
    </message>
    <message>
        <source>Objection to sharing</source>
        <translation>Bezwaar tegen delen</translation>
    </message>
    <message>
        <source>BSN / HIS number</source>
        <translation>BSN / HIS-nummer</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>&amp;Edit details…</source>
        <translation>Gegevens &amp;bewerken…</translation>
    </message>
    <message>
        <source>Edit the patient's details</source>
        <translation>De gegevens van de patiënt bewerken</translation>
    </message>
    <message>
        <source>Si&amp;gnal…</source>
        <translation>&amp;Signaal…</translation>
    </message>
    <message>
        <source>Record a signal</source>
        <translation>Een signaal vastleggen</translation>
    </message>
    <message>
        <source>&amp;Mark…</source>
        <translation>&amp;Markeren…</translation>
    </message>
    <message>
        <source>Mark the palliative phase</source>
        <translation>De palliatieve fase markeren</translation>
    </message>
    <message>
        <source>&amp;Urgency…</source>
        <translation>&amp;Urgentie…</translation>
    </message>
    <message>
        <source>Change the urgency colour</source>
        <translation>De urgentiekleur wijzigen</translation>
    </message>
    <message>
        <source>&amp;Hospital MDO…</source>
        <translation>&amp;Ziekenhuis-MDO…</translation>
    </message>
    <message>
        <source>Record a hospital MDO-PZ</source>
        <translation>Een MDO-PZ in het ziekenhuis vastleggen</translation>
    </message>
    <message>
        <source>D&amp;ying phase…</source>
        <translation>S&amp;tervensfase…</translation>
    </message>
    <message>
        <source>Record the dying phase</source>
        <translation>De stervensfase vastleggen</translation>
    </message>
    <message>
        <source>Dea&amp;th…</source>
        <translation>&amp;Overlijden…</translation>
    </message>
    <message>
        <source>Record the death</source>
        <translation>Het overlijden registreren</translation>
    </message>
    <message>
        <source>De&amp;register…</source>
        <translation>&amp;Afmelden…</translation>
    </message>
    <message>
        <source>Deregister: no longer palliative</source>
        <translation>Afmelden: niet (meer) palliatief</translation>
    </message>
    <message>
        <source>Pra&amp;ctice…</source>
        <translation>Prakt&amp;ijk…</translation>
    </message>
    <message>
        <source>Move the patient to another practice</source>
        <translation>Patiënt naar een andere praktijk verplaatsen</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>Open taken</translation>
    </message>
    <message>
        <source>Open t&amp;asks:</source>
        <translation>Open ta&amp;ken:</translation>
    </message>
    <message>
        <source>Task &amp;done</source>
        <translation>Taak a&amp;fgerond</translation>
    </message>
    <message>
        <source>Mark the selected task as done</source>
        <translation>De gekozen taak als afgerond markeren</translation>
    </message>
    <message>
        <source>Open signals</source>
        <translation>Open signalen</translation>
    </message>
    <message>
        <source>Open signals (to discuss with the physi&amp;cian):</source>
        <translation>Open signalen (te bespreken met de a&amp;rts):</translation>
    </message>
    <message>
        <source>Signal disc&amp;ussed</source>
        <translation>Signaal bes&amp;proken</translation>
    </message>
    <message>
        <source>Mark the selected signal as discussed</source>
        <translation>Het gekozen signaal als besproken markeren</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>H&amp;istory:</source>
        <translation>&amp;Geschiedenis:</translation>
    </message>
    <message>
        <source>since</source>
        <translation>sinds</translation>
    </message>
    <message>
        <source>not set yet</source>
        <translation>nog niet vastgelegd</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>due</source>
        <translation>uiterlijk</translation>
    </message>
    <message>
        <source>Edit patient details</source>
        <translation>Gegevens van de patiënt bewerken</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Voornaam:</translation>
    </message>
    <message>
        <source>Prefi&amp;x:</source>
        <translation>&amp;Tussenvoegsel:</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>Ac&amp;hternaam:</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>Ge&amp;boortedatum:</translation>
    </message>
    <message>
        <source>&amp;Sex:</source>
        <translation>Ges&amp;lacht:</translation>
    </message>
    <message>
        <source>BS&amp;N:</source>
        <translation>B&amp;SN:</translation>
    </message>
    <message>
        <source>&amp;HIS number:</source>
        <translation>HIS-&amp;nummer:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>Tele&amp;foon:</translation>
    </message>
    <message>
        <source>Main &amp;condition:</source>
        <translation>Hoofd&amp;aandoening:</translation>
    </message>
    <message>
        <source>Condition (free &amp;text):</source>
        <translation>Aandoening (vrije te&amp;kst):</translation>
    </message>
    <message>
        <source>H&amp;ospital (2nd line):</source>
        <translation>&amp;Ziekenhuis (tweede lijn):</translation>
    </message>
    <message>
        <source>Speci&amp;alist:</source>
        <translation>S&amp;pecialist:</translation>
    </message>
    <message>
        <source>Decision-making capacit&amp;y:</source>
        <translation>&amp;Wilsbekwaamheid:</translation>
    </message>
    <message>
        <source>&amp;Representative:</source>
        <translation>Ve&amp;rtegenwoordiger:</translation>
    </message>
    <message>
        <source>Re&amp;lation:</source>
        <translation>R&amp;elatie:</translation>
    </message>
    <message>
        <source>Representative's p&amp;hone:</source>
        <translation>Telefo&amp;on vertegenwoordiger:</translation>
    </message>
    <message>
        <source>Patient ob&amp;jects to sharing data</source>
        <translation>Patiënt heeft bezwaar tegen &amp;delen van gegevens</translation>
    </message>
    <message>
        <source>&amp;Wlz indication</source>
        <translation>Wlz-&amp;indicatie</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Bron:</translation>
    </message>
    <message>
        <source>&amp;Kind of signal:</source>
        <translation>&amp;Soort signaal:</translation>
    </message>
    <message>
        <source>Signalled &amp;by (name or role):</source>
        <translation>&amp;Gesignaleerd door (naam of rol):</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notitie:</translation>
    </message>
    <message>
        <source>The signal goes to the queue 'to discuss with the physician'.</source>
        <translation>Het signaal komt in de lijst 'te bespreken met de regiebehandelaar'.</translation>
    </message>
    <message>
        <source>Change urgency</source>
        <translation>Urgentie wijzigen</translation>
    </message>
    <message>
        <source>&amp;Urgency:</source>
        <translation>&amp;Urgentie:</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Waarom:</translation>
    </message>
    <message>
        <source>Every change is dated and puts the patient on the next meeting's agenda.</source>
        <translation>Elke wijziging wordt gedateerd en zet de patiënt op de agenda van het volgende overleg.</translation>
    </message>
    <message>
        <source>Hospital MDO-PZ</source>
        <translation>MDO-PZ in het ziekenhuis</translation>
    </message>
    <message>
        <source>&amp;Date of the MDO-PZ:</source>
        <translation>&amp;Datum van het MDO-PZ:</translation>
    </message>
    <message>
        <source>&amp;Hospital:</source>
        <translation>&amp;Ziekenhuis:</translation>
    </message>
    <message>
        <source>&amp;Specialist:</source>
        <translation>&amp;Specialist:</translation>
    </message>
    <message>
        <source>&amp;Marked in the hospital</source>
        <translation>&amp;Gemarkeerd in het ziekenhuis</translation>
    </message>
    <message>
        <source>&amp;ACP outcome received</source>
        <translation>&amp;ACP-uitkomst ontvangen</translation>
    </message>
    <message>
        <source>The &amp;GP becomes lead practitioner (regiebehandelaar)</source>
        <translation>De &amp;huisarts wordt regiebehandelaar</translation>
    </message>
    <message>
        <source>Dying phase</source>
        <translation>Stervensfase</translation>
    </message>
    <message>
        <source>Indications (source 002)</source>
        <translation>Aanwijzingen (bron 002)</translation>
    </message>
    <message>
        <source>&amp;Judged by (multidisciplinary):</source>
        <translation>&amp;Vastgesteld door (multidisciplinair):</translation>
    </message>
    <message>
        <source>&amp;Care pathway for the dying phase started</source>
        <translation>&amp;Zorgpad stervensfase gestart</translation>
    </message>
    <message>
        <source>The (multidisciplinary) judgement decides, not the indications alone.</source>
        <translation>Het (multidisciplinaire) oordeel is doorslaggevend, niet de aanwijzingen alleen.</translation>
    </message>
    <message>
        <source>Record death</source>
        <translation>Overlijden registreren</translation>
    </message>
    <message>
        <source>&amp;Date of death:</source>
        <translation>&amp;Overlijdensdatum:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Plaats:</translation>
    </message>
    <message>
        <source>&amp;Non-unexpected death</source>
        <translation>Niet-onver&amp;wacht overlijden</translation>
    </message>
    <message>
        <source>Creates tasks: inform the pharmacy, the after-death review at the next meeting, and aftercare for the relatives.</source>
        <translation>Maakt taken aan: de apotheek informeren, de nabespreking in het volgende overleg en nazorg voor de naasten.</translation>
    </message>
    <message>
        <source>Deregister</source>
        <translation>Afmelden</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reden:</translation>
    </message>
</context>
</TS>