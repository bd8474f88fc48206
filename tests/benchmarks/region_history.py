"""Register, care and consultation histories of the region's patients (region_builder)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.careteam import TeamRole
from pzmdo.domain.enums import PatientStatus
from pzmdo.domain.register import (
    DEATH_FOLLOW_UPS,
    SURPRISE_QUESTION_VERSION,
    DeteriorationIndicator,
    SignalSource,
    SignalType,
    StervensfaseIndicator,
)
from pzmdo.services import care_demo, register_demo
from pzmdo.store.models import Patient
from pzmdo.store.models.careplan import CarePlanVersion
from pzmdo.store.models.careteam import (
    CarerBurdenCheck,
    Naaste,
    PzpConversation,
    TeamMembership,
    VptzEvent,
)
from pzmdo.store.models.consultations import Consultation
from pzmdo.store.models.register import (
    Death,
    FollowUpTask,
    HospitalMdo,
    Marking,
    Signal,
    StatusEvent,
    Stervensfase,
    UrgencyChange,
)
from tests.benchmarks.region_builder import Builder, Life


def add_register(b: Builder, lives: list[Life]) -> None:
    rng, today = b.rng, b.today
    indicators = [i.value for i in DeteriorationIndicator]
    for life in lives:
        pid = life.pid
        prev: list[str | None] = [None]

        def event(
            to: PatientStatus, on: date, why: str, life: Life = life, prev: list[str | None] = prev
        ) -> None:
            b._add(
                StatusEvent,
                patient_id=life.pid,
                from_status=prev[0],
                to_status=to.value,
                on_date=on,
                reason=why,
                by_user_id=b.user_id,
                by_login=b.login,
                created_at=b._at(on),
            )
            prev[0] = to.value
            life.since = on

        event(PatientStatus.GESIGNALEERD, life.signalled_on, "signaal (fictief)")
        marked = None
        if life.status is not PatientStatus.GESIGNALEERD:
            marked = min(today, life.signalled_on + timedelta(days=rng.randint(3, 60)))
            life.marked_on = marked
        sid = b._add(
            Signal,
            patient_id=pid,
            signalled_on=life.signalled_on,
            source=rng.choice(list(SignalSource)).value,
            signal_type=rng.choice(list(SignalType)).value,
            signalled_by="fictieve melder",
            note="Fictief signaal",
            handled_on=marked,
            handled_note="gemarkeerd" if marked else None,
            by_user_id=b.user_id,
            created_at=b._at(life.signalled_on),
        )
        b._audit(
            life.signalled_on,
            AuditAction.SIGNAL_ADD,
            patient_id=pid,
            entity="signal",
            entity_id=sid,
        )
        if marked is None:
            continue
        in_hospital = rng.random() < 0.1
        event(PatientStatus.GEMARKEERD, marked, "markering (surprise question)")
        mid = b._add(
            Marking,
            patient_id=pid,
            marked_on=marked,
            question_version=SURPRISE_QUESTION_VERSION,
            surprise_answer=None if in_hospital else "nee",
            marked_by_person_id=None if in_hospital else life.gp,
            proposed_by="MDO-PZ (fictief)" if in_hospital else "POH (fictief)",
            indicators=",".join(rng.sample(indicators, rng.randint(0, 3))) or None,
            other_grounds=None,
            to_agenda=True,
            in_hospital=in_hospital,
            by_user_id=b.user_id,
            created_at=b._at(marked),
            closed_on=None,
        )
        b._audit(
            marked,
            AuditAction.MARK,
            patient_id=pid,
            entity="marking",
            entity_id=mid,
            detail={"antwoord": "nee", "datum": marked.isoformat(), "agenderen": True},
        )
        if in_hospital:
            hid = b._add(
                HospitalMdo,
                patient_id=pid,
                mdo_on=marked,
                hospital=rng.choice(register_demo.HOSPITALS),
                specialist="Dr. K. Oncoloog (fictief)",
                marked_in_hospital=True,
                acp_received=rng.random() < 0.5,
                by_user_id=b.user_id,
                created_at=b._at(marked),
            )
            b._audit(
                marked,
                AuditAction.HOSPITAL_MDO,
                patient_id=pid,
                entity="hospital_mdo",
                entity_id=hid,
            )
        seq = 0
        code = None
        day = marked
        for _ in range(rng.randint(1, 3)):  # urgency colours over time
            new = str(register_demo._pick(rng, register_demo.URGENCY_SHARES))
            if new == code:
                continue
            seq += 1
            b._add(
                UrgencyChange,
                patient_id=pid,
                changed_on=day,
                previous_code=code,
                code=new,
                seq=seq,
                by_user_id=b.user_id,
                created_at=b._at(day),
            )
            b._audit(day, AuditAction.URGENCY, patient_id=pid, detail={"kleur": new})
            code, life.urgency = new, new
            day = b._day_between(day, min(today, day + timedelta(days=120)))
        life.urgency_since = day
        if life.status is PatientStatus.OVERLEDEN:
            died = marked + timedelta(days=rng.randint(7, 700))
            if died > today:
                died = b._day_between(marked, today)
            life.ended_on = died
            place = str(register_demo._pick(rng, register_demo.PLACE_SHARES))
            event(PatientStatus.OVERLEDEN, died, f"overleden ({place})")
            did = b._add(
                Death,
                patient_id=pid,
                died_on=died,
                place=place,
                not_unexpected=True,
                by_user_id=b.user_id,
                created_at=b._at(died),
            )
            b._audit(
                died,
                AuditAction.DEATH,
                patient_id=pid,
                entity="death",
                entity_id=did,
                detail={"plaats": place, "niet_onverwacht": True},
            )
            for kind, days in DEATH_FOLLOW_UPS:
                due = died + timedelta(days=days)
                done = due if due < today - timedelta(days=14) else None
                tid = b._add(
                    FollowUpTask,
                    patient_id=pid,
                    kind=kind.value,
                    due_on=due,
                    done_on=done,
                    done_by_user_id=b.user_id if done else None,
                    created_at=b._at(died),
                )
                if done:
                    b._audit(
                        done,
                        AuditAction.TASK_DONE,
                        patient_id=pid,
                        entity="follow_up_task",
                        entity_id=tid,
                    )
        elif life.status is PatientStatus.AFGEMELD:
            off = min(today, marked + timedelta(days=rng.randint(30, 600)))
            life.ended_on = off
            event(PatientStatus.AFGEMELD, off, "niet meer palliatief (fictief)")
            b._audit(
                off,
                AuditAction.DEREGISTER,
                patient_id=pid,
                detail={"reden": "niet meer palliatief (fictief)"},
            )
        elif life.status is PatientStatus.STERVENSFASE:
            begun = max(marked, today - timedelta(days=rng.randint(0, 5)))
            event(PatientStatus.STERVENSFASE, begun, "stervensfase (fictief)")
            sfid = b._add(
                Stervensfase,
                patient_id=pid,
                started_on=begun,
                indicators=",".join(i.value for i in StervensfaseIndicator if rng.random() < 0.6)
                or None,
                judged_by="huisarts en wijkverpleging (fictief)",
                zorgpad_started=True,
                by_user_id=b.user_id,
                created_at=b._at(begun),
            )
            b._audit(
                begun,
                AuditAction.STERVENSFASE,
                patient_id=pid,
                entity="stervensfase",
                entity_id=sfid,
            )
        if life.ended_on is not None:
            b.rows[Marking][-1]["closed_on"] = life.ended_on


# -- care team, naasten, PZP, care plans -------------------------------------------------
def add_care(b: Builder, lives: list[Life]) -> None:
    import dataclasses

    from pzmdo.domain import careplan as cp

    rng = b.rng
    for life in lives:
        if life.marked_on is None or rng.random() < 0.2:
            continue
        pid, start = life.pid, life.marked_on
        teams = b.team_of.get(life.practice, [])
        nurses = b.teams[teams[0]]["nurses"] if teams else []
        members = [
            (life.gp, TeamRole.CENTRALE_ZORGVERLENER, "Eigen huisarts"),
            (b.pohs[life.practice], TeamRole.EERSTE_AANSPREEKPUNT, "POH is aanspreekpunt"),
        ]
        if nurses:
            members.append((rng.choice(nurses), TeamRole.TEAMLID, "Wijkverpleging thuis"))
        if rng.random() < 0.3:
            members.append((rng.choice(b.others), TeamRole.TEAMLID, "Betrokken bij de zorg"))
        for person, role, reason in members:
            mid = b._add(
                TeamMembership,
                patient_id=pid,
                person_id=person,
                role=role.value,
                start_on=start,
                start_reason=reason,
                created_at=b._at(start),
                created_by=b.user_id,
            )
            b._audit(
                start,
                AuditAction.TEAM_ROLE_SET
                if role is not TeamRole.TEAMLID
                else AuditAction.TEAM_MEMBER_ADD,
                patient_id=pid,
                entity="team_membership",
                entity_id=mid,
            )
        life.central = life.gp
        family = b.rows[Patient][pid - b.rows[Patient][0]["id"]]["family_name"]
        given, relation = rng.choice(care_demo.NAASTEN)
        nid = b._add(
            Naaste,
            patient_id=pid,
            name=f"{given} {family} (fictief)",
            relation=relation,
            phone="06-00000000",
            is_mantelzorger=True,
            is_legal_representative=False,
            is_first_contact=True,
            active=True,
            created_at=b._at(start),
        )
        b._audit(start, AuditAction.NAASTE_ADD, patient_id=pid, entity="naaste", entity_id=nid)
        if rng.random() < 0.5:
            outcome = rng.choice(["laag", "verhoogd", "overbelast"])
            on = start + timedelta(days=7)
            bid = b._add(
                CarerBurdenCheck,
                naaste_id=nid,
                checked_on=on,
                instrument="vrije_vraag",
                score=rng.choice(["nog maanden", "nog een paar weken", "bijna niet meer"]),
                outcome=outcome,
                action="Respijtzorg en VPTZ aangeboden" if outcome != "laag" else None,
                created_at=b._at(on),
                created_by=b.user_id,
            )
            b._audit(
                on,
                AuditAction.BURDEN_CHECK_ADD,
                patient_id=pid,
                entity="carer_burden_check",
                entity_id=bid,
            )
        if rng.random() < 0.2:
            for status, days in (("besproken", 3), ("aangeboden", 10)):
                on = start + timedelta(days=days)
                vid = b._add(
                    VptzEvent,
                    patient_id=pid,
                    status=status,
                    event_on=on,
                    organisation="VPTZ Regio Voorbeeld (fictief)" if days > 3 else None,
                    created_at=b._at(on),
                    created_by=b.user_id,
                )
                b._audit(
                    on,
                    AuditAction.VPTZ_EVENT_ADD,
                    patient_id=pid,
                    entity="vptz_event",
                    entity_id=vid,
                )
        if rng.random() >= 0.7:
            continue
        held = min(b.today, start + timedelta(days=rng.randint(0, 14)))
        cid = b._add(
            PzpConversation,
            patient_id=pid,
            held_on=held,
            conducted_by_id=life.gp,
            setting=rng.choice(["huisartsenpraktijk", "thuis"]),
            present_patient=True,
            present_naasten=json.dumps([nid]),
            topics=json.dumps(["waarden", "wensen", "behandelgrenzen"]),
            summary="Eerste gesprek over wat belangrijk is en over behandelgrenzen (fictief).",
            created_at=b._at(held),
            created_by=b.user_id,
        )
        b._audit(
            held,
            AuditAction.PZP_CONVERSATION_ADD,
            patient_id=pid,
            entity="pzp_conversation",
            entity_id=cid,
        )
        b._audit(held, AuditAction.PZP_STARTED, patient_id=pid)
        if rng.random() >= 0.85:
            continue
        content = care_demo._content(rng, (given, relation), family, held)
        versions = [content]
        day = held
        last = life.ended_on or b.today
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):  # later versions after a meeting
            day = b._day_between(day, last)
            versions.append(
                dataclasses.replace(
                    versions[-1],
                    antibiotica=cp.TreatmentLimit(
                        rng.choice(["nee", "ja_beperkt", "onbekend"]), "", "Na MDO aangepast", day
                    ),
                    wishes=rng.choice(care_demo.WISHES),
                )
            )
        day = held
        for number, version in enumerate(versions, 1):
            if number > 1:
                day = b._day_between(day, last)
            vid = b._add(
                CarePlanVersion,
                patient_id=pid,
                version=number,
                content=json.dumps(cp.to_data(version), ensure_ascii=False, sort_keys=True),
                effective_on=day,
                created_at=b._at(day),
                author_user_id=b.user_id,
                author_name="Bench Beheerder (fictief)",
                source="editor",
                note=None,
            )
            b._audit(
                day,
                AuditAction.CAREPLAN_SAVE,
                patient_id=pid,
                entity="care_plan_version",
                entity_id=vid,
                detail={"versie": number},
            )


# -- consultations -------------------------------------------------------------------------
def add_consultations(b: Builder, lives: list[Life]) -> None:
    from pzmdo.services import consultations_demo as cd

    rng, today = b.rng, b.today
    for life in lives:
        if life.marked_on is None or rng.random() >= 0.08:
            continue
        last = life.ended_on or today
        asked = b._at(b._day_between(life.marked_on, last), rng.randint(8, 16))
        question, mode, complexity, dims = rng.choice(cd.QUESTIONS)
        team, members = rng.choice(b.consult_teams)
        recent = (today - asked.date()).days < 14 and life.ended_on is None
        state = (
            rng.choice(["aangevraagd", "in_behandeling", "advies_gegeven", "afgesloten"])
            if recent
            else ("geannuleerd" if rng.random() < 0.05 else "afgesloten")
        )
        row: dict[str, Any] = {
            "patient_id": life.pid,
            "team_id": team,
            "consultant_person_id": None,
            "requested_by_person_id": life.gp,
            "meeting_id": None,
            "requested_at": asked,
            "time_window": "kantoortijd",
            "question": question,
            "mode": mode,
            "complexity": complexity,
            "dimensions": ",".join(dims),
            "status": state,
            "created_by_user_id": b.user_id,
            "created_at": asked,
            "updated_at": asked,
            "version": 1,
        }
        cid = b._add(Consultation, **row)
        b._audit(
            asked.date(),
            AuditAction.CONSULT_REQUEST,
            patient_id=life.pid,
            entity="consultation",
            entity_id=cid,
        )
        if state == "geannuleerd":
            row["cancelled_at"] = asked + timedelta(hours=3)
            row["cancel_reason"] = "Vraag vervallen: patiënt opgenomen (fictief)"
            b._audit(
                asked.date(),
                AuditAction.CONSULT_GEANNULEERD,
                patient_id=life.pid,
                entity="consultation",
                entity_id=cid,
            )
            continue
        if state == "aangevraagd":
            continue
        row["consultant_person_id"] = members[0]
        row["accepted_at"] = asked + timedelta(hours=2)
        b._audit(
            asked.date(),
            AuditAction.CONSULT_IN_BEHANDELING,
            patient_id=life.pid,
            entity="consultation",
            entity_id=cid,
        )
        if state == "in_behandeling":
            continue
        row["advice_at"] = asked + timedelta(days=1)
        row["advice"], row["advice_by_person_id"] = cd.ADVICE, members[0]
        row["updated_at"] = row["advice_at"]
        b._audit(
            row["advice_at"].date(),
            AuditAction.CONSULT_ADVIES_GEGEVEN,
            patient_id=life.pid,
            entity="consultation",
            entity_id=cid,
        )
        if state == "afgesloten":
            row["closed_at"] = asked + timedelta(days=3)
            row["version"] = 2
            b._audit(
                row["closed_at"].date(),
                AuditAction.CONSULT_AFGESLOTEN,
                patient_id=life.pid,
                entity="consultation",
                entity_id=cid,
            )


# -- meetings ------------------------------------------------------------------------------
