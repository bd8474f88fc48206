"""Which practices and teams a user is attached to (need to know, issue 14).

The beheerder attaches users; what an attachment lets a user see is computed in one place,
``pzmdo.services.scope``. A new user in a register with one practice (and one team) is
attached to it straight away, so a small practice never has to think about attachments.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.errors import NotFoundError
from pzmdo.domain.permissions import Action
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.store.models import AppUser, Practice
from pzmdo.store.models.meetings import MeetingTeam
from pzmdo.store.models.practices import UserPractice, UserTeam


@dataclass(frozen=True)
class UserAttachments:
    user_id: int
    login: str
    name: str
    active: bool
    practices: tuple[tuple[int, str], ...]  # (id, name), sorted by name
    teams: tuple[tuple[int, str], ...]

    @property
    def practice_ids(self) -> tuple[int, ...]:
        return tuple(p for p, _ in self.practices)

    @property
    def team_ids(self) -> tuple[int, ...]:
        return tuple(t for t, _ in self.teams)


def attach_new_user(s: Session, user_id: int) -> None:
    """Inside the unit that adds a user: attach them to the only practice and the only
    team, if the register has just one of each (several: the beheerder decides)."""
    practices = list(s.scalars(select(Practice.id).where(Practice.active.is_(True)).limit(2)))
    if len(practices) == 1:
        s.add(UserPractice(user_id=user_id, practice_id=practices[0]))
    teams = list(s.scalars(select(MeetingTeam.id).where(MeetingTeam.active.is_(True)).limit(2)))
    if len(teams) == 1:
        s.add(UserTeam(user_id=user_id, team_id=teams[0]))


def _user(s: Session, login: str) -> AppUser:
    user = s.scalars(select(AppUser).where(AppUser.login == login.strip().lower())).first()
    if user is None:
        raise NotFoundError(f"Er is geen gebruiker '{login}'. Kijk bij 'pzmdo users list'.")
    return user


def _of(s: Session, users: list[AppUser]) -> list[UserAttachments]:
    ids = [u.id for u in users]
    practices: dict[int, list[tuple[int, str]]] = {i: [] for i in ids}
    for uid, pid, name in s.execute(
        select(UserPractice.user_id, Practice.id, Practice.name)
        .join(Practice, Practice.id == UserPractice.practice_id)
        .where(UserPractice.user_id.in_(ids))
        .order_by(Practice.name, Practice.id)
    ):
        practices[uid].append((pid, name))
    teams: dict[int, list[tuple[int, str]]] = {i: [] for i in ids}
    for uid, tid, name in s.execute(
        select(UserTeam.user_id, MeetingTeam.id, MeetingTeam.name)
        .join(MeetingTeam, MeetingTeam.id == UserTeam.team_id)
        .where(UserTeam.user_id.in_(ids))
        .order_by(MeetingTeam.name, MeetingTeam.id)
    ):
        teams[uid].append((tid, name))
    return [
        UserAttachments(
            u.id,
            u.login,
            u.person.name,
            bool(u.active),
            tuple(practices[u.id]),
            tuple(teams[u.id]),
        )  # fmt: skip
        for u in users
    ]


def list_attachments(ctx: AppContext) -> list[UserAttachments]:
    """Every user with their practices and teams."""
    require(ctx, Action.ATTACHMENTS)
    with ctx.read() as s:
        return _of(s, list(s.scalars(select(AppUser).order_by(AppUser.login))))


def user_attachments(ctx: AppContext, login: str) -> UserAttachments:
    require(ctx, Action.ATTACHMENTS)
    with ctx.read() as s:
        return _of(s, [_user(s, login)])[0]


def _check(s: Session, practice_ids: Iterable[int], team_ids: Iterable[int]) -> None:
    for pid in practice_ids:
        if s.get(Practice, pid) is None:
            raise NotFoundError(f"Praktijk {pid} bestaat niet. Kies een praktijk uit de lijst.")
    for tid in team_ids:
        if s.get(MeetingTeam, tid) is None:
            raise NotFoundError(f"Overlegteam {tid} bestaat niet. Kies een team uit de lijst.")


def _apply(
    ctx: AppContext,
    login: str,
    new: Callable[[set[int], set[int]], tuple[Iterable[int], Iterable[int]]],
) -> UserAttachments:
    """In one unit: the user's attachments become ``new(old practices, old teams)``."""
    with ctx.unit() as s:
        user = _user(s, login)
        old_p = set(
            s.scalars(select(UserPractice.practice_id).where(UserPractice.user_id == user.id))
        )
        old_t = set(s.scalars(select(UserTeam.team_id).where(UserTeam.user_id == user.id)))
        wanted_p, wanted_t = (set(ids) for ids in new(old_p, old_t))
        _check(s, wanted_p - old_p, wanted_t - old_t)
        s.execute(delete(UserPractice).where(UserPractice.user_id == user.id))
        s.execute(delete(UserTeam).where(UserTeam.user_id == user.id))
        s.add_all(UserPractice(user_id=user.id, practice_id=p) for p in sorted(wanted_p))
        s.add_all(UserTeam(user_id=user.id, team_id=t) for t in sorted(wanted_t))
        _audit(ctx, s, user, wanted_p - old_p, wanted_t - old_t, attached=True)
        _audit(ctx, s, user, old_p - wanted_p, old_t - wanted_t, attached=False)
        s.flush()
        info = _of(s, [user])[0]
    ctx.changes.publish("attachments", info.user_id)
    return info


def _audit(
    ctx: AppContext, s: Session, user: AppUser, practices: set[int], teams: set[int], *,
    attached: bool,
) -> None:  # fmt: skip
    if not practices and not teams:
        return
    ctx.audit(
        s, AuditAction.USER_ATTACHED if attached else AuditAction.USER_DETACHED,
        entity="app_user", entity_id=user.id,
        detail={"praktijken": sorted(practices), "teams": sorted(teams)},
    )  # fmt: skip


def set_attachments(
    ctx: AppContext, login: str, practice_ids: Iterable[int], team_ids: Iterable[int]
) -> UserAttachments:
    """Attach the user to exactly these practices and teams (the beheer screen's save)."""
    require(ctx, Action.ATTACHMENTS)
    practices, teams = set(practice_ids), set(team_ids)
    return _apply(ctx, login, lambda _p, _t: (practices, teams))


def attach_user(
    ctx: AppContext, login: str, practice_ids: Iterable[int] = (), team_ids: Iterable[int] = ()
) -> UserAttachments:
    """Add attachments (keeping the existing ones)."""
    require(ctx, Action.ATTACHMENTS)
    practices, teams = set(practice_ids), set(team_ids)
    return _apply(ctx, login, lambda p, t: (p | practices, t | teams))


def detach_user(
    ctx: AppContext, login: str, practice_ids: Iterable[int] = (), team_ids: Iterable[int] = ()
) -> UserAttachments:
    """Remove attachments (keeping the others)."""
    require(ctx, Action.ATTACHMENTS)
    practices, teams = set(practice_ids), set(team_ids)
    return _apply(ctx, login, lambda p, t: (p - practices, t - teams))
