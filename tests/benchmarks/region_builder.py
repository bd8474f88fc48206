"""The region database's rows (see region.py): practices, people, teams, patients, the
register's denormalised columns, the name index and the audit chain; the histories come
from region_history.py and region_meetings.py."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from typing import Any

from sqlalchemy import func, insert, select, update

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.enums import Discipline, PatientStatus, Sex
from pzmdo.domain.register import (
    name_words,
)
from pzmdo.domain.text import search_key
from pzmdo.services import register_demo
from pzmdo.services.context import AppContext
from pzmdo.services.demo import _name_pools, _split_prefix
from pzmdo.store import audit_chain
from pzmdo.store.models import AuditEvent, Patient, Person, Practice
from pzmdo.store.models.careplan import CarePlanVersion
from pzmdo.store.models.careteam import (
    CarerBurdenCheck,
    Naaste,
    PzpConversation,
    TeamMembership,
    VptzEvent,
)
from pzmdo.store.models.consultations import Consultation, ConsultTeam, ConsultTeamMember
from pzmdo.store.models.meetings import (
    Meeting,
    MeetingAction,
    MeetingAgendaItem,
    MeetingAttendance,
    MeetingChecklist,
    MeetingDecision,
    MeetingNomination,
    MeetingNote,
    MeetingTeam,
    MeetingTeamMember,
)
from pzmdo.store.models.practices import MeetingTeamPractice
from pzmdo.store.models.register import (
    Death,
    FollowUpTask,
    HospitalMdo,
    Marking,
    PatientWord,
    Signal,
    StatusEvent,
    Stervensfase,
    UrgencyChange,
)

PATIENTS_PER_PRACTICE = 2_000
YEARS = 5

STATUS_SHARES = (
    (PatientStatus.GESIGNALEERD, 0.50),
    (PatientStatus.GEMARKEERD, 0.19),
    (PatientStatus.STERVENSFASE, 0.01),
    (PatientStatus.OVERLEDEN, 0.22),
    (PatientStatus.AFGEMELD, 0.08),
)
TOWNS = (
    "Veenstad",
    "Noordrand",
    "De Es",
    "Brinkdorp",
    "Heidewijk",
    "Zandhoven",
    "Beekdal",
    "Ruimzicht",
    "Lindeoord",
    "Molenveld",
)
BATCH = 5_000


@dataclass
class Life:
    """One patient's register history, decided up front."""

    pid: int
    practice: int
    gp: int
    status: PatientStatus
    signalled_on: date
    marked_on: date | None = None
    ended_on: date | None = None  # died, deregistered (leaves the marked phase)
    urgency: str | None = None
    urgency_since: date | None = None
    since: date | None = None  # status_since: the date of the last status event
    central: int | None = None
    discussed: list[date] = field(default_factory=list)


