"""The register services against a real encrypted database (issue 3)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from pzmdo.domain.agenda import AgendaReason
from pzmdo.domain.errors import TransitionError, ValidationError
from pzmdo.services import register as reg
from pzmdo.services.audit_log import list_audit
from pzmdo.store.models import Patient
from pzmdo.store.models.register import Death, FollowUpTask, Marking, Signal, StatusEvent
from tests.support.register_helpers import add_patient, gp_context, patient

TODAY = date.today()
VALID_BSN = "111222333"  # passes the 11-proef; fictional


def _count(ctx, model) -> int:
    with ctx.db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.fixture
def gp(ctx):
    return gp_context(ctx)


def test_full_lifecycle_is_dated_audited_and_denormalised(gp, ctx):
    pid = reg.add_signal(
        gp,
        None,
        reg.SignalInput(source="wijkverpleging", signal_type="niet_pluis", note="valt af"),
        new_patient=patient(bsn=VALID_BSN),
    )
    assert [s.patient_id for s in reg.signal_queue(gp)] == [pid]
    reg.mark_patient(gp, reg.MarkingInput(surprise_answer="nee", patient_id=pid))
    details = reg.get_patient(gp, pid)
    assert details.status == "gemarkeerd" and details.marked_on == TODAY
    assert reg.signal_queue(gp) == []  # marking handles the open signals
    reg.set_urgency(gp, pid, "oranje", "meer pijn")
    reg.record_stervensfase(
        gp,
        pid,
        reg.StervensfaseInput(
            judged_by="huisarts en wijkverpleging", indicators=("niet_uit_bed", "slokjes")
        ),
    )
    task_ids = reg.record_death(gp, pid, reg.DeathInput(died_on=TODAY, place="thuis"))
    assert len(task_ids) == 3
    kinds = {t.kind for t in reg.open_tasks(gp, pid)}
    assert kinds == {"apotheek_informeren", "nabespreking", "nazorg_naasten"}
    with gp.db.session() as s:
        events = s.scalars(
            select(StatusEvent.to_status)
            .where(StatusEvent.patient_id == pid)
            .order_by(StatusEvent.id)
        ).all()
        p = s.get(Patient, pid)
        assert p.status == "overleden" and p.status_since == TODAY and p.urgency == "oranje"
    assert events == ["gesignaleerd", "gemarkeerd", "stervensfase", "overleden"]
    actions = [e.action for e in list_audit(ctx, patient_id=pid)]
    for action in ("signal_add", "mark", "urgency", "stervensfase", "death"):
        assert action in actions
    # Deceased is terminal.
    with pytest.raises(TransitionError, match="overleden"):
        reg.deregister(gp, pid, "vergissing")
    history = reg.history(gp, pid)
    assert history[0].what.startswith("Status: overleden")


def test_marking_new_patient_by_gp_is_agenda_candidate(gp):
    pid = reg.mark_patient(gp, reg.MarkingInput(surprise_answer="nee", new_patient=patient()))
    with gp.db.session() as s:
        m = s.scalars(select(Marking).where(Marking.patient_id == pid)).one()
        assert m.marked_by_person_id == gp.user.person_id
        assert m.question_version == "000:L86" and m.surprise_answer == "nee"
    cands = reg.agenda_candidates(gp, None, TODAY)
    assert any(
        c.patient_id == pid and c.reason is AgendaReason.NEWLY_MARKED_OR_SIGNALLED for c in cands
    )
    # Not for the agenda when the GP unticks "agenderen".
    other = reg.mark_patient(
        gp,
        reg.MarkingInput(surprise_answer="nee", new_patient=patient(given="Kees"), to_agenda=False),
    )
    assert other not in {c.patient_id for c in reg.agenda_candidates(gp, None, TODAY)}


@pytest.mark.parametrize(
    "make, message",
    [
        (
            lambda: reg.MarkingInput(surprise_answer="nee", new_patient=patient(bsn="123456789")),
            "BSN",
        ),
        (
            lambda: reg.MarkingInput(
                surprise_answer="nee", new_patient=patient(), marked_on=TODAY + timedelta(days=1)
            ),
            "toekomst",
        ),
        (
            lambda: reg.MarkingInput(
                surprise_answer="nee", new_patient=patient(birth=TODAY + timedelta(days=3))
            ),
            "geboortedatum",
        ),
        (lambda: reg.MarkingInput(surprise_answer="ja", new_patient=patient()), "andere gronden"),
        (
            lambda: reg.MarkingInput(surprise_answer="misschien", new_patient=patient()),
            "surprise question",
        ),
    ],
)
def test_refusals_store_nothing(gp, make, message):
    before = (_count(gp, Patient), _count(gp, Marking), _count(gp, StatusEvent))
    with pytest.raises(ValidationError, match=message) as info:
        reg.mark_patient(gp, make())
    assert info.value.message.endswith(".")
    assert (_count(gp, Patient), _count(gp, Marking), _count(gp, StatusEvent)) == before


def test_death_before_marking_is_refused_and_nothing_stored(gp):
    pid = add_patient(gp)
    reg.mark_patient(
        gp,
        reg.MarkingInput(
            surprise_answer="nee", patient_id=pid, marked_on=TODAY - timedelta(days=10)
        ),
    )
    with pytest.raises(ValidationError, match="vóór de markeringsdatum"):
        reg.record_death(gp, pid, reg.DeathInput(died_on=TODAY - timedelta(days=20)))
    assert _count(gp, Death) == 0 and _count(gp, FollowUpTask) == 0
    assert reg.get_patient(gp, pid).status == "gemarkeerd"


def test_birth_in_future_refused_for_create(gp):
    with pytest.raises(ValidationError, match="toekomst"):
        reg.create_patient(gp, patient(birth=TODAY + timedelta(days=1)))
    assert _count(gp, Patient) == 0


def test_impossible_transitions_are_refused_in_dutch(gp):
    pid = add_patient(gp)
    with pytest.raises(TransitionError, match="Mogelijk is"):
        reg.record_stervensfase(gp, pid, reg.StervensfaseInput(judged_by="huisarts"))
    reg.deregister(gp, pid, "niet palliatief")
    with pytest.raises(TransitionError):
        reg.record_stervensfase(gp, pid, reg.StervensfaseInput(judged_by="huisarts"))
    # A new signal brings a deregistered patient back.
    reg.add_signal(gp, pid, reg.SignalInput(source="naaste", signal_type="vraag_patient_naasten"))
    assert reg.get_patient(gp, pid).status == "gesignaleerd"
    with pytest.raises(ValidationError, match="reden"):
        reg.deregister(gp, pid, "  ")


def test_marker_must_be_a_physician(ctx):
    # Only a huisarts marks (the permission matrix); the chosen marker must be a physician too.
    from pzmdo.services.directory import PersonInput, add_person

    poh = add_person(ctx, PersonInput(name="P. Oh (fictief)", discipline="poh"))
    with pytest.raises(ValidationError, match="geen arts"):
        reg.mark_patient(
            ctx,
            reg.MarkingInput(
                surprise_answer="nee", new_patient=patient(), marked_by_person_id=poh.id
            ),
        )
    assert _count(ctx, Patient) == 0


def test_duplicate_bsn_refused(gp):
    add_patient(gp, bsn=VALID_BSN)
    with pytest.raises(ValidationError, match="al een patiënt"):
        add_patient(gp, given="Ander", bsn=VALID_BSN)


def test_urgency_change_is_dated_and_an_agenda_reason(gp):
    pid = reg.mark_patient(
        gp, reg.MarkingInput(surprise_answer="nee", new_patient=patient(), to_agenda=False)
    )
    reg.set_urgency(gp, pid, "geel")
    reg.set_urgency(gp, pid, "Rood", "acuut")
    with pytest.raises(ValidationError, match="al rood"):
        reg.set_urgency(gp, pid, "rood")
    with pytest.raises(ValidationError, match="Kies uit"):
        reg.set_urgency(gp, pid, "paars")
    cands = [c for c in reg.agenda_candidates(gp, TODAY, TODAY) if c.patient_id == pid]
    assert [c.reason for c in cands] == [AgendaReason.URGENCY_CHANGED]
    assert "rood" in cands[0].detail and "geel" in cands[0].detail
    # Events before the last meeting do not count.
    assert not [
        c
        for c in reg.agenda_candidates(gp, TODAY + timedelta(days=1), TODAY + timedelta(days=1))
        if c.patient_id == pid
    ]


def test_hospital_intake_marks_and_makes_gp_regiebehandelaar(gp):
    pid = add_patient(gp, gp_person_id=gp.user.person_id)
    reg.register_hospital_mdo(
        gp,
        pid,
        reg.HospitalMdoInput(
            mdo_on=TODAY - timedelta(days=2), hospital="Ziekenhuis Voorbeeld (fictief)"
        ),
    )
    details = reg.get_patient(gp, pid)
    assert details.status == "gemarkeerd" and details.marked_on == TODAY - timedelta(days=2)
    assert details.central_caregiver_name == "Dr. H. Huisman (fictief)"
    reasons = {c.reason for c in reg.agenda_candidates(gp, None, TODAY) if c.patient_id == pid}
    assert AgendaReason.HOSPITAL_MDO_PZ in reasons


def test_deceased_candidate_until_review_done(gp):
    pid = reg.mark_patient(
        gp,
        reg.MarkingInput(
            surprise_answer="nee", new_patient=patient(), marked_on=TODAY - timedelta(days=30)
        ),
    )
    reg.record_death(gp, pid, reg.DeathInput(died_on=TODAY - timedelta(days=1), place="hospice"))
    cands = [c for c in reg.agenda_candidates(gp, None, TODAY) if c.patient_id == pid]
    assert [c.reason for c in cands] == [AgendaReason.DECEASED]
    assert "hospice" in cands[0].detail
    review = next(t for t in reg.open_tasks(gp, pid) if t.kind == "nabespreking")
    reg.complete_task(gp, review.id)
    assert not [c for c in reg.agenda_candidates(gp, None, TODAY) if c.patient_id == pid]


def test_search_by_name_bsn_and_birth_date(gp):
    a = add_patient(gp, given="Ëlla", family="Berg (fictief)", name_prefix="van den", bsn=VALID_BSN)
    b = add_patient(
        gp, given="Jan", family="Bergsma (fictief)", birth=date(1950, 1, 2), his_number="H-77"
    )
    assert {h.id for h in reg.search_patients(gp, "berg")} == {a, b}
    assert [h.id for h in reg.search_patients(gp, "ella berg")] == [a]
    assert [h.id for h in reg.search_patients(gp, "van den")] == [a]
    assert [h.id for h in reg.search_patients(gp, "111 222")] == [a]
    assert [h.id for h in reg.search_patients(gp, "02-01-1950")] == [b]
    assert [h.id for h in reg.search_patients(gp, "H-77")] == [b]
    assert reg.search_patients(gp, "%") == []
    assert reg.search_patients(gp, "   ") == []


@pytest.mark.parametrize("common", [0, 10**9], ids=["walk-names", "rarest-word-first"])
def test_top_search_finds_what_the_register_list_finds_whichever_plan(gp, ctx, monkeypatch, common):
    """The top-20 search picks its plan by how common the words are (issue 20): walking the
    names in order, or collecting the rarest word's patients first. Both give the first 20
    of exactly what the register list's search finds."""
    from pzmdo.services.demo import add_demo_patients
    from pzmdo.services.register import search

    add_demo_patients(ctx, 300, seed=5, areas=())
    monkeypatch.setattr(search, "COMMON_WORD", common)
    for text in ("a", "de", "jan", "de vr", "van der", "e", "ma b", "zz"):
        everything = reg.register_ids(gp, reg.RegisterQuery(status=None, search=text))
        assert [h.id for h in reg.search_patients(gp, text)] == everything[:20], text
    assert len(reg.register_ids(gp, reg.RegisterQuery(status=None, search="a"))) > 20


