"""Hand-built, fictional report data for the document tests (no database needed)."""

from __future__ import annotations

from datetime import date, datetime, time

from pzmdo.reports.model import (
    CONSENT_OPTIONS,
    DECISION_LIMITED,
    DECISION_NO,
    DECISION_UNKNOWN,
    DECISION_YES,
    EUTHANASIA_OPTIONS,
    ICD_AGREEMENT_OPTIONS,
    PLACES_OF_DEATH,
    POLICY_GOALS,
    TREATMENT_LIMIT_ROWS,
    YES_NO_UNKNOWN,
    ActionItem,
    AcuteAgreements,
    AgendaEntry,
    Agreement,
    Attendee,
    CarePlanData,
    Choice,
    Contact,
    DimensionSection,
    DocumentMeta,
    MeetingData,
    MinutesItem,
    PatientIdent,
    RelatedPerson,
    Scenario,
    TreatmentLimit,
)

PATIENT_NAME = "Zoë Hébert-van den Brœk (fictief)"
INTERNAL_NOTE = "Interne notitie: zoon belt vaak de praktijk, afstemmen met POH."
PRINTED_AT = datetime(2026, 3, 12, 14, 35)


def meta(kind: str, title: str, version: str = "zorgplan versie 3") -> DocumentMeta:
    return DocumentMeta(
        kind=kind,
        title=title,
        practice_name="Huisartsenpraktijk De Eikenlaan (fictief)",
        printed_by="Bea Beheer (fictief)",
        printed_at=PRINTED_AT,
        version_label=version,
    )


def patient(name: str = PATIENT_NAME, **kw: object) -> PatientIdent:
    base = dict(
        name=name,
        birth_date=date(1941, 5, 17),
        bsn="999990019",
        given_name="Zoë",
        name_prefix=None,
        family_name="Hébert-van den Brœk (fictief)",
        address="Brinkstraat 12, 9401 HZ Assen (fictief)",
        phone="0592-111111",
        status_label="Gemarkeerd",
        is_fictional=True,
    )
    base.update(kw)
    return PatientIdent(**base)  # type: ignore[arg-type]


