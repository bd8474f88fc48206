"""The register at region size: search keystrokes beside raw SQL, saving a marking.

The raw baseline runs the same query by hand on a plain SQLCipher connection (same key,
same file) and must return the same rows (asserted); for a user of one practice it also
looks up that user's practices, as the service does on every call. The service adds
SQLAlchemy (statement building, a session and its transaction), the permission check and
the result dataclasses: a fixed cost of some 0.2-0.8 ms a call, which is a large ratio
when the raw query itself takes 30 µs.
"""

from __future__ import annotations

from datetime import date
from itertools import count

from sqlalchemy import select

from pzmdo.domain.register import name_words
from pzmdo.domain.text import fold
from pzmdo.services import register
from pzmdo.services.register import MarkingInput
from pzmdo.store.database import _connect
from pzmdo.store.models import Patient
from tests.benchmarks.pairs import FAST_RUNS, Bench

SEARCHES = ("de vr", "jan", "a", "01-01-1950")
RAW_PATIENT = "SELECT id, given_name, name_prefix, family_name, birth_date, status FROM patient"


def raw_search(conn, text: str, limit: int = 20, practices: tuple[int, ...] = ()) -> list[int]:  # noqa: ANN001, E501
    """The register search by hand, with the service's plan (issue 20): each word a prefix
    range on patient_word; drive from the rarest word, or walk the names in order when
    every word is common; ``practices``: a user's scope."""
    from pzmdo.domain.dates import parse_date
    from pzmdo.domain.errors import ValidationError
    from pzmdo.services.register.search import COMMON_WORD

    try:
        day = parse_date(text)
    except ValidationError:
        day = None
    if day is not None:
        sql, params = f"{RAW_PATIENT} WHERE birth_date = ?", [day.isoformat()]
    else:
        words = sorted(name_words(fold(text)))
        sizes = {w: conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM patient_word WHERE word >= ? AND word < ? "
            "LIMIT ?)", (w, w + "\uffff", COMMON_WORD + 1)).fetchone()[0] for w in words}  # fmt: skip
        rarest = min(words, key=lambda w: sizes[w])
        has = ("EXISTS (SELECT 1 FROM patient_word w WHERE w.patient_id = patient.id "
               "AND w.word >= ? AND w.word < ?)")  # fmt: skip
        listed = "id IN (SELECT patient_id FROM patient_word WHERE word >= ? AND word < ?)"
        walk = sizes[rarest] > COMMON_WORD
        first = [] if walk else [rarest]
        rest = words if walk else [w for w in words if w != rarest]
        cond = " AND ".join([listed] * len(first) + [has] * len(rest))
        sql = f"{RAW_PATIENT} WHERE ({cond}) OR his_number = ?"
        params = [x for w in first + rest for x in (w, w + "\uffff")] + [text]
    if practices:  # a user's scope: their practices only
        sql = f"{sql.replace(' WHERE ', ' WHERE (', 1)}) AND practice_id IN ({','.join('?' * len(practices))})"
        params = [*params, *practices]
    rows = conn.execute(f"{sql} ORDER BY search_name, id LIMIT ?", [*params, limit]).fetchall()
    return [r[0] for r in rows]


# A user's practices, as a hand-written program would look them up on each keystroke (the
# service reads the scope per call too: attachments may change during a session).
RAW_SCOPE = (
    "SELECT practice_id FROM user_practice WHERE user_id = ? UNION "
    "SELECT p.practice_id FROM user_team t JOIN meeting_team_practice p ON p.team_id = t.team_id "
    "WHERE t.user_id = ?"
)


def raw_scoped_search(conn, text: str, user_id: int) -> list[int]:  # noqa: ANN001
    practices = tuple(r[0] for r in conn.execute(RAW_SCOPE, (user_id, user_id)))
    assert practices, "the scoped user sees no practice"
    return raw_search(conn, text, practices=practices)


def run(env, bench: Bench) -> None:  # noqa: ANN001
    ctx = env.ctx
    conn = _connect(env.db, ctx.db.data_key)
    try:
        for text in SEARCHES:
            found = [h.id for h in register.search_patients(ctx, text)]
            assert found == raw_search(conn, text), f"raw search differs for {text!r}"
            bench.pair(f"register: search keystroke {text!r} (top 20)",
                       lambda text=text: register.search_patients(ctx, text),
                       "same rows by raw SQL", lambda text=text: raw_search(conn, text),
                       target=0.05, ratio=2.0, cpu=True)  # fmt: skip
        _scoped(env, bench, conn)
        _marking(env, bench, conn)
    finally:
        conn.close()


def _scoped(env, bench: Bench, conn) -> None:  # noqa: ANN001
    """The search of a GP attached to one practice (2,000 of the 100,000 patients)."""
    from pzmdo.services import unlock
    from tests.benchmarks import region

    gp = unlock.unlock_with_password(env.db, region.GP_LOGIN, region.PASSWORD)
    try:
        uid = gp.user.id
        for text in ("de vr", "a"):
            found = [h.id for h in register.search_patients(gp, text)]
            assert found == raw_scoped_search(conn, text, uid), f"scoped search {text!r}"
            bench.pair(f"register: search {text!r} as a GP of one practice (scope)",
                       lambda text=text: register.search_patients(gp, text),
                       "same rows by raw SQL (scope + search)",
                       lambda text=text: raw_scoped_search(conn, text, uid),
                       target=0.05, ratio=2.0, cpu=True)  # fmt: skip
    finally:
        gp.close()


def _marking(env, bench: Bench, conn) -> None:  # noqa: ANN001
    """Mark a signalled patient (service) beside the same three writes in raw SQL."""
    ctx = env.ctx
    with ctx.read() as s:
        signalled = list(s.scalars(
            select(Patient.id).where(Patient.status == "gesignaleerd").order_by(Patient.id)
            .limit(4 * max(bench.runs, FAST_RUNS) + 4)))  # fmt: skip
    gp = register.default_marker_id(ctx) or register.list_gps(ctx)[0].id
    service_ids, raw_ids = iter(signalled[::2]), iter(signalled[1::2])
    today = date.today().isoformat()
    seq = count()

    def mark() -> None:
        register.mark_patient(ctx, MarkingInput("nee", patient_id=next(service_ids),
                                                marked_by_person_id=gp))  # fmt: skip

    def raw_mark() -> None:
        pid = next(raw_ids)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO status_event (patient_id, from_status, to_status, on_date, "
                     "reason, by_login, created_at) VALUES (?, 'gesignaleerd', 'gemarkeerd', ?, "
                     "'benchmark', 'bench', ?)", (pid, today, today))  # fmt: skip
        conn.execute("INSERT INTO marking (patient_id, marked_on, question_version, "
                     "surprise_answer, to_agenda, in_hospital, created_at) VALUES "
                     "(?, ?, 'benchmark', 'nee', 1, 0, ?)", (pid, today, today))  # fmt: skip
        conn.execute("UPDATE patient SET status = 'gemarkeerd', marked_on = ?, version = "
                     "version + 1 WHERE id = ?", (today, pid))  # fmt: skip
        conn.execute("COMMIT")
        next(seq)

    for pragma in ("PRAGMA synchronous = FULL", "PRAGMA journal_mode = WAL",
                   "PRAGMA busy_timeout = 10000"):  # fmt: skip
        conn.execute(pragma)
    bench.pair("register: save a marking", mark, "same writes by raw SQL", raw_mark,
               target=0.05)  # fmt: skip
