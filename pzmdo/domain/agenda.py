"""Agenda reasons, candidates and the proposal rules for the MDO / PaTz meeting.

Feature areas propose candidates (``AgendaCandidate``); the meeting area adds its own
(open actions, periodic review, carried-over items, nominations, the theme slot) and
merges everything into one ordered proposal with :func:`propose`.

Order of the proposal (issue 5, PaTz practice "deceased first, then colour changes, then
new patients, ..., theme last"):

1. deceased since the last meeting (nabespreking)
2. urgency colour changed
3. newly marked or signalled
4. reported from a hospital MDO-PZ
5. open consultations and open / overdue actions
6. carried over from the previous meeting (not reached)
7. nominated by a team member / added by hand
8. due for periodic review or never discussed
9. theme slot (always last)

Carried-over and nominated items come before routine periodic review: a person asked for
them deliberately. Everything here is pure Python and unit-tested without a database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum
from typing import Any

from pzmdo.domain.register import ACTIVE_STATUSES


class AgendaReason(IntEnum):
    """Why a patient is proposed for the agenda (stable codes: see :func:`reason_code`).

    The numeric value is an identity, not the position: use :func:`reason_rank` to order.
    """

    DECEASED = 1  # nabespreking (after-death review)
    URGENCY_CHANGED = 2
    NEWLY_MARKED_OR_SIGNALLED = 3
    HOSPITAL_MDO_PZ = 4
    OPEN_CONSULTATION_OR_OVERDUE_ACTION = 5
    PERIODIC_REVIEW_OR_NEVER_DISCUSSED = 6
    THEME = 7
    NOMINATED = 8  # put forward by a team member ahead of the meeting
    CARRIED_OVER = 9  # not reached in the previous meeting
    ADDED = 10  # added by hand by the POH while preparing


# Position of each reason in the proposal (lower = earlier).
_RANK: dict[AgendaReason, int] = {
    AgendaReason.DECEASED: 1,
    AgendaReason.URGENCY_CHANGED: 2,
    AgendaReason.NEWLY_MARKED_OR_SIGNALLED: 3,
    AgendaReason.HOSPITAL_MDO_PZ: 4,
    AgendaReason.OPEN_CONSULTATION_OR_OVERDUE_ACTION: 5,
    AgendaReason.CARRIED_OVER: 6,
    AgendaReason.NOMINATED: 7,
    AgendaReason.ADDED: 7,
    AgendaReason.PERIODIC_REVIEW_OR_NEVER_DISCUSSED: 8,
    AgendaReason.THEME: 9,
}

_LABELS: dict[AgendaReason, str] = {
    AgendaReason.DECEASED: "Overleden: nabespreking",
    AgendaReason.URGENCY_CHANGED: "Kleur (urgentie) gewijzigd",
    AgendaReason.NEWLY_MARKED_OR_SIGNALLED: "Nieuw gemarkeerd of gesignaleerd",
    AgendaReason.HOSPITAL_MDO_PZ: "Besproken in MDO-PZ ziekenhuis",
    AgendaReason.OPEN_CONSULTATION_OR_OVERDUE_ACTION: "Open consultatie of actie",
    AgendaReason.PERIODIC_REVIEW_OR_NEVER_DISCUSSED: "Periodieke bespreking",
    AgendaReason.THEME: "Thema",
    AgendaReason.NOMINATED: "Aangemeld door teamlid",
    AgendaReason.CARRIED_OVER: "Niet aan toegekomen vorige keer",
    AgendaReason.ADDED: "Handmatig toegevoegd",
}

# What a deceased patient's nabespreking covers (shown with the item).
NABESPREKING_PROMPT = (
    "Nabespreking: plek van overlijden tegenover de wens, wat ging goed, wat leren we?"
)


# Reasons that bring a patient back as a proposal even after the POH removed them from
# this meeting's agenda (the removal was about the earlier, routine reason).
URGENT_REASONS = frozenset({AgendaReason.DECEASED, AgendaReason.URGENCY_CHANGED})


def reason_rank(reason: AgendaReason) -> int:
    return _RANK[reason]


def reason_label(reason: AgendaReason) -> str:
    """The Dutch label shown to the POH, in the CLI and on the agenda PDF."""
    return _LABELS[reason]


def reason_code(reason: AgendaReason) -> str:
    """Stable storage / JSON code: ``deceased``, ``urgency_changed``, ..."""
    return reason.name.lower()


def reason_from_code(code: str) -> AgendaReason:
    try:
        return AgendaReason[code.strip().upper()]
    except KeyError:
        raise ValueError(code) from None


def nl_date(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


@dataclass(frozen=True)
class AgendaCandidate:
    patient_id: int | None  # None for a theme slot or general (non-patient) actions
    reason: AgendaReason
    detail: str  # Dutch, shown to the POH: "overleden op 03-11-2026 (thuis)"
    since: date | None = None  # the date of the event behind the reason


# -- facts the meeting area reads from its own tables ----------------------------------------


@dataclass(frozen=True)
class ReviewFact:
    """A register patient as far as periodic review is concerned."""

    patient_id: int
    status: str
    last_discussed_on: date | None
    next_review_on: date | None


@dataclass(frozen=True)
class ActionFact:
    """An open (not done) action from an earlier meeting or added in between."""

    action_id: int
    patient_id: int | None
    what: str
    due: date | None
    owner: str = ""


@dataclass(frozen=True)
class CarryFact:
    """An agenda item that was not reached in an earlier, closed meeting."""

    patient_id: int | None
    title: str
    meeting_on: date


@dataclass(frozen=True)
class NominationFact:
    patient_id: int
    by: str
    note: str
    nominated_on: date


# -- rules ----------------------------------------------------------------------------------


def review_candidates(
    facts: Iterable[ReviewFact], today: date, interval_days: int
) -> list[AgendaCandidate]:
    """Patients never discussed, or whose review is due (explicit date or interval passed)."""
    if interval_days < 1:
        raise ValueError("interval_days must be positive")
    out = []
    for f in facts:
        if f.status not in ACTIVE_STATUSES:
            continue
        if f.last_discussed_on is None:
            out.append(
                AgendaCandidate(
                    f.patient_id,
                    AgendaReason.PERIODIC_REVIEW_OR_NEVER_DISCUSSED,
                    "nog nooit besproken in het overleg",
                )
            )
            continue
        due = f.next_review_on or (f.last_discussed_on + timedelta(days=interval_days))
        if due <= today:
            out.append(
                AgendaCandidate(
                    f.patient_id,
                    AgendaReason.PERIODIC_REVIEW_OR_NEVER_DISCUSSED,
                    f"periodieke bespreking: laatst besproken op {nl_date(f.last_discussed_on)}",
                    since=f.last_discussed_on,
                )
            )
    return out


def action_candidates(facts: Iterable[ActionFact], today: date) -> list[AgendaCandidate]:
    """Every open action comes back on the agenda until it is done; overdue ones say so."""
    out = []
    general: list[ActionFact] = []
    for f in facts:
        if f.patient_id is None:
            general.append(f)
            continue
        out.append(
            AgendaCandidate(
                f.patient_id,
                AgendaReason.OPEN_CONSULTATION_OR_OVERDUE_ACTION,
                _action_text(f, today),
                since=f.due,
            )
        )
    if general:
        overdue = sum(1 for f in general if f.due is not None and f.due < today)
        text = f"{len(general)} open algemene actie(s)"
        if overdue:
            text += f", waarvan {overdue} over de datum"
        out.append(
            AgendaCandidate(
                None,
                AgendaReason.OPEN_CONSULTATION_OR_OVERDUE_ACTION,
                text,
                since=min((f.due for f in general if f.due), default=None),
            )
        )
    return out


def _action_text(f: ActionFact, today: date) -> str:
    who = f" ({f.owner})" if f.owner else ""
    if f.due is None:
        return f"open actie: {f.what}{who}"
    if f.due < today:
        return f"actie over de datum ({nl_date(f.due)}): {f.what}{who}"
    return f"open actie, uiterlijk {nl_date(f.due)}: {f.what}{who}"


def carried_over_candidates(facts: Iterable[CarryFact]) -> list[AgendaCandidate]:
    return [
        AgendaCandidate(
            f.patient_id,
            AgendaReason.CARRIED_OVER,
            f"niet aan toegekomen in het overleg van {nl_date(f.meeting_on)}"
            + (f": {f.title}" if f.title and f.patient_id is None else ""),
            since=f.meeting_on,
        )
        for f in facts
    ]


def nomination_candidates(facts: Iterable[NominationFact]) -> list[AgendaCandidate]:
    return [
        AgendaCandidate(
            f.patient_id,
            AgendaReason.NOMINATED,
            f"aangemeld door {f.by}" + (f": {f.note}" if f.note else ""),
            since=f.nominated_on,
        )
        for f in facts
    ]


def theme_candidate(theme: str) -> list[AgendaCandidate]:
    theme = theme.strip()
    return [AgendaCandidate(None, AgendaReason.THEME, theme)] if theme else []


# -- merging and ordering -----------------------------------------------------------------------


@dataclass(frozen=True)
class ProposedItem:
    """One line of the proposal: a patient (once) with every reason that applies."""

    patient_id: int | None
    reason: AgendaReason  # the one that decides the position
    reasons: tuple[AgendaReason, ...]  # all reasons, in rank order
    detail: str  # the details joined, main reason first
    since: date | None


def _sort_key(c: AgendaCandidate) -> tuple[Any, ...]:
    # Within one reason: oldest event first (a death three weeks ago before yesterday's),
    # undated after dated, then the patient id for a stable order; theme slots keep input order.
    return (
        reason_rank(c.reason),
        c.since is None,
        c.since or date.min,
        c.patient_id if c.patient_id is not None else 0,
    )


def propose(
    candidates: Iterable[AgendaCandidate],
    exclude: Iterable[int] = (),
    deceased: Iterable[int] = (),
) -> list[ProposedItem]:
    """Merge candidates into an ordered proposal.

    A patient appears once, at the position of their highest-ranked reason, with all
    reasons listed. Non-patient candidates (theme, general actions) stay separate lines,
    except identical ones. Patients in ``exclude`` (already on or removed from the
    agenda) are left out. After death only the nabespreking is proposed: for patients in
    ``deceased`` (or with a DECEASED candidate) every other reason is dropped.
    """
    skip = set(exclude)
    dead = set(deceased)
    by_patient: dict[int, list[AgendaCandidate]] = {}
    loose: list[AgendaCandidate] = []
    for c in candidates:
        if c.patient_id is None:
            if all((c.reason, c.detail) != (o.reason, o.detail) for o in loose):
                loose.append(c)
        elif c.patient_id not in skip:
            by_patient.setdefault(c.patient_id, []).append(c)
    items: list[tuple[tuple[Any, ...], ProposedItem]] = []
    for pid, group in by_patient.items():
        if pid in dead or any(c.reason is AgendaReason.DECEASED for c in group):
            group = [c for c in group if c.reason is AgendaReason.DECEASED]
            if not group:
                continue
        group.sort(key=_sort_key)
        main = group[0]
        reasons = tuple(dict.fromkeys(c.reason for c in group))
        details = list(dict.fromkeys(c.detail for c in group if c.detail))
        if main.reason is AgendaReason.DECEASED:
            details.append(NABESPREKING_PROMPT)
        detail = "; ".join(details)
        items.append((_sort_key(main), ProposedItem(pid, main.reason, reasons, detail, main.since)))
    for index, c in enumerate(loose):
        key = (reason_rank(c.reason), c.since is None, c.since or date.min, index)
        items.append((key, ProposedItem(None, c.reason, (c.reason,), c.detail, c.since)))
    items.sort(key=lambda pair: pair[0])
    return [item for _key, item in items]