def careplan(p: PatientIdent | None = None) -> CarePlanData:
    p = p or patient()
    decisions = [
        DECISION_NO,
        DECISION_NO,
        DECISION_NO,
        DECISION_LIMITED,
        DECISION_YES,
        DECISION_UNKNOWN,
    ]
    limits = tuple(
        TreatmentLimit(
            label=label,
            decision=decision,
            limitation="alleen bij een goed behandelbare oorzaak, kort en na overleg met de huisarts"
            if decision == DECISION_LIMITED
            else "",
            note="Besproken met patiënte en dochter Anneloes; patiënte is hier stellig in."
            if decision == DECISION_NO
            else "",
            discussed_on=date(2026, 2, 20),
        )
        for label, decision in zip(TREATMENT_LIMIT_ROWS, decisions, strict=True)
    )
    return CarePlanData(
        patient=p,
        version=3,
        current_as_of=date(2026, 3, 1),
        filled_on=date(2026, 2, 20),
        conducted_by="Dr. A. Jansen (fictief)",
        conducted_by_function="Huisarts",
        central_caregiver=Contact(
            "Centrale zorgverlener",
            "L. Visser (fictief)",
            "Wijkverpleegkundige",
            "Thuiszorg Het Anker (fictief)",
            "06-12345678",
            "0592-999999",
        ),
        first_contact=Contact(
            "Eerste aanspreekpunt",
            "S. Bakker (fictief)",
            "POH",
            "Huisartsenpraktijk De Eikenlaan (fictief)",
            "0592-222222",
        ),
        team=(
            Contact(
                "Huisarts",
                "Dr. A. Jansen (fictief)",
                "Huisarts",
                "Huisartsenpraktijk De Eikenlaan (fictief)",
                "0592-222222",
                "0900-1234567",
            ),
            Contact(
                "Specialist palliatieve zorg",
                "Dr. R. Smit (fictief)",
                None,
                "STOP-team Drenthe (fictief)",
                "0592-333333",
            ),
            Contact(
                "Geestelijk verzorger",
                "J. Mulder (fictief)",
                None,
                "Centrum voor Levensvragen (fictief)",
                "0592-444444",
            ),
        ),
        gp_post_phone="0900-1120112",
        legally_capable="Ja",
        legally_capable_note="Helder en goed geïnformeerd over haar ziekte.",
        representative=RelatedPerson(
            "Anneloes Hébert (fictief)", "Kind", "06-87654321", phone="06-87654321"
        ),
        representative_is_first_contact=True,
        present=("Patiënt", "Kind (dochter Anneloes)"),
        policy_goal=POLICY_GOALS[2],
        limits=limits,
        other_limits=Choice(
            "Overige behandelgrenzen",
            YES_NO_UNKNOWN,
            "Nee",
            "Alleen de bovengenoemde afspraken zijn besproken.",
        ),
        icd=Choice("Heeft de patiënt een ICD?", YES_NO_UNKNOWN, "Nee"),
        icd_agreement=Choice(
            "Is er een afspraak over moment van uitzetten ICD?",
            ICD_AGREEMENT_OPTIONS,
            "Niet besproken",
        ),
        wishes="Zoë wil zo lang mogelijk thuis blijven, in haar eigen stoel bij het raam. "
        "Muziek van Édith Piaf geeft haar rust. Ze is katholiek en wil de ziekenzalving ontvangen.",
        place_of_death=Choice(
            "Gewenste plek van overlijden:",
            PLACES_OF_DEATH,
            "Thuis",
            "Hospice is bespreekbaar als de zorg thuis te zwaar wordt.",
        ),
        euthanasia=Choice("Euthanasie standpunt:", EUTHANASIA_OPTIONS, "Wenst geen euthanasie"),
        organ_donation=Choice(
            "Keuze orgaandonatie vastgelegd in donorregister?", YES_NO_UNKNOWN, "Ja"
        ),
        other_important="Haar kat Gérard moet verzorgd worden; de buurvrouw heeft dat toegezegd.",
        prior_directives=Choice(
            "Heeft de patiënt eerder behandelafspraken vastgelegd?", YES_NO_UNKNOWN, "Nee"
        ),
        informed_about_sharing=Choice(
            "Patiënt geïnformeerd over eigen verantwoordelijkheid om deze afspraken met naasten te bespreken?",
            ("Ja", "Nee"),
            "Ja",
        ),
        consent_to_share=Choice(
            "Patiënt gaat akkoord met het delen van deze afspraken met andere hulpverleners",
            CONSENT_OPTIONS,
            "Akkoord",
        ),
        dimensions=(
            DimensionSection(
                "Fysiek",
                "Toenemende vermoeidheid en kortademigheid bij inspanning.",
                (
                    Agreement(
                        "Zuurstof thuis op recept; evaluatie na twee weken.",
                        "Fysiek",
                        "Huisarts",
                        date(2026, 2, 20),
                    ),
                ),
            ),
            DimensionSection(
                "Psychisch",
                "Soms somber, vooral 's avonds.",
                (Agreement("Wekelijks gesprek met de POH.", "Psychisch", "POH"),),
            ),
            DimensionSection(
                "Sociaal",
                "Dochter zorgt dagelijks; combineert dit met werk.",
                (
                    Agreement(
                        "VPTZ-vrijwilliger twee nachten per week aangevraagd.",
                        "Sociaal",
                        "Wijkverpleegkundige",
                    ),
                ),
            ),
            DimensionSection(
                "Zingeving",
                "Geloof is belangrijk.",
                (Agreement("Pastoor wordt gebeld bij verslechtering.", "Zingeving", "Dochter"),),
            ),
        ),
        agreements=(Agreement("Zorgplan wordt elke zes weken in het MDO besproken."),),
        scenarios=(
            Scenario(
                "Toenemende benauwdheid in de nacht",
                "Morfine volgens het bijgevoegde schema; huisartsenpost bellen",
                "Dochter / HAP",
            ),
            Scenario(
                "Onrust of delier", "Haloperidol volgens schema; geen opname", "Wijkverpleging"
            ),
        ),
        acute=AcuteAgreements(
            call_gp_post_instead_of_112=True,
            for_gp_post="Niet insturen naar het ziekenhuis. Dochter Anneloes belt bij verslechtering.",
            for_ambulance="Niet reanimeren. Sleutelkastje bij de voordeur, code bij de HAP bekend.",
            medication_at_home="Morfine 10 mg/ml en midazolam in de koelkast (anticipatoir).",
        ),
        professional_notes=INTERNAL_NOTE,
        last_discussed_on=date(2026, 2, 26),
        next_review_on=date(2026, 4, 9),
    )