def test_register_filters_and_sorting(gp):
    a = add_patient(gp, given="Anna", family="Aalst (fictief)", gp_person_id=gp.user.person_id)
    b = add_patient(gp, given="Bert", family="Bos (fictief)")
    c = add_patient(gp, given="Cor", family="Claes (fictief)")
    reg.mark_patient(gp, reg.MarkingInput(surprise_answer="nee", patient_id=b))
    reg.deregister(gp, c, "niet palliatief")
    assert reg.register_ids(gp, reg.RegisterQuery()) == [a, b]
    assert reg.register_ids(gp, reg.RegisterQuery(status=None)) == [a, b, c]
    assert reg.register_ids(gp, reg.RegisterQuery(status="gemarkeerd")) == [b]
    # b had no huisarts; the GP who marked b became it (issue 13 item 10).
    assert reg.register_ids(gp, reg.RegisterQuery(gp_person_id=gp.user.person_id)) == [a, b]
    assert reg.register_ids(gp, reg.RegisterQuery(descending=True)) == [b, a]
    assert reg.register_ids(gp, reg.RegisterQuery(without_central_caregiver=True)) == [a, b]
    assert reg.register_ids(gp, reg.RegisterQuery(never_discussed=True)) == [a, b]
    for key in reg.SORT_KEYS:
        assert sorted(reg.register_ids(gp, reg.RegisterQuery(sort=key))) == [a, b]
    rows = reg.register_rows(gp, [b, a])
    assert [r.id for r in rows] == [b, a]
    assert rows[0].status_label == "Gemarkeerd" and rows[0].marked_on == TODAY
    assert rows[1].gp_name == "Dr. H. Huisman (fictief)"


