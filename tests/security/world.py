"""Ids of real things in a demo database, for calling every entry point as every role."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from pzmdo.domain.careteam import TeamRole
from pzmdo.domain.enums import Role
from pzmdo.services import (
    attachments,
    careplan,
    careteam,
    consultations,
    directory,
    meetings,
    practices,
    register,
    teams,
    trajectory,
    users,
)
from pzmdo.services.context import AppContext, CurrentUser
from pzmdo.store.models import Patient
from pzmdo.store.models.careteam import Naaste, TeamMembership
from pzmdo.store.models.consultations import ConsultTeam
from pzmdo.store.models.meetings import (
    MeetingAction,
    MeetingAgendaItem,
    MeetingDecision,
)
from pzmdo.store.models.register import FollowUpTask, Signal


def _marked(admin: AppContext, n: int, practice_id: int | None, family: str) -> list[int]:
    return [
        register.mark_patient(
            admin,
            register.MarkingInput(
                surprise_answer="nee",
                new_patient=register.PatientInput(
                    given_name="Wereld",
                    family_name=f"{family} {i} (fictief)",
                    birth_date=date(1938, 3, 3),
                    is_fictional=True,
                    practice_id=practice_id,
                ),  # fmt: skip
                to_agenda=False,
            ),
        )
        for i in range(n)
    ]


def build_world(
    admin: AppContext,
    folder: Path,
    *,
    practice_id: int | None = None,
    team_id: int | None = None,
    family: str = "Patiënt",
) -> dict[str, Any]:
    """Patients (in ``practice_id``) in every state, with data in every area, and meetings
    of ``team_id``; ``family`` starts every patient's family name."""
    w: dict[str, Any] = {"admin": admin, "tmp": folder, "gp_person": admin.user.person_id}
    w["pid"], w["pid3"], w["pid4"], w["pid5"], died, dying = _marked(admin, 6, practice_id, family)
    register.record_stervensfase(admin, dying, register.StervensfaseInput(judged_by="huisarts"))
    w["pid_dying"] = dying
    register.record_death(admin, died, register.DeathInput(date.today()))  # follow-up tasks
    w["pid2"] = register.create_patient(
        admin,
        register.PatientInput(
            "Signaal",
            f"{family} Alleen (fictief)",
            date(1941, 4, 4),
            is_fictional=True,
            practice_id=practice_id,
        ),  # fmt: skip
    )
    pid = w["pid"]
    careplan.add_agreement(admin, pid, "Afspraak (fictief)", "fysiek", None)
    register.add_signal(
        admin, w["pid2"], register.SignalInput(source="huisarts", signal_type="niet_pluis")
    )
    careteam.add_naaste(
        admin, pid, careteam.NaasteInput(name="Naaste (fictief)", relation="partner")
    )
    person = directory.add_person(admin, directory.PersonInput("Teamlid (fictief)", "poh"))
    w["person"] = person.id
    w["spare_person"] = directory.add_person(
        admin, directory.PersonInput("Reserve (fictief)", "poh")
    ).id
    careteam.add_member(admin, pid, person.id, TeamRole.TEAMLID, "")
    w["transfer"] = trajectory.record_transfer(
        admin, pid, trajectory.TransferInput(date.today(), "thuis", "ziekenhuis", "Opname (fictief)")
    ).id
    w["spare_team"] = consultations.save_team(
        admin, None, name="Reserveteam (fictief)", team_type="regionaal", phone_office="0201234567"
    )
    w["spare_login"] = users.add_user(
        admin, login="reserve", name="Reservegebruiker (fictief)", role=Role.OVERIG,
        password="reserve-wachtwoord-1",
    ).login  # fmt: skip
    meeting = meetings.plan_meeting(admin, date.today() + timedelta(days=21), team_id=team_id)
    w["meeting"] = meeting.id
    meetings.add_patient(admin, meeting.id, pid, "")
    meetings.add_patient(admin, meeting.id, w["pid3"], "")
    meetings.start_meeting(admin, meeting.id)
    to_close = meetings.plan_meeting(admin, date.today() + timedelta(days=28), team_id=team_id)
    meetings.add_theme(admin, to_close.id, "Thema (fictief)")
    meetings.start_meeting(admin, to_close.id)
    w["meeting_to_close"] = to_close.id
    closed = meetings.plan_meeting(admin, date.today() - timedelta(days=3), team_id=team_id)
    meetings.add_theme(admin, closed.id, "Afgerond thema (fictief)")
    meetings.start_meeting(admin, closed.id)
    w["closed_meeting"] = meetings.close_meeting(admin, closed.id).id
    with admin.db.session() as s:
        items = list(
            s.scalars(
                select(MeetingAgendaItem.id).where(MeetingAgendaItem.meeting_id == meeting.id)
            )
        )
        w["item"], w["spare_item"] = items[0], items[-1]
    meetings.add_decision(admin, w["item"], "Besluit (fictief)")
    meetings.add_action(admin, pid, "Actie (fictief)", None, None, meeting.id)
    meetings.add_action(admin, pid, "Reserve-actie (fictief)", None, None, meeting.id)
    with admin.db.session() as s:
        w["membership"] = s.scalar(
            select(TeamMembership.id).where(
                TeamMembership.patient_id == pid, TeamMembership.person_id == person.id
            )
        )
        w["naaste"] = s.scalar(select(Naaste.id).where(Naaste.patient_id == pid))
        w["team"] = s.scalar(select(ConsultTeam.id).where(ConsultTeam.active.is_(True)))
        w["decision"] = s.scalar(select(MeetingDecision.id).order_by(MeetingDecision.id.desc()))
        actions = list(
            s.scalars(select(MeetingAction.id).where(MeetingAction.done_on.is_(None)).order_by(
                MeetingAction.id.desc()))
        )  # fmt: skip
        w["action"], w["spare_action"] = actions[1], actions[0]
        w["signal"] = s.scalar(
            select(Signal.id).where(Signal.handled_on.is_(None), Signal.patient_id == w["pid2"])
        )
        w["task"] = s.scalar(
            select(FollowUpTask.id).where(
                FollowUpTask.done_on.is_(None), FollowUpTask.patient_id == died
            )
        )
        assert s.get(Patient, pid) is not None
    w["consultation"] = consultations.request_consultation(
        admin, pid, team_id=w["team"], question="Vraag (fictief)?", mode="telefonisch",
        complexity="middel",
    )  # fmt: skip
    w["consultation_to_cancel"] = consultations.request_consultation(
        admin, w["pid3"], team_id=w["team"], question="Vraag (fictief)?", mode="telefonisch",
        complexity="middel",
    )  # fmt: skip
    # Issue 14: a second practice and a spare meeting team (the role test attaches every
    # role's user to everything: scope is tested in test_scope.py).
    w["practice"] = practice_id or practices.list_practices(admin)[0].id
    w["practice2"] = practices.add_practice(
        admin, practices.PracticeInput(f"Tweede praktijk {family} (fictief)")
    ).id
    w["mteam"] = team_id or meetings.get_team(admin).id
    w["spare_mteam"] = teams.add_team(admin, teams.TeamInput(f"Reserve-MDO {family} (fictief)")).id
    w["pid_move"] = register.create_patient(
        admin,
        register.PatientInput(
            "Verhuis",
            f"{family} (fictief)",
            date(1942, 5, 5),
            is_fictional=True,
            practice_id=practice_id,
        ),  # fmt: skip
    )
    missing = [k for k, v in w.items() if v is None]
    assert not missing, missing
    return w


def add_role_users(
    admin: AppContext, world: dict[str, Any], roles: Any, *, prefix: str, password: str
) -> dict[Role, CurrentUser]:
    """One user per role, attached to both practices and both meeting teams of ``world``."""
    found: dict[Role, CurrentUser] = {}
    for role in roles:
        info = users.add_user(
            admin, login=f"{prefix}-{role.value}", name=f"{role.label} {prefix} (fictief)",
            role=role, password=password,
        )  # fmt: skip
        found[role] = CurrentUser(info.id, info.login, info.name, info.roles, info.person_id)
        attachments.set_attachments(
            admin, info.login, [world["practice"], world["practice2"]],
            [world["mteam"], world["spare_mteam"]],
        )  # fmt: skip
    return found
