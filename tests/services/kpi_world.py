"""A hand-computed register for the quality figures (tests/services/test_kpi.py).

The period under test is H1 2026 (01-01-2026 t/m 30-06-2026). Patients (all fictional):

  A  marked 01-10-2025 (an earlier period), died 01-03-2026 not unexpectedly at home;
     plan wish: thuis (concordant). 151 days = 21.6 weeks from marking to death.
  B  marked 10-02-2026 and died the same day (marking on the day of death: not "before"),
     not unexpectedly, in hospital; plan wish thuis (not concordant).
  C  signalled only, died 15-04-2026 not unexpectedly in a nursing home; no plan (unknown).
  H  signalled only, died 10-03-2026 not unexpectedly at home; a marking after death is
     refused upstream (the register service).
  G  marked 05-01-2026, died 20-05-2026 *unexpectedly* in a hospice; wish hospice; VPTZ
     started 01-05-2026 (19 days before death).
  D  marked 20-01-2026, alive: PZP conversation 03-02-2026 (14 days), plan 05-02-2026,
     centrale zorgverlener from 20-01-2026, VPTZ discussed 01-03-2026, hospital MDO-PZ
     20-03-2026, consultation Mon 02-03-2026 09:00 → Thu 05-03-2026 09:00 (3 working days).
  E  marked 01-05-2026, alive: consultation Fri 03-04-2026 16:00 → Tue 07-04-2026 10:00
     across a weekend and Easter Monday: 8 h + 10 h = 0.75 working days. Its hospital
     MDO-PZ (01-12-2025) is in an earlier period.
  F  marked 10-01-2024, deregistered 01-06-2025: marked in H1 2025 only.

Meetings: 15-02-2026 with huisarts, wijkverpleegkundige and specialist PZ present (counts);
15-03-2026 without the specialist (absent); 10-07-2026 outside the period.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select

from pzmdo.domain.careplan import CarePlanContent, to_data
from pzmdo.domain.consultations import local_zone
from pzmdo.services import register
from pzmdo.services.context import AppContext
from pzmdo.store.models import Person, Practice
from pzmdo.store.models.careplan import CarePlanVersion
from pzmdo.store.models.careteam import PzpConversation, TeamMembership, VptzEvent
from pzmdo.store.models.consultations import Consultation, ConsultTeam
from pzmdo.store.models.meetings import (
    Meeting,
    MeetingAgendaItem,
    MeetingAttendance,
    MeetingTeam,
)
from pzmdo.store.models.practices import MeetingTeamPractice
from pzmdo.store.models.register import HospitalMdo

H1 = (date(2026, 1, 1), date(2026, 6, 30))
H1_2025 = (date(2025, 1, 1), date(2025, 6, 30))


@dataclass
class World:
    ids: dict[str, int]
    practice_id: int
    team_id: int


def _new(name: str) -> register.PatientInput:
    return register.PatientInput(
        given_name=name,
        family_name="Kengetal (fictief)",
        birth_date=date(1940, 1, 1),
        is_fictional=True,
    )


def _mark(ctx: AppContext, name: str, on: date) -> int:
    return register.mark_patient(
        ctx, register.MarkingInput(surprise_answer="nee", marked_on=on, new_patient=_new(name))
    )


def _die(ctx: AppContext, pid: int, on: date, place: str, not_unexpected: bool = True) -> None:
    register.record_death(ctx, pid, register.DeathInput(on, place, not_unexpected))


def _local(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=local_zone())


def build(ctx: AppContext) -> World:
    ids: dict[str, int] = {}
    ids["A"] = _mark(ctx, "Anna", date(2025, 10, 1))
    _die(ctx, ids["A"], date(2026, 3, 1), "thuis")
    ids["B"] = _mark(ctx, "Bert", date(2026, 2, 10))
    _die(ctx, ids["B"], date(2026, 2, 10), "ziekenhuis")
    ids["C"] = register.create_patient(ctx, _new("Cor"))
    _die(ctx, ids["C"], date(2026, 4, 15), "verpleeghuis")
    ids["H"] = register.create_patient(ctx, _new("Hans"))
    _die(ctx, ids["H"], date(2026, 3, 10), "thuis")
    ids["G"] = _mark(ctx, "Gerda", date(2026, 1, 5))
    _die(ctx, ids["G"], date(2026, 5, 20), "hospice", not_unexpected=False)
    ids["D"] = _mark(ctx, "Dirk", date(2026, 1, 20))
    ids["E"] = _mark(ctx, "Els", date(2026, 5, 1))
    ids["F"] = _mark(ctx, "Fien", date(2024, 1, 10))
    register.deregister(ctx, ids["F"], "opgeknapt", date(2025, 6, 1))

    def plan(pid: int, on: date, wish: str | None) -> CarePlanVersion:
        content = json.dumps(to_data(CarePlanContent(place_of_death=wish)))
        return CarePlanVersion(
            patient_id=pid, version=1, content=content, effective_on=on, author_name="Test"
        )

    with ctx.unit() as s:
        practice_id = s.execute(select(Practice.id)).scalar_one()
        people = {
            d: Person(name=f"{d} (fictief)", discipline=d)
            for d in ("huisarts", "wijkverpleegkundige", "specialist_pz")
        }
        s.add_all(people.values())
        s.add_all(
            [
                plan(ids["A"], date(2025, 11, 1), "thuis"),
                plan(ids["B"], date(2026, 2, 10), "thuis"),
                plan(ids["G"], date(2026, 1, 10), "hospice"),
                plan(ids["D"], date(2026, 2, 5), None),
                PzpConversation(patient_id=ids["D"], held_on=date(2026, 2, 3)),
                VptzEvent(patient_id=ids["D"], status="besproken", event_on=date(2026, 3, 1)),
                VptzEvent(patient_id=ids["G"], status="gestart", event_on=date(2026, 5, 1)),
                HospitalMdo(
                    patient_id=ids["D"], mdo_on=date(2026, 3, 20), hospital="Zkh (fictief)"
                ),
                HospitalMdo(
                    patient_id=ids["E"], mdo_on=date(2025, 12, 1), hospital="Zkh (fictief)"
                ),
            ]
        )
        s.flush()
        s.add(
            TeamMembership(
                patient_id=ids["D"],
                person_id=people["huisarts"].id,
                role="centrale_zorgverlener",
                start_on=date(2026, 1, 20),
            )
        )
        team = MeetingTeam(name="Kernteam Kengetal (fictief)")
        consult_team = ConsultTeam(name="STOP Kengetal (fictief)", team_type="stop")
        s.add_all([team, consult_team])
        s.flush()
        s.add(MeetingTeamPractice(team_id=team.id, practice_id=practice_id))  # issue 14
        for held, specialist_present in (
            (date(2026, 2, 15), True),
            (date(2026, 3, 15), False),
            (date(2026, 7, 10), True),
        ):
            meeting = Meeting(team_id=team.id, held_on=held, status="afgerond")
            s.add(meeting)
            s.flush()
            s.add(
                MeetingAgendaItem(
                    meeting_id=meeting.id,
                    position=1,
                    patient_id=ids["D"],
                    reason="nieuw_gemarkeerd",
                    status="besproken",
                )
            )
            for d, person in people.items():
                present = specialist_present if d == "specialist_pz" else True
                s.add(
                    MeetingAttendance(
                        meeting_id=meeting.id, person_id=person.id, role=d, present=present
                    )
                )
        for pid, asked, advised, mode in (
            (ids["D"], _local(date(2026, 3, 2), 9), _local(date(2026, 3, 5), 9), "telefonisch"),
            (ids["E"], _local(date(2026, 4, 3), 16), _local(date(2026, 4, 7), 10), "bedside"),
        ):
            s.add(
                Consultation(
                    patient_id=pid,
                    team_id=consult_team.id,
                    requested_by_person_id=people["huisarts"].id,
                    requested_at=asked,
                    time_window="kantoortijd",
                    question="Vraag (fictief)",
                    mode=mode,
                    complexity="middel",
                    status="advies_gegeven",
                    advice_at=advised,
                    advice="Advies (fictief)",
                )
            )
        team_id = team.id
    return World(ids, practice_id, team_id)
