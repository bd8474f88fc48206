"""PZP / ACP conversations (advance care planning)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.careteam import (
    ConversationSetting,
    ConversationTopic,
    check_date_not_future,
    parse_enum,
)
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import clean_text
from pzmdo.services.careteam.helpers import _naaste_info
from pzmdo.services.careteam.results import ConversationInfo
from pzmdo.services.context import AppContext
from pzmdo.services.directory import PersonInfo, info_of
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_patient, load_person
from pzmdo.services.scope import require_patient_in_scope
from pzmdo.store.models.careteam import (
    Naaste,
    PzpConversation,
)

# ---------------------------------------------------------------------------------------
# PZP / ACP conversations


@dataclass(frozen=True)
class ConversationInput:
    held_on: date
    conducted_by_id: int | None
    summary: str
    topics: tuple[str, ...] = ()
    present_patient: bool = True
    present_naasten: tuple[int, ...] = ()
    present_other: str = ""
    setting: str = ""


def add_conversation(ctx: AppContext, patient_id: int, data: ConversationInput) -> int:
    """Record a PZP conversation; the first one marks the start of PZP (audited as such)."""
    require(ctx, Action.CARE_TEAM)
    require_patient_in_scope(ctx, patient_id)
    check_date_not_future(data.held_on, "het gesprek")
    topics = tuple(
        dict.fromkeys(parse_enum(ConversationTopic, t, "het onderwerp").value for t in data.topics)
    )
    setting = (
        parse_enum(ConversationSetting, data.setting, "de plaats").value if data.setting else None
    )
    summary = clean_text(data.summary, "de samenvatting van het gesprek", required=True)
    other = clean_text(data.present_other, "de overige aanwezigen", limit=300)
    if data.conducted_by_id is None:
        raise ValidationError("Kies wie het gesprek heeft gevoerd.")
    with ctx.unit() as s:
        load_patient(s, patient_id)
        load_person(s, data.conducted_by_id)
        for nid in data.present_naasten:
            n = s.get(Naaste, nid)
            if n is None or n.patient_id != patient_id:
                raise ValidationError(
                    "Een van de gekozen naasten hoort niet bij deze patiënt. Kies opnieuw."
                )
        first = (
            s.scalar(
                select(func.count(PzpConversation.id)).where(
                    PzpConversation.patient_id == patient_id
                )
            )
            == 0
        )
        conv = PzpConversation(
            patient_id=patient_id,
            held_on=data.held_on,
            conducted_by_id=data.conducted_by_id,
            setting=setting,
            present_patient=bool(data.present_patient),
            present_naasten=json.dumps(list(dict.fromkeys(data.present_naasten))),
            present_other=other or None,
            topics=json.dumps(list(topics)),
            summary=summary,
            created_by=ctx.user.id,
        )
        s.add(conv)
        s.flush()
        ctx.audit(
            s,
            AuditAction.PZP_CONVERSATION_ADD,
            patient_id=patient_id,
            entity="pzp_conversation",
            entity_id=conv.id,
        )
        if first:
            ctx.audit(
                s, AuditAction.PZP_STARTED, patient_id=patient_id, detail={"datum": data.held_on}
            )
        conv_id = conv.id
    ctx.changes.publish("careteam", patient_id)
    ctx.changes.publish("patient", patient_id)
    return conv_id


def list_conversations(ctx: AppContext, patient_id: int) -> list[ConversationInfo]:
    """All PZP conversations, newest first; ``is_first`` marks the one that started PZP."""
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    with ctx.unit() as s:
        load_patient(s, patient_id)
        convs = list(
            s.scalars(
                select(PzpConversation)
                .where(PzpConversation.patient_id == patient_id)
                .order_by(PzpConversation.held_on, PzpConversation.id)
            )
        )
        naasten = {
            n.id: _naaste_info(n)
            for n in s.scalars(select(Naaste).where(Naaste.patient_id == patient_id))
        }
        persons: dict[int, PersonInfo] = {}
        out = []
        for i, c in enumerate(convs):
            by = None
            if c.conducted_by_id is not None:
                if c.conducted_by_id not in persons:
                    persons[c.conducted_by_id] = info_of(load_person(s, c.conducted_by_id))
                by = persons[c.conducted_by_id]
            topics = tuple(json.loads(c.topics or "[]"))
            out.append(
                ConversationInfo(
                    id=c.id,
                    held_on=c.held_on,
                    conducted_by=by,
                    setting=c.setting or "",
                    setting_label=ConversationSetting(c.setting).label if c.setting else "",
                    present_patient=c.present_patient,
                    present_naasten=tuple(
                        naasten[n] for n in json.loads(c.present_naasten or "[]") if n in naasten
                    ),
                    present_other=c.present_other or "",
                    topics=topics,
                    topic_labels=tuple(ConversationTopic(t).label for t in topics),
                    summary=c.summary or "",
                    is_first=i == 0,
                )
            )
        ctx.record_opened(s, patient_id)
        return list(reversed(out))
