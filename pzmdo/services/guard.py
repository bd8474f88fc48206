"""The one permission guard every public service entry point calls first.

``require(ctx, Action.X)`` checks the permission matrix (``pzmdo.domain.permissions``)
against the roles of the user who unlocked the database. A refusal is recorded in the
audit trail (in its own transaction: the refused work never started) and raised as a
Dutch ``PermissionDenied``.
"""

from __future__ import annotations

import dataclasses

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.enums import Role
from pzmdo.domain.errors import PermissionDenied
from pzmdo.domain.permissions import Action, allowed, refusal
from pzmdo.services.context import AppContext


def require(ctx: AppContext, action: Action, *alternatives: Action) -> None:
    """Refuse unless the user may do ``action`` (or any of ``alternatives``)."""
    if any(allowed(ctx.user.roles, a) for a in (action, *alternatives)):
        return
    deny(ctx, action)


def deny(ctx: AppContext, action: Action, message: str | None = None) -> None:
    """Record the refusal and raise it (also for refusals beyond the matrix)."""
    with ctx.unit() as s:
        ctx.audit(s, AuditAction.PERMISSION_DENIED, detail={"actie": action.value})
    raise PermissionDenied(message or refusal(ctx.user.roles, action))


def demo_context(ctx: AppContext) -> AppContext:
    """The context demo generators act in, after ``require(ctx, Action.DEMO)``.

    Demo data is fictional and flagged so; building a whole practice (marking, advice,
    meetings) takes every role's acts, recorded in the audit under the real user.
    """
    require(ctx, Action.DEMO)
    user = dataclasses.replace(ctx.user, roles=frozenset(r.value for r in Role))
    return dataclasses.replace(ctx, user=user)