def test_configured_urgency_labels(gp, ctx):
    import json

    from pzmdo.services.settings import set_setting

    set_setting(
        ctx,
        reg.URGENCY_SETTING,
        [
            {"code": "laag", "label": "Laag", "meaning": "rustig", "colour": "#00aa00"},
            {"code": "hoog", "label": "Hoog", "meaning": "druk", "colour": "#aa0000"},
        ],
    )
    pid = add_patient(gp)
    reg.set_urgency(gp, pid, "hoog")
    row = reg.register_rows(gp, [pid])[0]
    assert (row.urgency_label, row.urgency_colour) == ("Hoog", "#aa0000")
    with pytest.raises(ValidationError, match="laag, hoog"):
        reg.set_urgency(gp, pid, "rood")
    assert json  # the setting is stored as JSON


def test_signal_for_marked_patient_only_queues(gp):
    pid = reg.mark_patient(gp, reg.MarkingInput(surprise_answer="nee", new_patient=patient()))
    reg.add_signal(
        gp,
        pid,
        reg.SignalInput(
            source="patient", signal_type="vraag_patient_naasten", signalled_by="dochter (fictief)"
        ),
    )
    assert reg.get_patient(gp, pid).status == "gemarkeerd"
    queue = reg.signal_queue(gp)
    assert len(queue) == 1 and queue[0].type_label == "Vraag van patiënt of naasten"
    reg.handle_signal(gp, queue[0].id, "besproken")
    assert reg.signal_queue(gp) == []
    with gp.db.session() as s:
        assert s.scalars(select(Signal)).one().handled_note == "besproken"
