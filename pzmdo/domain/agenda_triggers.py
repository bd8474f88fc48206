"""Agenda triggers the team expects (issue 17): each a reason on the proposal with its own
text, each switchable per team.

- marked without a care plan after N weeks
- marked without a centrale zorgverlener
- a carer overbelast in the latest burden check
- the stervensfase started since the patient was last discussed
- the care plan not reviewed within the team's review interval (or older than the
  stervensfase: the dying phase asks for a review)
- a consultation advice not yet processed
- a carer at risk and no VPTZ step N weeks after marking (VPTZ comes "pas in de laatste
  dagen" when nobody raises it)

Pure Python over facts the meeting area reads; unit-tested without a database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from pzmdo.domain.agenda import AgendaCandidate, AgendaReason, nl_date
from pzmdo.domain.enums import LabelledEnum, register_labels
from pzmdo.domain.errors import ValidationError


class Trigger(LabelledEnum):
    NO_CAREPLAN = "no_careplan"
    NO_CENTRAL_CAREGIVER = "no_central_caregiver"
    CARER_OVERLOADED = "carer_overloaded"
    STERVENSFASE_STARTED = "stervensfase_started"
    CAREPLAN_NOT_REVIEWED = "careplan_not_reviewed"
    ADVICE_NOT_PROCESSED = "advice_not_processed"
    VPTZ_NOT_DISCUSSED = "vptz_not_discussed"


#: The agenda reason each trigger puts on the proposal.
TRIGGER_REASON: dict[Trigger, AgendaReason] = {
    Trigger.NO_CAREPLAN: AgendaReason.NO_CAREPLAN,
    Trigger.NO_CENTRAL_CAREGIVER: AgendaReason.NO_CENTRAL_CAREGIVER,
    Trigger.CARER_OVERLOADED: AgendaReason.CARER_OVERLOADED,
    Trigger.STERVENSFASE_STARTED: AgendaReason.STERVENSFASE_STARTED,
    Trigger.CAREPLAN_NOT_REVIEWED: AgendaReason.CAREPLAN_NOT_REVIEWED,
    Trigger.ADVICE_NOT_PROCESSED: AgendaReason.ADVICE_NOT_PROCESSED,
    Trigger.VPTZ_NOT_DISCUSSED: AgendaReason.VPTZ_NOT_DISCUSSED,
}

MARKED_STATUSES = ("gemarkeerd", "stervensfase")
AT_RISK = ("verhoogd", "overbelast")
MAX_WEEKS = 52


@dataclass(frozen=True)
class TriggerSettings:
    """A team's choice of triggers; the defaults hold until the team changes them."""

    enabled: frozenset[Trigger] = field(default_factory=lambda: frozenset(Trigger))
    careplan_weeks: int = 4  # marked this long without a care plan
    vptz_weeks: int = 4  # marked this long, carer at risk, no VPTZ step

    def to_data(self) -> dict[str, Any]:
        return {
            "enabled": sorted(t.value for t in self.enabled),
            "careplan_weeks": self.careplan_weeks,
            "vptz_weeks": self.vptz_weeks,
        }


def settings_from_data(data: Mapping[str, Any] | None) -> TriggerSettings:
    """Stored settings back; unknown codes are dropped, missing values take the default."""
    if not data:
        return TriggerSettings()
    known = {t.value: t for t in Trigger}
    enabled = frozenset(known[c] for c in data.get("enabled", known) if c in known)
    return check_settings(
        TriggerSettings(
            enabled,
            int(data.get("careplan_weeks", TriggerSettings.careplan_weeks)),
            int(data.get("vptz_weeks", TriggerSettings.vptz_weeks)),
        )
    )


def check_settings(settings: TriggerSettings) -> TriggerSettings:
    for weeks, what in (
        (settings.careplan_weeks, "het aantal weken zonder zorgplan"),
        (settings.vptz_weeks, "het aantal weken zonder VPTZ"),
    ):
        if not 1 <= weeks <= MAX_WEEKS:
            raise ValidationError(
                f"Kies voor {what} een getal van 1 tot en met {MAX_WEEKS} (nu {weeks})."
            )
    return settings


@dataclass(frozen=True)
class TriggerFact:
    """What the triggers need to know about one marked patient."""

    patient_id: int
    status: str
    marked_on: date | None
    status_since: date | None
    last_discussed_on: date | None
    has_central_caregiver: bool
    plan_on: date | None = None  # the latest care plan version's "actueel per"
    burden: str | None = None  # the worst latest outcome among the active naasten
    burden_on: date | None = None
    vptz_steps: int = 0
    advice_on: date | None = None  # the oldest advice not yet processed


