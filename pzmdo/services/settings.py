"""Practice-wide settings stored in the encrypted database (JSON values)."""

from __future__ import annotations

import json
from typing import Any

from pzmdo.services.context import AppContext
from pzmdo.store.models import Setting

IDLE_LOCK_MINUTES = "idle_lock_minutes"
GP_POST_PHONE = "huisartsenpost_telefoon"  # printed on the emergency page
MEETING_MINUTES = "overleg_minuten"  # the length of a meeting, for the agenda's time budget
DEFAULTS: dict[str, Any] = {IDLE_LOCK_MINUTES: 10, GP_POST_PHONE: "", MEETING_MINUTES: 90}


def get_setting(ctx: AppContext, key: str, default: Any = None) -> Any:
    with ctx.read() as s:
        row = s.get(Setting, key)
    if row is None:
        return DEFAULTS.get(key, default) if default is None else default
    return json.loads(row.value)


def set_setting(ctx: AppContext, key: str, value: Any) -> None:
    set_settings(ctx, {key: value})


def set_settings(ctx: AppContext, values: dict[str, Any]) -> None:
    """Store several settings in one transaction."""
    with ctx.unit() as s:
        for key, value in values.items():
            row = s.get(Setting, key)
            encoded = json.dumps(value, ensure_ascii=False)
            if row is None:
                s.add(Setting(key=key, value=encoded))
            else:
                row.value = encoded
        ctx.audit(s, "setting", detail={"keys": sorted(values)})
    ctx.changes.publish("setting")