def second_patient() -> PatientIdent:
    return patient(
        name="Loïs de Wit-Mëijer (fictief)",
        birth_date=date(1950, 11, 2),
        bsn=None,
        given_name="Loïs",
        name_prefix="de",
        family_name="Wit-Mëijer (fictief)",
    )


def meeting() -> MeetingData:
    p1, p2 = patient(), second_patient()
    items = (
        MinutesItem(
            AgendaEntry(
                1,
                "Overleden (nabespreking)",
                p2,
                detail="overleden op 03-03-2026 (thuis)",
                proposed_by="Dr. A. Jansen (fictief)",
                minutes=10,
            ),
            notes=(
                (
                    "Nabespreking",
                    "Rustig thuis overleden, zoals gewenst. Mantelzorg hield het goed vol.",
                ),
            ),
            checklist=(
                ("Plek van overlijden zoals gewenst", True),
                ("Nazorg naasten geregeld", True),
            ),
            decisions=("Nazorggesprek met de echtgenoot over zes weken.",),
            actions=(
                ActionItem(
                    "Nazorggesprek plannen met echtgenoot",
                    "S. Bakker (fictief)",
                    date(2026, 4, 16),
                    p2,
                ),
            ),
        ),
        MinutesItem(
            AgendaEntry(
                2,
                "Urgentie gewijzigd",
                p1,
                detail="van geel naar oranje op 01-03-2026",
                proposed_by="L. Visser (fictief)",
                minutes=15,
            ),
            notes=(
                ("Fysiek", "Meer benauwd; zuurstof thuis geregeld."),
                ("Sociaal", "Dochter raakt overbelast; VPTZ besproken."),
                ("Zingeving", "Wil de ziekenzalving ontvangen."),
            ),
            checklist=(
                ("Centrale zorgverlener bekend", True),
                ("Behandelgrenzen besproken", True),
                ("Spoedoverzicht bij HAP", False),
            ),
            decisions=("Consultatie STOP-team aanvragen.", "Zorgplan bijwerken naar versie 4."),
            actions=(
                ActionItem(
                    "Consultatie STOP-team aanvragen",
                    "Dr. A. Jansen (fictief)",
                    date(2026, 3, 19),
                    p1,
                ),
                ActionItem(
                    "Spoedoverzicht naar de huisartsenpost sturen",
                    "S. Bakker (fictief)",
                    date(2026, 3, 14),
                    p1,
                ),
            ),
        ),
        MinutesItem(
            AgendaEntry(3, "Thema", None, title="Mantelzorgondersteuning in de regio", minutes=20)
        ),
    )
    return MeetingData(
        title="PaTz-bijeenkomst",
        meeting_date=date(2026, 3, 12),
        start_time=time(12, 30),
        end_time=time(14, 0),
        location="Gezondheidscentrum De Eikenlaan, vergaderzaal (fictief)",
        team_name="PaTz-groep Assen-Noord (fictief)",
        chair="Dr. A. Jansen (fictief)",
        minute_taker="S. Bakker (fictief)",
        status_label="Afgesloten",
        attendees=(
            Attendee(
                "Dr. A. Jansen (fictief)",
                "Voorzitter",
                "Huisarts",
                "Huisartsenpraktijk De Eikenlaan (fictief)",
                True,
                "BIG 19000000001",
            ),
            Attendee(
                "S. Bakker (fictief)",
                "Notulist",
                "POH",
                "Huisartsenpraktijk De Eikenlaan (fictief)",
                True,
            ),
            Attendee(
                "L. Visser (fictief)",
                "Deelnemer",
                "Wijkverpleegkundige",
                "Thuiszorg Het Anker (fictief)",
                True,
                "BIG 29000000002",
            ),
            Attendee(
                "Dr. R. Smit (fictief)",
                "Consulent palliatieve zorg",
                "Specialist PZ",
                "STOP-team Drenthe (fictief)",
                True,
            ),
            Attendee(
                "Dr. M. de Vries (fictief)",
                "Deelnemer",
                "Huisarts",
                "Huisartsenpraktijk De Eikenlaan (fictief)",
                False,
            ),
        ),
        items=items,
        decisions=("Volgende bijeenkomst op 23-04-2026.",),
        actions=(
            ActionItem(
                "Thema-avond mantelzorg organiseren", "L. Visser (fictief)", date(2026, 5, 1)
            ),
        ),
    )