class Builder:
    def __init__(
        self,
        ctx: AppContext,
        rng: random.Random,
        patients: int,
        practices: int,
        seed: int,
        today: date,
    ) -> None:
        self.ctx, self.rng, self.n, self.seed, self.today = ctx, rng, patients, seed, today
        self.practice_count = practices
        self.user_id, self.login = ctx.user.id, ctx.user.login
        self.rows: dict[Any, list[dict[str, Any]]] = {}
        self.events: list[dict[str, Any]] = []
        self.ids: dict[Any, int] = {}

    # -- helpers ---------------------------------------------------------------------------
    def _next_id(self, model: Any) -> int:
        self.ids[model] += 1
        return self.ids[model]

    def _add(self, model: Any, **row: Any) -> int:
        """Queue a row with an id chosen here (links without reading back)."""
        row.setdefault("id", self._next_id(model))
        self.rows.setdefault(model, []).append(row)
        return int(row["id"])

    def _at(self, day: date, hour: int = 9) -> datetime:
        return datetime.combine(
            day,
            clock(
                hour, self.rng.randrange(60), self.rng.randrange(60), self.rng.randrange(1_000_000)
            ),
            UTC,
        )

    def _audit(
        self,
        day: date,
        action: AuditAction,
        *,
        patient_id: int | None = None,
        entity: str | None = None,
        entity_id: int | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        self.events.append(
            {
                "at": self._at(day, self.rng.randint(8, 17)),
                "user_id": self.user_id,
                "user_login": self.login,
                "action": action.value,
                "patient_id": patient_id,
                "entity": entity,
                "entity_id": entity_id,
                "detail": None
                if detail is None
                else json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True),
            }
        )

    def _day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    # -- the build -------------------------------------------------------------------------
    def run(self) -> None:
        # The histories are written by their own modules (each imports Builder for types).
        from tests.benchmarks import region_history, region_meetings

        with self.ctx.unit() as s:
            conn = s.connection()
            for model in _MODELS:
                if hasattr(model, "id"):
                    self.ids[model] = conn.execute(select(func.max(model.id))).scalar() or 0
            self._practices_and_people(s)
            lives = self._patients()
            region_history.add_register(self, lives)
            region_history.add_care(self, lives)
            region_history.add_consultations(self, lives)
            region_meetings.add_meetings(self, lives)
            self._patient_rows(lives)
            for model in _MODELS:
                # executemany needs one set of columns per statement
                groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
                for row in self.rows.get(model, []):
                    groups.setdefault(tuple(sorted(row)), []).append(row)
                for rows in groups.values():
                    for start in range(0, len(rows), BATCH):
                        conn.execute(insert(model.__table__), rows[start : start + BATCH])
            self._words(conn)
            self._chain(s, conn)

    def _practices_and_people(self, s: Any) -> None:
        rng = self.rng
        first = s.scalars(select(Practice.id).order_by(Practice.id)).first()
        details = {"hap_name": "Huisartsenpost Regio Voorbeeld (fictief)",
                   "hap_phone": "0900-0000000", "phone": "0592-000000"}  # fmt: skip
        s.execute(update(Practice).where(Practice.id == first).values(city="Veenstad", **details))
        self.practices = [first]
        for n in range(2, self.practice_count + 1):
            town = TOWNS[(n - 1) % len(TOWNS)]
            name = f"Huisartsenpraktijk {town} {n} (fictief)"
            self.practices.append(self._add(Practice, name=name, city=town, active=True, **details))
        male, female, families = _name_pools(self.seed)
        self.names = (male, female, families)

        def person(discipline: Discipline, label: str, org: str, big: bool) -> int:
            initial = rng.choice("ABCDEFGHJKLMNPRSTW")
            family = rng.choice(families)
            pid = self._add(
                Person,
                name=f"{initial}. {family}, {label} (fictief)",
                discipline=discipline.value,
                organisation=org,
                phone="0592-000000",
                phone_out_of_hours="0900-0000000",
                big_registered=big,
                active=True,
                created_at=self._at(self.today - timedelta(days=YEARS * 366)),
            )
            self._audit(
                self.today - timedelta(days=YEARS * 366),
                AuditAction.PERSON_ADD,
                entity="person",
                entity_id=pid,
            )
            self.discipline[pid] = discipline.value
            return pid

        self.discipline: dict[int, str] = {}
        self.gps: dict[int, list[int]] = {}
        self.pohs: dict[int, int] = {}
        for n, practice in enumerate(self.practices, 1):
            org = f"Huisartsenpraktijk {n} (fictief)"
            self.gps[practice] = [
                person(Discipline.HUISARTS, "huisarts", org, True) for _ in range(3)
            ]
            self.pohs[practice] = person(Discipline.POH, "POH", org, False)
        region = "Netwerk Palliatieve Zorg Voorbeeld (fictief)"
        self.specialists = [
            person(Discipline.SPECIALIST_PZ, "specialist PZ", region, True) for _ in range(4)
        ]
        self.others = [
            person(Discipline.GEESTELIJK_VERZORGER, "geestelijk verzorger", region, False)
            for _ in range(4)
        ]
        self.others += [
            person(Discipline.MAATSCHAPPELIJK_WERKER, "maatschappelijk werker", region, False)
            for _ in range(2)
        ]
        # Kernteams of two practices; PaTz groups of about six practices.
        self.teams: list[dict[str, Any]] = []
        self.team_of: dict[int, list[int]] = {}
        groups = [self.practices[i : i + 2] for i in range(0, len(self.practices), 2)]
        for k, members in enumerate(groups, 1):
            nurses = [
                person(
                    Discipline.WIJKVERPLEEGKUNDIGE,
                    "wijkverpleegkundige",
                    "Thuiszorg Voorbeeld (fictief)",
                    True,
                )
                for _ in range(2)
            ]
            pharmacist = person(
                Discipline.APOTHEKER, "apotheker", "Apotheek Voorbeeld (fictief)", True
            )
            self._team(f"Kernteam {k} (fictief)", "kernteam", 4, members, nurses, pharmacist)
        for k, start in enumerate(range(0, len(self.practices), 6), 1):
            members = self.practices[start : start + 6]
            if len(self.practices) < 6:
                break
            nurses = [
                person(
                    Discipline.WIJKVERPLEEGKUNDIGE,
                    "wijkverpleegkundige",
                    "Thuiszorg Voorbeeld (fictief)",
                    True,
                )
            ]
            self._team(f"PaTz-groep {k} (fictief)", "patz", 8, members, nurses, None)
        # Consultation teams of the region.
        self.consult_teams: list[tuple[int, list[int]]] = []
        for name, kind in (
            ("STOP Regio Voorbeeld (fictief)", "stop"),
            ("PACT Ziekenhuis Noordrand (fictief)", "pact"),
            ("PACT Medisch Centrum Veenstad (fictief)", "pact"),
        ):
            tid = self._add(
                ConsultTeam,
                name=name,
                team_type=kind,
                subregion=None,
                phone_office="0592-000101",
                phone_anw="0592-000199",
                active=True,
            )
            members = self.specialists[:2] if kind == "stop" else self.specialists[2:]
            for p in members:
                self._add(ConsultTeamMember, team_id=tid, person_id=p)
            self._audit(
                self.today - timedelta(days=YEARS * 366),
                AuditAction.CONSULT_TEAM_SAVE,
                entity="consult_team",
                entity_id=tid,
            )
            self.consult_teams.append((tid, members))

    def _team(
        self,
        name: str,
        kind: str,
        cadence: int,
        practices: list[int],
        nurses: list[int],
        pharmacist: int | None,
    ) -> None:
        tid = self._add(
            MeetingTeam,
            name=name,
            kind=kind,
            cadence_weeks=cadence,
            review_interval_weeks=8,
            minutes_per_patient=8,
            default_place="Vergaderruimte gezondheidscentrum (fictief)",
            default_time=clock(12, 30),
            active=True,
        )
        people = [p for pr in practices for p in (*self.gps[pr], self.pohs[pr])] + nurses
        people += [pharmacist] if pharmacist else []
        people += self.rng.sample(self.specialists, 1) + self.rng.sample(self.others, 1)
        roles = {people[0]: "voorzitter", people[3 % len(people)]: "notulist"}
        for p in people:
            self._add(MeetingTeamMember, team_id=tid, person_id=p, role=roles.get(p, "lid"),
                      default_attendee=p != pharmacist)  # fmt: skip
        for practice in practices:  # whose patients the team discusses (no id column)
            self.rows.setdefault(MeetingTeamPractice, []).append(
                {"team_id": tid, "practice_id": practice}
            )
        self._audit(
            self.today - timedelta(days=YEARS * 366),
            AuditAction.MEETING_TEAM_SAVED,
            entity="meeting_team",
            entity_id=tid,
        )
        team = {
            "id": tid,
            "kind": kind,
            "cadence": cadence,
            "practices": practices,
            "people": people,
            "nurses": nurses,
        }
        self.teams.append(team)
        for pr in practices:
            self.team_of.setdefault(pr, []).append(len(self.teams) - 1)

    def _patients(self) -> list[Life]:
        rng, today = self.rng, self.today
        male, female, families = self.names
        start = today - timedelta(days=YEARS * 365)
        lives = []
        for i in range(self.n):
            practice = self.practices[
                min(i * self.practice_count // self.n, self.practice_count - 1)
            ]
            sex = rng.choice((Sex.MAN, Sex.VROUW))
            given = rng.choice(male if sex is Sex.MAN else female)
            prefix, family = _split_prefix(rng.choice(families))
            birth = today - timedelta(days=rng.randint(55 * 365, 98 * 365))
            signalled = max(self._day_between(start, today), birth + timedelta(days=40 * 365))
            status = register_demo._pick(rng, STATUS_SHARES)
            pid = self._next_id(Patient)
            life = Life(pid, practice, rng.choice(self.gps[practice]), status, signalled)  # type: ignore[arg-type]
            lives.append(life)
            self.rows.setdefault(Patient, []).append(
                {
                    "id": pid,
                    "practice_id": practice,
                    "given_name": given,
                    "name_prefix": prefix,
                    "family_name": family,
                    "search_name": search_key(given, prefix, family),
                    "birth_date": birth,
                    "sex": sex.value,
                    "his_number": f"FICTIEF-R{self.seed:02d}-{pid:06d}",
                    "city": f"{TOWNS[practice % len(TOWNS)]} (fictief)",
                    "gp_person_id": life.gp,
                    "is_fictional": True,
                    "notes": "Fictieve patiënt (regio-benchmark)",
                    "created_at": self._at(signalled),
                    "updated_at": self._at(signalled),
                }
            )
            self._audit(
                signalled, AuditAction.PATIENT_ADD, patient_id=pid, entity="patient", entity_id=pid
            )
        return lives

    # -- register ----------------------------------------------------------------------------
    def _patient_rows(self, lives: list[Life]) -> None:
        first = self.rows[Patient][0]["id"]
        interval = timedelta(weeks=8)
        for life in lives:
            row = self.rows[Patient][life.pid - first]
            row["status"] = life.status.value
            row["status_since"] = life.since
            row["marked_on"] = life.marked_on
            active = life.status in (PatientStatus.GEMARKEERD, PatientStatus.STERVENSFASE)
            row["urgency"] = life.urgency if active else None
            row["urgency_since"] = life.urgency_since if active else None
            row["central_caregiver_id"] = life.central
            last = max(life.discussed) if life.discussed else None
            row["last_discussed_on"] = last
            row["next_review_on"] = last + interval if last and active else None

    def _words(self, conn: Any) -> None:
        words = [
            {"word": w, "patient_id": row["id"]}
            for row in self.rows[Patient]
            for w in name_words(row["search_name"])
        ]
        for start in range(0, len(words), BATCH):
            conn.execute(insert(PatientWord.__table__), words[start : start + BATCH])

    def _chain(self, s: Any, conn: Any) -> None:
        """Append the history's audit events in time order, each linked to its predecessor."""
        head = audit_chain.head(s)
        seq, prev = head.seq, head.hash
        self.events.sort(key=lambda e: e["at"])
        for start in range(0, len(self.events), BATCH):
            chunk = self.events[start : start + BATCH]
            for event in chunk:
                seq += 1
                event["seq"], event["prev_hash"] = seq, prev
                prev = event["hash"] = audit_chain.link_hash(prev, _EventView(event))  # type: ignore[arg-type]
            conn.execute(insert(AuditEvent.__table__), chunk)


class _EventView:
    """Attribute access to an event row, for ``audit_chain.link_hash``."""

    def __init__(self, row: dict[str, Any]) -> None:
        self.__dict__.update(row)


_MODELS: tuple[Any, ...] = (
    Practice,
    Person,
    Patient,
    ConsultTeam,
    ConsultTeamMember,
    MeetingTeam,
    MeetingTeamMember,
    StatusEvent,
    Signal,
    Marking,
    HospitalMdo,
    UrgencyChange,
    Death,
    FollowUpTask,
    Stervensfase,
    TeamMembership,
    Naaste,
    CarerBurdenCheck,
    VptzEvent,
    PzpConversation,
    CarePlanVersion,
    Consultation,
    Meeting,
    MeetingAgendaItem,
    MeetingNote,
    MeetingChecklist,
    MeetingDecision,
    MeetingAction,
    MeetingAttendance,
    MeetingNomination,
    MeetingTeamPractice,
)
