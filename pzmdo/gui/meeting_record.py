"""A meeting's frozen record as HTML, and the one-line text of an action: shown on the
meetings page (closed meetings) and in meeting mode."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from pzmdo.domain.dates import format_date
from pzmdo.domain.enums import Dimension
from pzmdo.domain.meetings import ChecklistAnswer, ChecklistItem
from pzmdo.services import meetings as svc


def record_html(record: svc.MeetingRecord) -> str:
    """The frozen record as HTML for the read-only view (all text escaped)."""
    e = html.escape
    m = record.meeting
    out = [f"<h2>{e(m.title)} — {e(m.status_label)}</h2>"]
    if m.closed_at:
        out.append(
            "<p>"
            + e(
                QCoreApplication.translate(
                    "MeetingRecord",
                    "Closed on %1 by %2. The record is frozen; later changes are listed below "
                    "as amendments.",
                )
                .replace("%1", f"{m.closed_at.astimezone():%d-%m-%Y %H:%M}")
                .replace("%2", m.closed_by)
            )
            + "</p>"
        )
    present = [a for a in record.attendance if a.present]
    absent = [a for a in record.attendance if a.present is False]
    present_title = QCoreApplication.translate("MeetingRecord", "Present")
    out.append(f"<h3>{e(present_title)}</h3><p>")
    out.append(
        ", ".join(
            f"{e(a.name)} ({e(a.role_label)}, {e(a.function_label.lower())})" for a in present
        )
        or e(QCoreApplication.translate("MeetingRecord", "Not recorded."))
    )
    if absent:
        out.append(
            "<br>"
            + e(QCoreApplication.translate("MeetingRecord", "Absent:"))
            + " "
            + ", ".join(e(a.name) for a in absent)
        )
    out.append(f"<br><b>{e(record.triad.text())}</b></p>")
    for n, r in enumerate(record.items, start=1):
        i = r.item
        out.append(
            f"<h3>{n}. {e(i.label)}</h3><p><i>{e(i.reason_label)}</i> — {e(i.status_label)}"
            + (f"<br>{e(i.detail)}" if i.detail and i.patient_id else "")
            + "</p>"
        )
        notes = [(Dimension(k).label, v) for k, v in r.notes.items() if v]
        if notes:
            out.append(
                "<ul>" + "".join(f"<li><b>{e(k)}:</b> {e(v)}</li>" for k, v in notes) + "</ul>"
            )
        if i.patient_id is not None and i.status == "besproken":
            marks = ", ".join(
                f"{e(ChecklistItem(k).label)}: {e(ChecklistAnswer(v).label.lower())}"
                for k, v in r.checklist.items()
            )
            title = e(QCoreApplication.translate("MeetingRecord", "Checklist"))
            out.append(f"<p><small>{title} — {marks}</small></p>")
        for d in r.decisions:
            label = e(QCoreApplication.translate("MeetingRecord", "Decision:"))
            out.append(f"<p>▶ <b>{label}</b> {e(d.text)}</p>")
        for a in r.actions:
            out.append(f"<p>☐ {e(action_text(a))}</p>")
    if record.amendments:
        title = e(QCoreApplication.translate("MeetingRecord", "Amendments after closing"))
        out.append(f"<h3>{title}</h3><ul>")
        for am in record.amendments:
            out.append(f"<li>{am.at.astimezone():%d-%m-%Y %H:%M}, {e(am.by)}: {e(am.text)}</li>")
        out.append("</ul>")
    return "".join(out)


def action_line(what: str, owner: str, due: str) -> str:
    """'Action: what — who, by 09-12-2026' in Dutch."""
    return (
        QCoreApplication.translate("MeetingRecord", "Action: %1 — %2, by %3")
        .replace("%1", what)
        .replace("%2", owner or QCoreApplication.translate("MeetingRecord", "nobody yet"))
        .replace("%3", due or QCoreApplication.translate("MeetingRecord", "no date"))
    )


def action_text(a: svc.ActionInfo) -> str:
    text = action_line(a.what, a.owner_name, format_date(a.due))
    if a.done_on:
        text += " " + QCoreApplication.translate("MeetingRecord", "(done on %1)").replace(
            "%1", format_date(a.done_on)
        )
    elif a.overdue:
        text += " " + QCoreApplication.translate("MeetingRecord", "(overdue)")
    return text
