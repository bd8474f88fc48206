"""A region-size benchmark database: 100,000 fictional patients in 50 practices.

``cached_region()`` builds it once and keeps it in ``~/.cache/pzmdo-bench/`` (0700 folder,
0600 files; ``PZMDO_BENCH_CACHE`` moves it), keyed by ``GENERATOR_VERSION``, the size, the
seed and the schema (the migration heads): a benchmark run copies the cached file instead of spending minutes building.
Raise ``GENERATOR_VERSION`` whenever the generated data changes shape.

The rows are what the services write (same columns, same denormalised register fields,
the same audit events with an intact hash chain), but they are written with bulk inserts
in one transaction: 100,000 service calls would take hours. tests/integrity/
test_region_builder.py checks a small build with the integrity check and the services.

Shape (per 100,000 patients): 50 practices of 2,000; every patient is in the register
(signalled); about 20 % are marked now (gemarkeerd or stervensfase), about 22 % died over
the last five years, 8 % were deregistered. 25 kernteams (two practices each) and PaTz
groups meet every 4 / 8 weeks for five years; each has one meeting planned next week.
Care teams, naasten, PZP conversations, care plans with versions and consultations for
the marked patients. Everything is fictional and says so.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from pzmdo.domain.agenda import AgendaReason, reason_code
from pzmdo.domain.audit import AuditAction
from pzmdo.domain.careteam import TeamRole
from pzmdo.domain.enums import Discipline, PatientStatus, Sex
from pzmdo.domain.meetings import ItemStatus, MeetingStatus
from pzmdo.domain.register import (
    DEATH_FOLLOW_UPS,
    SURPRISE_QUESTION_VERSION,
    DeteriorationIndicator,
    SignalSource,
    SignalType,
    StervensfaseIndicator,
    name_words,
)
from pzmdo.domain.text import search_key
from pzmdo.services import care_demo, meetings_demo, register_demo
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

GENERATOR_VERSION = 1
LOGIN, PASSWORD = "bench", "bench-wachtwoord"
PATIENTS_PER_PRACTICE = 2_000
YEARS = 5
MAX_AGE_DAYS = 7  # "today"-relative data (the planned meetings) goes stale after a week
STATUS_SHARES = (
    (PatientStatus.GESIGNALEERD, 0.50),
    (PatientStatus.GEMARKEERD, 0.19),
    (PatientStatus.STERVENSFASE, 0.01),
    (PatientStatus.OVERLEDEN, 0.22),
    (PatientStatus.AFGEMELD, 0.08),
)
TOWNS = ("Veenstad", "Noordrand", "De Es", "Brinkdorp", "Heidewijk", "Zandhoven", "Beekdal",
         "Ruimzicht", "Lindeoord", "Molenveld")  # fmt: skip
BATCH = 5_000


def cache_dir() -> Path:
    return Path(os.environ.get("PZMDO_BENCH_CACHE", "~/.cache/pzmdo-bench")).expanduser()


@dataclass(frozen=True)
class Region:
    path: Path  # the database; its key slots lie beside it (``<path>.keys``)
    patients: int
    practices: int
    built_on: date
    build_seconds: float


def cached_region(patients: int = 100_000, seed: int = 1, *, rebuild: bool = False) -> Region:
    """The cached region database, built when missing, stale or of an older generator."""
    from pzmdo.store import migrate

    # A new migration on main changes the schema the services expect: build again.
    schema = "+".join(sorted(migrate.head_revisions()))
    folder = cache_dir() / f"region-v{GENERATOR_VERSION}-{patients}-s{seed}-{schema}"
    meta_file = folder / "region.json"
    if not rebuild and meta_file.exists():
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        built_on = date.fromisoformat(meta["built_on"])
        if (date.today() - built_on).days <= MAX_AGE_DAYS:
            return Region(folder / "region.db", patients, meta["practices"], built_on,
                          meta["build_seconds"])  # fmt: skip
    from pzmdo.store.files import private_dir

    private_dir(cache_dir())
    staging = cache_dir() / f".building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    private_dir(staging)
    try:
        region = build(staging / "region.db", patients, seed)
        meta = {"generator": GENERATOR_VERSION, "patients": patients, "seed": seed,
                "practices": region.practices, "built_on": region.built_on.isoformat(),
                "build_seconds": region.build_seconds}  # fmt: skip
        fd = os.open(staging / "region.json", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(meta, fh)
        for old in cache_dir().glob(f"region-v*-{patients}-s{seed}*"):  # 0.7 GB each
            shutil.rmtree(old, ignore_errors=True)
        os.replace(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Region(folder / "region.db", patients, region.practices, region.built_on,
                  region.build_seconds)  # fmt: skip


def open_copy(region: Region, target: Path) -> Path:
    """Copy the cached database (and its key slots) to ``target`` for one run to change."""
    from pzmdo.store.files import copy_private
    from pzmdo.store.paths import keyslot_path

    copy_private(region.path, target)
    copy_private(keyslot_path(region.path), keyslot_path(target))
    return target


def build(path: Path, patients: int, seed: int = 1, *, practices: int | None = None,
          today: date | None = None) -> Region:  # fmt: skip
    """Create ``path`` (a new encrypted database) with a fictional region of ``patients``
    in ``practices`` practices (default: one per 2,000 patients)."""
    from pzmdo.domain.permissions import Role
    from pzmdo.services import unlock

    started = time.perf_counter()
    result = unlock.init_database(
        path,
        practice_name="Huisartsenpraktijk Veenstad 1 (fictief)",
        admin_login=LOGIN,
        admin_name="Bench Beheerder (fictief)",
        password=PASSWORD,
        also_roles=(Role.HUISARTS,),
    )
    ctx = result.context
    try:
        count = practices or max(1, round(patients / PATIENTS_PER_PRACTICE))
        builder = _Builder(ctx, random.Random(seed), patients, count, seed, today or date.today())
        builder.run()
    finally:
        ctx.close()
    return Region(path, patients, builder.practice_count, builder.today,
                  time.perf_counter() - started)  # fmt: skip


@dataclass
class _Life:
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


class _Builder:
    def __init__(self, ctx: AppContext, rng: random.Random, patients: int, practices: int,
                 seed: int, today: date) -> None:  # fmt: skip
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
        return datetime.combine(day, clock(hour, self.rng.randrange(60), self.rng.randrange(60),
                                           self.rng.randrange(1_000_000)), UTC)  # fmt: skip

    def _audit(self, day: date, action: AuditAction, *, patient_id: int | None = None,
               entity: str | None = None, entity_id: int | None = None,
               detail: dict[str, Any] | None = None) -> None:  # fmt: skip
        self.events.append({
            "at": self._at(day, self.rng.randint(8, 17)), "user_id": self.user_id,
            "user_login": self.login, "action": action.value, "patient_id": patient_id,
            "entity": entity, "entity_id": entity_id,
            "detail": None if detail is None else json.dumps(
                detail, ensure_ascii=False, default=str, sort_keys=True),
        })  # fmt: skip

    def _day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    # -- the build -------------------------------------------------------------------------
    def run(self) -> None:
        with self.ctx.unit() as s:
            conn = s.connection()
            for model in _MODELS:
                self.ids[model] = conn.execute(select(func.max(model.id))).scalar() or 0
            self._practices_and_people(s)
            lives = self._patients()
            self._register(lives)
            self._care(lives)
            self._consultations(lives)
            self._meetings(lives)
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
        self.practices = [first]
        for n in range(2, self.practice_count + 1):
            town = TOWNS[(n - 1) % len(TOWNS)]
            self.practices.append(self._add(Practice, name=f"Huisartsenpraktijk {town} {n} (fictief)"))
        male, female, families = _name_pools(self.seed)
        self.names = (male, female, families)

        def person(discipline: Discipline, label: str, org: str, big: bool) -> int:
            initial = rng.choice("ABCDEFGHJKLMNPRSTW")
            family = rng.choice(families)
            pid = self._add(Person, name=f"{initial}. {family}, {label} (fictief)",
                            discipline=discipline.value, organisation=org, phone="0592-000000",
                            phone_out_of_hours="0900-0000000", big_registered=big,
                            active=True, created_at=self._at(self.today - timedelta(days=YEARS * 366)))  # fmt: skip
            self._audit(self.today - timedelta(days=YEARS * 366), AuditAction.PERSON_ADD,
                        entity="person", entity_id=pid)  # fmt: skip
            self.discipline[pid] = discipline.value
            return pid

        self.discipline: dict[int, str] = {}
        self.gps: dict[int, list[int]] = {}
        self.pohs: dict[int, int] = {}
        for n, practice in enumerate(self.practices, 1):
            org = f"Huisartsenpraktijk {n} (fictief)"
            self.gps[practice] = [person(Discipline.HUISARTS, "huisarts", org, True) for _ in range(3)]
            self.pohs[practice] = person(Discipline.POH, "POH", org, False)
        region = "Netwerk Palliatieve Zorg Voorbeeld (fictief)"
        self.specialists = [person(Discipline.SPECIALIST_PZ, "specialist PZ", region, True) for _ in range(4)]
        self.others = [person(Discipline.GEESTELIJK_VERZORGER, "geestelijk verzorger", region, False)
                       for _ in range(4)]  # fmt: skip
        self.others += [person(Discipline.MAATSCHAPPELIJK_WERKER, "maatschappelijk werker", region, False)
                        for _ in range(2)]  # fmt: skip
        # Kernteams of two practices; PaTz groups of about six practices.
        self.teams: list[dict[str, Any]] = []
        self.team_of: dict[int, list[int]] = {}
        groups = [self.practices[i : i + 2] for i in range(0, len(self.practices), 2)]
        for k, members in enumerate(groups, 1):
            nurses = [person(Discipline.WIJKVERPLEEGKUNDIGE, "wijkverpleegkundige", "Thuiszorg Voorbeeld (fictief)", True)
                      for _ in range(2)]  # fmt: skip
            pharmacist = person(Discipline.APOTHEKER, "apotheker", "Apotheek Voorbeeld (fictief)", True)
            self._team(f"Kernteam {k} (fictief)", "kernteam", 4, members, nurses, pharmacist)
        for k, start in enumerate(range(0, len(self.practices), 6), 1):
            members = self.practices[start : start + 6]
            if len(self.practices) < 6:
                break
            nurses = [person(Discipline.WIJKVERPLEEGKUNDIGE, "wijkverpleegkundige", "Thuiszorg Voorbeeld (fictief)", True)]
            self._team(f"PaTz-groep {k} (fictief)", "patz", 8, members, nurses, None)
        # Consultation teams of the region.
        self.consult_teams: list[tuple[int, list[int]]] = []
        for name, kind in (("STOP Regio Voorbeeld (fictief)", "stop"),
                           ("PACT Ziekenhuis Noordrand (fictief)", "pact"),
                           ("PACT Medisch Centrum Veenstad (fictief)", "pact")):  # fmt: skip
            tid = self._add(ConsultTeam, name=name, team_type=kind, subregion=None,
                            phone_office="0592-000101", phone_anw="0592-000199", active=True)  # fmt: skip
            members = self.specialists[:2] if kind == "stop" else self.specialists[2:]
            for p in members:
                self._add(ConsultTeamMember, team_id=tid, person_id=p)
            self._audit(self.today - timedelta(days=YEARS * 366), AuditAction.CONSULT_TEAM_SAVE,
                        entity="consult_team", entity_id=tid)  # fmt: skip
            self.consult_teams.append((tid, members))

    def _team(self, name: str, kind: str, cadence: int, practices: list[int], nurses: list[int],
              pharmacist: int | None) -> None:  # fmt: skip
        tid = self._add(MeetingTeam, name=name, kind=kind, cadence_weeks=cadence,
                        review_interval_weeks=8, minutes_per_patient=8,
                        default_place="Vergaderruimte gezondheidscentrum (fictief)",
                        default_time=clock(12, 30), active=True)  # fmt: skip
        people = [p for pr in practices for p in (*self.gps[pr], self.pohs[pr])] + nurses
        people += [pharmacist] if pharmacist else []
        people += self.rng.sample(self.specialists, 1) + self.rng.sample(self.others, 1)
        for p in people:
            self._add(MeetingTeamMember, team_id=tid, person_id=p, default_attendee=p != pharmacist)
        self._audit(self.today - timedelta(days=YEARS * 366), AuditAction.MEETING_TEAM_SAVED,
                    entity="meeting_team", entity_id=tid)  # fmt: skip
        team = {"id": tid, "kind": kind, "cadence": cadence, "practices": practices,
                "people": people, "nurses": nurses}  # fmt: skip
        self.teams.append(team)
        for pr in practices:
            self.team_of.setdefault(pr, []).append(len(self.teams) - 1)

    def _patients(self) -> list[_Life]:
        rng, today = self.rng, self.today
        male, female, families = self.names
        start = today - timedelta(days=YEARS * 365)
        lives = []
        for i in range(self.n):
            practice = self.practices[min(i * self.practice_count // self.n, self.practice_count - 1)]
            sex = rng.choice((Sex.MAN, Sex.VROUW))
            given = rng.choice(male if sex is Sex.MAN else female)
            prefix, family = _split_prefix(rng.choice(families))
            birth = today - timedelta(days=rng.randint(55 * 365, 98 * 365))
            signalled = max(self._day_between(start, today), birth + timedelta(days=40 * 365))
            status = register_demo._pick(rng, STATUS_SHARES)
            pid = self._next_id(Patient)
            life = _Life(pid, practice, rng.choice(self.gps[practice]), status, signalled)  # type: ignore[arg-type]
            lives.append(life)
            self.rows.setdefault(Patient, []).append({
                "id": pid, "practice_id": practice, "given_name": given, "name_prefix": prefix,
                "family_name": family, "search_name": search_key(given, prefix, family),
                "birth_date": birth, "sex": sex.value,
                "his_number": f"FICTIEF-R{self.seed:02d}-{pid:06d}",
                "city": f"{TOWNS[practice % len(TOWNS)]} (fictief)",
                "gp_person_id": life.gp, "is_fictional": True, "notes": "Fictieve patiënt (regio-benchmark)",
                "created_at": self._at(signalled), "updated_at": self._at(signalled),
            })  # fmt: skip
            self._audit(signalled, AuditAction.PATIENT_ADD, patient_id=pid, entity="patient", entity_id=pid)
        return lives

    # -- register ----------------------------------------------------------------------------
    def _register(self, lives: list[_Life]) -> None:
        rng, today = self.rng, self.today
        indicators = [i.value for i in DeteriorationIndicator]
        for life in lives:
            pid = life.pid
            prev: list[str | None] = [None]

            def event(to: PatientStatus, on: date, why: str, life: _Life = life,
                      prev: list[str | None] = prev) -> None:  # fmt: skip
                self._add(StatusEvent, patient_id=life.pid, from_status=prev[0], to_status=to.value,
                          on_date=on, reason=why, by_user_id=self.user_id, by_login=self.login,
                          created_at=self._at(on))  # fmt: skip
                prev[0] = to.value
                life.since = on

            event(PatientStatus.GESIGNALEERD, life.signalled_on, "signaal (fictief)")
            marked = None
            if life.status is not PatientStatus.GESIGNALEERD:
                marked = min(today, life.signalled_on + timedelta(days=rng.randint(3, 60)))
                life.marked_on = marked
            sid = self._add(Signal, patient_id=pid, signalled_on=life.signalled_on,
                            source=rng.choice(list(SignalSource)).value,
                            signal_type=rng.choice(list(SignalType)).value,
                            signalled_by="fictieve melder", note="Fictief signaal",
                            handled_on=marked, handled_note="gemarkeerd" if marked else None,
                            by_user_id=self.user_id, created_at=self._at(life.signalled_on))  # fmt: skip
            self._audit(life.signalled_on, AuditAction.SIGNAL_ADD, patient_id=pid, entity="signal",
                        entity_id=sid)  # fmt: skip
            if marked is None:
                continue
            in_hospital = rng.random() < 0.1
            event(PatientStatus.GEMARKEERD, marked, "markering (surprise question)")
            mid = self._add(Marking, patient_id=pid, marked_on=marked,
                            question_version=SURPRISE_QUESTION_VERSION,
                            surprise_answer=None if in_hospital else "nee",
                            marked_by_person_id=None if in_hospital else life.gp,
                            proposed_by="MDO-PZ (fictief)" if in_hospital else "POH (fictief)",
                            indicators=",".join(rng.sample(indicators, rng.randint(0, 3))) or None,
                            other_grounds=None, to_agenda=True, in_hospital=in_hospital,
                            by_user_id=self.user_id, created_at=self._at(marked), closed_on=None)  # fmt: skip
            self._audit(marked, AuditAction.MARK, patient_id=pid, entity="marking", entity_id=mid,
                        detail={"antwoord": "nee", "datum": marked.isoformat(), "agenderen": True})  # fmt: skip
            if in_hospital:
                hid = self._add(HospitalMdo, patient_id=pid, mdo_on=marked,
                                hospital=rng.choice(register_demo.HOSPITALS),
                                specialist="Dr. K. Oncoloog (fictief)", marked_in_hospital=True,
                                acp_received=rng.random() < 0.5, by_user_id=self.user_id,
                                created_at=self._at(marked))  # fmt: skip
                self._audit(marked, AuditAction.HOSPITAL_MDO, patient_id=pid,
                            entity="hospital_mdo", entity_id=hid)  # fmt: skip
            seq = 0
            code = None
            day = marked
            for _ in range(rng.randint(1, 3)):  # urgency colours over time
                new = str(register_demo._pick(rng, register_demo.URGENCY_SHARES))
                if new == code:
                    continue
                seq += 1
                self._add(UrgencyChange, patient_id=pid, changed_on=day, previous_code=code,
                          code=new, seq=seq, by_user_id=self.user_id, created_at=self._at(day))  # fmt: skip
                self._audit(day, AuditAction.URGENCY, patient_id=pid, detail={"kleur": new})
                code, life.urgency = new, new
                day = self._day_between(day, min(today, day + timedelta(days=120)))
            life.urgency_since = day
            if life.status is PatientStatus.OVERLEDEN:
                died = marked + timedelta(days=rng.randint(7, 700))
                if died > today:
                    died = self._day_between(marked, today)
                life.ended_on = died
                place = str(register_demo._pick(rng, register_demo.PLACE_SHARES))
                event(PatientStatus.OVERLEDEN, died, f"overleden ({place})")
                did = self._add(Death, patient_id=pid, died_on=died, place=place,
                                not_unexpected=True, by_user_id=self.user_id,
                                created_at=self._at(died))  # fmt: skip
                self._audit(died, AuditAction.DEATH, patient_id=pid, entity="death", entity_id=did,
                            detail={"plaats": place, "niet_onverwacht": True})  # fmt: skip
                for kind, days in DEATH_FOLLOW_UPS:
                    due = died + timedelta(days=days)
                    done = due if due < today - timedelta(days=14) else None
                    tid = self._add(FollowUpTask, patient_id=pid, kind=kind.value, due_on=due,
                                    done_on=done, done_by_user_id=self.user_id if done else None,
                                    created_at=self._at(died))  # fmt: skip
                    if done:
                        self._audit(done, AuditAction.TASK_DONE, patient_id=pid,
                                    entity="follow_up_task", entity_id=tid)  # fmt: skip
            elif life.status is PatientStatus.AFGEMELD:
                off = min(today, marked + timedelta(days=rng.randint(30, 600)))
                life.ended_on = off
                event(PatientStatus.AFGEMELD, off, "niet meer palliatief (fictief)")
                self._audit(off, AuditAction.DEREGISTER, patient_id=pid,
                            detail={"reden": "niet meer palliatief (fictief)"})  # fmt: skip
            elif life.status is PatientStatus.STERVENSFASE:
                begun = max(marked, today - timedelta(days=rng.randint(0, 5)))
                event(PatientStatus.STERVENSFASE, begun, "stervensfase (fictief)")
                sfid = self._add(Stervensfase, patient_id=pid, started_on=begun,
                                 indicators=",".join(i.value for i in StervensfaseIndicator
                                                     if rng.random() < 0.6) or None,
                                 judged_by="huisarts en wijkverpleging (fictief)",
                                 zorgpad_started=True, by_user_id=self.user_id,
                                 created_at=self._at(begun))  # fmt: skip
                self._audit(begun, AuditAction.STERVENSFASE, patient_id=pid,
                            entity="stervensfase", entity_id=sfid)  # fmt: skip
            if life.ended_on is not None:
                self.rows[Marking][-1]["closed_on"] = life.ended_on

    # -- care team, naasten, PZP, care plans -------------------------------------------------
    def _care(self, lives: list[_Life]) -> None:
        import dataclasses

        from pzmdo.domain import careplan as cp

        rng = self.rng
        for life in lives:
            if life.marked_on is None or rng.random() < 0.2:
                continue
            pid, start = life.pid, life.marked_on
            teams = self.team_of.get(life.practice, [])
            nurses = self.teams[teams[0]]["nurses"] if teams else []
            members = [(life.gp, TeamRole.CENTRALE_ZORGVERLENER, "Eigen huisarts"),
                       (self.pohs[life.practice], TeamRole.EERSTE_AANSPREEKPUNT, "POH is aanspreekpunt")]  # fmt: skip
            if nurses:
                members.append((rng.choice(nurses), TeamRole.TEAMLID, "Wijkverpleging thuis"))
            if rng.random() < 0.3:
                members.append((rng.choice(self.others), TeamRole.TEAMLID, "Betrokken bij de zorg"))
            for person, role, reason in members:
                mid = self._add(TeamMembership, patient_id=pid, person_id=person, role=role.value,
                                start_on=start, start_reason=reason, created_at=self._at(start),
                                created_by=self.user_id)  # fmt: skip
                self._audit(start, AuditAction.TEAM_ROLE_SET if role is not TeamRole.TEAMLID
                            else AuditAction.TEAM_MEMBER_ADD, patient_id=pid,
                            entity="team_membership", entity_id=mid)  # fmt: skip
            life.central = life.gp
            family = self.rows[Patient][pid - self.rows[Patient][0]["id"]]["family_name"]
            given, relation = rng.choice(care_demo.NAASTEN)
            nid = self._add(Naaste, patient_id=pid, name=f"{given} {family} (fictief)",
                            relation=relation, phone="06-00000000", is_mantelzorger=True,
                            is_legal_representative=False, is_first_contact=True, active=True,
                            created_at=self._at(start))  # fmt: skip
            self._audit(start, AuditAction.NAASTE_ADD, patient_id=pid, entity="naaste", entity_id=nid)
            if rng.random() < 0.5:
                outcome = rng.choice(["laag", "verhoogd", "overbelast"])
                on = start + timedelta(days=7)
                bid = self._add(CarerBurdenCheck, naaste_id=nid, checked_on=on, instrument="vrije_vraag",
                                score=rng.choice(["nog maanden", "nog een paar weken", "bijna niet meer"]),
                                outcome=outcome,
                                action="Respijtzorg en VPTZ aangeboden" if outcome != "laag" else None,
                                created_at=self._at(on), created_by=self.user_id)  # fmt: skip
                self._audit(on, AuditAction.BURDEN_CHECK_ADD, patient_id=pid,
                            entity="carer_burden_check", entity_id=bid)  # fmt: skip
            if rng.random() < 0.2:
                for status, days in (("besproken", 3), ("aangeboden", 10)):
                    on = start + timedelta(days=days)
                    vid = self._add(VptzEvent, patient_id=pid, status=status, event_on=on,
                                    organisation="VPTZ Regio Voorbeeld (fictief)" if days > 3 else None,
                                    created_at=self._at(on), created_by=self.user_id)  # fmt: skip
                    self._audit(on, AuditAction.VPTZ_EVENT_ADD, patient_id=pid,
                                entity="vptz_event", entity_id=vid)  # fmt: skip
            if rng.random() >= 0.7:
                continue
            held = min(self.today, start + timedelta(days=rng.randint(0, 14)))
            cid = self._add(PzpConversation, patient_id=pid, held_on=held, conducted_by_id=life.gp,
                            setting=rng.choice(["huisartsenpraktijk", "thuis"]), present_patient=True,
                            present_naasten=json.dumps([nid]),
                            topics=json.dumps(["waarden", "wensen", "behandelgrenzen"]),
                            summary="Eerste gesprek over wat belangrijk is en over behandelgrenzen (fictief).",
                            created_at=self._at(held), created_by=self.user_id)  # fmt: skip
            self._audit(held, AuditAction.PZP_CONVERSATION_ADD, patient_id=pid,
                        entity="pzp_conversation", entity_id=cid)  # fmt: skip
            self._audit(held, AuditAction.PZP_STARTED, patient_id=pid)
            if rng.random() >= 0.85:
                continue
            content = care_demo._content(rng, (given, relation), family, held)
            versions = [content]
            day = held
            last = life.ended_on or self.today
            for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):  # later versions after a meeting
                day = self._day_between(day, last)
                versions.append(dataclasses.replace(
                    versions[-1], antibiotica=cp.TreatmentLimit(
                        rng.choice(["nee", "ja_beperkt", "onbekend"]), "", "Na MDO aangepast", day),
                    wishes=rng.choice(care_demo.WISHES)))  # fmt: skip
            day = held
            for number, version in enumerate(versions, 1):
                if number > 1:
                    day = self._day_between(day, last)
                vid = self._add(CarePlanVersion, patient_id=pid, version=number,
                                content=json.dumps(cp.to_data(version), ensure_ascii=False, sort_keys=True),
                                effective_on=day, created_at=self._at(day), author_user_id=self.user_id,
                                author_name="Bench Beheerder (fictief)", source="editor", note=None)  # fmt: skip
                self._audit(day, AuditAction.CAREPLAN_SAVE, patient_id=pid, entity="care_plan_version",
                            entity_id=vid, detail={"versie": number})  # fmt: skip

    # -- consultations -------------------------------------------------------------------------
    def _consultations(self, lives: list[_Life]) -> None:
        from pzmdo.services import consultations_demo as cd

        rng, today = self.rng, self.today
        for life in lives:
            if life.marked_on is None or rng.random() >= 0.08:
                continue
            last = life.ended_on or today
            asked = self._at(self._day_between(life.marked_on, last), rng.randint(8, 16))
            question, mode, complexity, dims = rng.choice(cd.QUESTIONS)
            team, members = rng.choice(self.consult_teams)
            recent = (today - asked.date()).days < 14 and life.ended_on is None
            state = rng.choice(["aangevraagd", "in_behandeling", "advies_gegeven", "afgesloten"]) \
                if recent else ("geannuleerd" if rng.random() < 0.05 else "afgesloten")  # fmt: skip
            row: dict[str, Any] = {
                "patient_id": life.pid, "team_id": team, "consultant_person_id": None,
                "requested_by_person_id": life.gp, "meeting_id": None, "requested_at": asked,
                "time_window": "kantoortijd", "question": question, "mode": mode,
                "complexity": complexity, "dimensions": ",".join(dims), "status": state,
                "created_by_user_id": self.user_id, "created_at": asked, "updated_at": asked,
                "version": 1,
            }  # fmt: skip
            cid = self._add(Consultation, **row)
            self._audit(asked.date(), AuditAction.CONSULT_REQUEST, patient_id=life.pid,
                        entity="consultation", entity_id=cid)  # fmt: skip
            if state == "geannuleerd":
                row["cancelled_at"] = asked + timedelta(hours=3)
                row["cancel_reason"] = "Vraag vervallen: patiënt opgenomen (fictief)"
                self._audit(asked.date(), AuditAction.CONSULT_GEANNULEERD, patient_id=life.pid,
                            entity="consultation", entity_id=cid)  # fmt: skip
                continue
            if state == "aangevraagd":
                continue
            row["consultant_person_id"] = members[0]
            row["accepted_at"] = asked + timedelta(hours=2)
            self._audit(asked.date(), AuditAction.CONSULT_IN_BEHANDELING, patient_id=life.pid,
                        entity="consultation", entity_id=cid)  # fmt: skip
            if state == "in_behandeling":
                continue
            row["advice_at"] = asked + timedelta(days=1)
            row["advice"], row["advice_by_person_id"] = cd.ADVICE, members[0]
            row["updated_at"] = row["advice_at"]
            self._audit(row["advice_at"].date(), AuditAction.CONSULT_ADVIES_GEGEVEN,
                        patient_id=life.pid, entity="consultation", entity_id=cid)  # fmt: skip
            if state == "afgesloten":
                row["closed_at"] = asked + timedelta(days=3)
                row["version"] = 2
                self._audit(row["closed_at"].date(), AuditAction.CONSULT_AFGESLOTEN,
                            patient_id=life.pid, entity="consultation", entity_id=cid)  # fmt: skip

    # -- meetings ------------------------------------------------------------------------------
    def _meetings(self, lives: list[_Life]) -> None:
        rng, today = self.rng, self.today
        by_practice: dict[int, list[_Life]] = {}
        for life in lives:
            if life.marked_on is not None:
                by_practice.setdefault(life.practice, []).append(life)
        for team in self.teams:
            pool = [life for pr in team["practices"] for life in by_practice.get(pr, [])]
            pool.sort(key=lambda life: life.marked_on)  # type: ignore[arg-type, return-value]
            people = team["people"]
            day = today - timedelta(days=YEARS * 365) + timedelta(days=rng.randint(0, 27))
            while day < today - timedelta(days=3):
                self._closed_meeting(team, day, pool, people)
                day += timedelta(weeks=team["cadence"])
            planned = today + timedelta(weeks=1)
            mid = self._add(Meeting, team_id=team["id"], held_on=planned, start_time=clock(12, 30),
                            place="Vergaderruimte gezondheidscentrum (fictief)",
                            chair_person_id=people[0], scribe_person_id=people[3 % len(people)],
                            status=MeetingStatus.GEPLAND.value, version=1,
                            created_at=self._at(today))  # fmt: skip
            self._audit(today, AuditAction.MEETING_PLANNED, entity="meeting", entity_id=mid)
            active = [life for life in pool if life.ended_on is None]
            for life in rng.sample(active, min(2, len(active))):
                self._add(MeetingNomination, patient_id=life.pid, nominated_by_person_id=people[3 % len(people)],
                          note="Zorgen van de wijkverpleging over de thuissituatie (fictief)",
                          nominated_on=today, created_at=self._at(today))  # fmt: skip
                self._audit(today, AuditAction.MEETING_NOMINATION, patient_id=life.pid)

    def _closed_meeting(self, team: dict[str, Any], day: date, pool: list[_Life],
                        people: list[int]) -> None:  # fmt: skip
        rng = self.rng
        chair, scribe = people[0], people[3 % len(people)]
        mid = self._add(Meeting, team_id=team["id"], held_on=day, start_time=clock(12, 30),
                        place="Vergaderruimte gezondheidscentrum (fictief)", chair_person_id=chair,
                        scribe_person_id=scribe, status=MeetingStatus.AFGEROND.value,
                        proposal_built_at=self._at(day - timedelta(days=7)),
                        started_at=self._at(day, 12), closed_at=self._at(day, 14),
                        closed_by=self.login, version=5, changed_by=self.login,
                        changed_at=self._at(day, 14), created_at=self._at(day - timedelta(days=14)))  # fmt: skip
        self._audit(day - timedelta(days=14), AuditAction.MEETING_PLANNED, entity="meeting", entity_id=mid)
        self._audit(day - timedelta(days=7), AuditAction.MEETING_AGENDA_PROPOSED, entity="meeting", entity_id=mid)
        candidates = [life for life in pool if life.marked_on <= day  # type: ignore[operator]
                      and (life.ended_on is None or life.ended_on >= day - timedelta(days=42))]  # fmt: skip
        chosen = rng.sample(candidates, min(len(candidates), rng.randint(8, 14)))
        position = 0
        for n, life in enumerate(chosen):
            position += 1
            deceased = life.ended_on is not None and life.ended_on < day and life.status is PatientStatus.OVERLEDEN
            if life.ended_on is not None and life.ended_on < day and not deceased:
                continue
            reason = AgendaReason.DECEASED if deceased else (
                AgendaReason.NEWLY_MARKED_OR_SIGNALLED if not life.discussed
                else AgendaReason.PERIODIC_REVIEW_OR_NEVER_DISCUSSED)  # fmt: skip
            status = ItemStatus.BESPROKEN if n < len(chosen) - 2 else rng.choice(
                (ItemStatus.NIET_TOEGEKOMEN, ItemStatus.VERWIJDERD, ItemStatus.BESPROKEN))  # fmt: skip
            iid = self._add(MeetingAgendaItem, meeting_id=mid, position=position, patient_id=life.pid,
                            reason=reason_code(reason), reasons=reason_code(reason), detail="",
                            status=status.value, seconds_spent=rng.randint(240, 720) if status is ItemStatus.BESPROKEN else 0,
                            discussed_at=self._at(day, 13) if status is ItemStatus.BESPROKEN else None,
                            removed_reason="Vorige keer al besproken (fictief)" if status is ItemStatus.VERWIJDERD else None,
                            created_at=self._at(day - timedelta(days=7)))  # fmt: skip
            self._audit(day - timedelta(days=7), AuditAction.MEETING_ITEM_ACCEPTED,
                        patient_id=life.pid, entity="meeting_agenda_item", entity_id=iid)  # fmt: skip
            if status is not ItemStatus.BESPROKEN:
                continue
            notes = rng.choice(meetings_demo.NOTES)
            for dimension, text in notes.items():
                self._add(MeetingNote, item_id=iid, dimension=dimension, text=text)
            for code in ("vptz", "mantelzorg", "geestelijk_verzorger", "specialist_pz", "team_aanspreekpunt"):
                self._add(MeetingChecklist, item_id=iid, code=code, answer=rng.choice(("ja", "nee", "ja")))
            self._audit(day, AuditAction.MEETING_DISCUSSION, patient_id=life.pid,
                        entity="meeting_agenda_item", entity_id=iid)  # fmt: skip
            did = self._add(MeetingDecision, meeting_id=mid, item_id=iid, patient_id=life.pid,
                            text=rng.choice(meetings_demo.DECISIONS), created_at=self._at(day, 13),
                            created_by=self.login)  # fmt: skip
            self._audit(day, AuditAction.MEETING_DECISION, patient_id=life.pid, entity="meeting_decision", entity_id=did)
            if rng.random() < 0.5:
                what, _ = rng.choice(meetings_demo.ACTIONS)
                due = day + timedelta(days=14)
                done = day + timedelta(days=rng.randint(1, 20))
                done = done if done < self.today - timedelta(days=2) else None
                aid = self._add(MeetingAction, patient_id=life.pid, meeting_id=mid, item_id=iid, what=what,
                                owner_person_id=rng.choice(people), due=due, done_on=done,
                                done_note="Gedaan (fictief)" if done else None,
                                created_at=self._at(day, 13), created_by=self.login)  # fmt: skip
                self._audit(day, AuditAction.MEETING_ACTION_ADDED, patient_id=life.pid,
                            entity="meeting_action", entity_id=aid)  # fmt: skip
                if done:
                    self._audit(done, AuditAction.MEETING_ACTION_DONE, patient_id=life.pid,
                                entity="meeting_action", entity_id=aid)  # fmt: skip
            life.discussed.append(day)
            self._audit(day, AuditAction.MEETING_PATIENT_DISCUSSED, patient_id=life.pid,
                        entity="meeting", entity_id=mid, detail={"datum": day.isoformat()})  # fmt: skip
        if rng.random() < 0.3:
            position += 1
            self._add(MeetingAgendaItem, meeting_id=mid, position=position, patient_id=None,
                      reason=reason_code(AgendaReason.THEME), reasons=reason_code(AgendaReason.THEME),
                      detail="", title="Nabespreking: wat leren we van de laatste overlijdens? (fictief)",
                      status=ItemStatus.BESPROKEN.value, seconds_spent=600,
                      discussed_at=self._at(day, 13), created_at=self._at(day - timedelta(days=7)))  # fmt: skip
        self._audit(day, AuditAction.MEETING_STARTED, entity="meeting", entity_id=mid)
        for p in people:
            self._add(MeetingAttendance, meeting_id=mid, person_id=p,
                      role=self.discipline[p],
                      function="voorzitter" if p == chair else "notulist" if p == scribe else "deelnemer",
                      present=rng.random() < 0.85)  # fmt: skip
        self._audit(day, AuditAction.MEETING_ATTENDANCE, entity="meeting", entity_id=mid)
        self._audit(day, AuditAction.MEETING_CLOSED, entity="meeting", entity_id=mid,
                    detail={"besproken": position, "doorgeschoven": 0, "triade_compleet": True})  # fmt: skip

    # -- denormalised register columns, the search index, the audit chain -----------------------
    def _patient_rows(self, lives: list[_Life]) -> None:
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
        words = [{"word": w, "patient_id": row["id"]} for row in self.rows[Patient]
                 for w in name_words(row["search_name"])]  # fmt: skip
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
    Practice, Person, Patient, ConsultTeam, ConsultTeamMember, MeetingTeam, MeetingTeamMember,
    StatusEvent, Signal, Marking, HospitalMdo, UrgencyChange, Death, FollowUpTask, Stervensfase,
    TeamMembership, Naaste, CarerBurdenCheck, VptzEvent, PzpConversation, CarePlanVersion,
    Consultation, Meeting, MeetingAgendaItem, MeetingNote, MeetingChecklist, MeetingDecision,
    MeetingAction, MeetingAttendance, MeetingNomination,
)  # fmt: skip