def trigger_candidates(
    facts: Iterable[TriggerFact],
    settings: TriggerSettings,
    today: date,
    review_interval_days: int,
    since: date | None,
) -> list[AgendaCandidate]:
    """The candidates of every enabled trigger whose condition holds today."""
    on = settings.enabled
    out: list[AgendaCandidate] = []

    def add(f: TriggerFact, trigger: Trigger, text: str, when: date | None, arose: date) -> None:
        # Not again for a patient discussed after the condition arose: the team saw it,
        # and periodic review brings the patient back.
        last = f.last_discussed_on
        if trigger in on and (last is None or last <= arose):
            out.append(AgendaCandidate(f.patient_id, TRIGGER_REASON[trigger], text, when))

    for f in facts:
        if f.status not in MARKED_STATUSES:
            continue
        marked = f.marked_on or f.status_since or today  # no marking date (imported): the status date
        plan_due = marked + timedelta(weeks=settings.careplan_weeks)
        if f.plan_on is None and plan_due <= today:
            add(
                f, Trigger.NO_CAREPLAN,
                f"gemarkeerd op {nl_date(marked)}, na {settings.careplan_weeks} weken nog "
                "geen zorgplan", marked, plan_due,
            )  # fmt: skip
        if not f.has_central_caregiver:
            add(
                f, Trigger.NO_CENTRAL_CAREGIVER, "gemarkeerd zonder centrale zorgverlener",
                marked, marked,
            )  # fmt: skip
        if f.burden == "overbelast" and f.burden_on is not None:
            add(
                f, Trigger.CARER_OVERLOADED,
                f"mantelzorger overbelast (belastingscheck {nl_date(f.burden_on)})",
                f.burden_on, f.burden_on,
            )  # fmt: skip
        dying_since = f.status_since if f.status == "stervensfase" else None
        fresh = dying_since is not None and (since is None or dying_since >= since)
        if dying_since is not None and fresh and dying_since <= today:
            add(
                f, Trigger.STERVENSFASE_STARTED,
                f"stervensfase gestart op {nl_date(dying_since)}", dying_since, dying_since,
            )  # fmt: skip
        if f.plan_on is not None:
            review_due = f.plan_on + timedelta(days=review_interval_days)
            if dying_since is not None and f.plan_on < dying_since:
                add(
                    f, Trigger.CAREPLAN_NOT_REVIEWED,
                    f"zorgplan ({nl_date(f.plan_on)}) van vóór de stervensfase: herzien",
                    f.plan_on, dying_since,
                )  # fmt: skip
            elif review_due <= today:
                add(
                    f, Trigger.CAREPLAN_NOT_REVIEWED,
                    f"zorgplan niet herzien sinds {nl_date(f.plan_on)} "
                    f"(termijn {review_interval_days // 7} weken)", f.plan_on, review_due,
                )  # fmt: skip
        if f.advice_on is not None:
            add(
                f, Trigger.ADVICE_NOT_PROCESSED,
                f"consultatieadvies van {nl_date(f.advice_on)} nog niet verwerkt",
                f.advice_on, f.advice_on,
            )  # fmt: skip
        vptz_due = marked + timedelta(weeks=settings.vptz_weeks)
        if f.burden in AT_RISK and f.burden_on and f.vptz_steps == 0 and vptz_due <= today:
            add(
                f, Trigger.VPTZ_NOT_DISCUSSED,
                f"mantelzorger belast ({f.burden}) en VPTZ nog niet besproken",
                f.burden_on, max(vptz_due, f.burden_on),
            )  # fmt: skip
    return out


register_labels(
    {
        Trigger.NO_CAREPLAN: "Gemarkeerd zonder zorgplan na enkele weken",
        Trigger.NO_CENTRAL_CAREGIVER: "Gemarkeerd zonder centrale zorgverlener",
        Trigger.CARER_OVERLOADED: "Mantelzorger overbelast",
        Trigger.STERVENSFASE_STARTED: "Stervensfase gestart",
        Trigger.CAREPLAN_NOT_REVIEWED: "Zorgplan niet herzien binnen de termijn",
        Trigger.ADVICE_NOT_PROCESSED: "Consultatieadvies nog niet verwerkt",
        Trigger.VPTZ_NOT_DISCUSSED: "Mantelzorger belast, VPTZ nog niet besproken",
    }
)
