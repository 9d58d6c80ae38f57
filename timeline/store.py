"""The store: one DuckDB file that keeps a timeline between runs, so that today's articles join the
timeline built from last year's without reading, tagging or extracting those again.

    arabic-timeline add INPUT... --store news.duckdb        # read, tag, extract what is new; merge
    arabic-timeline export --store news.duckdb --out DIR    # today's outputs, or a topic's (filters)

What it holds (schema version ``SCHEMA_VERSION``; README, "The store"):

* ``meta``: ``schema_version`` and the program version that wrote it;
* ``runs``: one row per ``add``: its inputs and what became of their documents;
* ``documents``: one row per document read (id, outlet, title, URL, publication date, the anchor
  used and why, the content hash, origin, encoding, warnings) and ``skipped``: the records that gave
  no document, with the reason;
* ``expressions``: every expression found (the ``mentions.csv`` columns but the ids), ``mentions``:
  the dated clauses the merge reads (with their content words), ``problems``: every input problem;
* ``events``, ``event_members`` and ``event_links``: the merged timeline, each event's mentions and
  why they were merged (each link's mention, the member it joined, both scores, the shared stems).

An ``add`` leaves out every document whose id is stored with the same content (counted), replaces
one whose content changed (its expressions and mentions go with it), and merges the whole set of
mentions again: the merge is a function of the set of mentions, not of the order they came in, so a
corpus added in three batches gives the same events as one ``build`` (a test adds the 5,000 real
articles by date and by outlet).  Each ``add`` writes a copy of the store and puts it in the store's
place in one atomic rename when it has committed: a reader (``export``) that opened the store before
keeps reading the version it opened, and a crash during ``add`` leaves the store as it was.  Writers
take turns (a lock file beside the store).  A store is checked when it is opened (its schema version,
and that every expression, mention and event member belongs to a stored document and event); a file
that is no store, or a store that fails the check, is refused with a message naming it.
"""
from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

import pandas as pd

from .documents import Document, Problem
from .mentions import EventMention

SCHEMA_VERSION = 1
ROW_FIELDS = ["text", "start", "end", "type", "value", "mod", "first_day", "last_day", "grain", "calendar", "rule",
              "flags", "status", "reason", "tense", "doc_id", "kind", "note", "relation", "mention", "clause_start",
              "clause_end", "role"]
DOC_FIELDS = ["doc_id", "origin", "published", "outlet", "title", "url", "reason", "encoding", "content_hash",
              "anchor", "anchor_basis", "anchor_evidence", "weekday_check", "text_anchor"]
PROBLEM_FIELDS = ["file", "reason", "line", "doc_id", "severity", "code", "records"]

SCHEMA = f"""
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE runs (run_id INTEGER PRIMARY KEY, inputs VARCHAR, added INTEGER, unchanged INTEGER,
                   replaced INTEGER, skipped INTEGER);
CREATE TABLE documents (doc_id VARCHAR PRIMARY KEY, seq BIGINT, run_id INTEGER, origin VARCHAR, published VARCHAR,
                        outlet VARCHAR, title VARCHAR, url VARCHAR, reason VARCHAR, encoding VARCHAR,
                        content_hash VARCHAR, anchor VARCHAR, anchor_basis VARCHAR, anchor_evidence VARCHAR,
                        weekday_check VARCHAR, text_anchor VARCHAR);
CREATE TABLE skipped (seq BIGINT, run_id INTEGER, doc_id VARCHAR, origin VARCHAR, published VARCHAR,
                      reason VARCHAR, records BIGINT);
CREATE TABLE expressions (doc_id VARCHAR, n INTEGER, text VARCHAR, "start" BIGINT, "end" BIGINT, type VARCHAR,
                          value VARCHAR, mod VARCHAR, first_day VARCHAR, last_day VARCHAR, grain VARCHAR,
                          calendar VARCHAR, rule VARCHAR, flags VARCHAR, status VARCHAR, reason VARCHAR,
                          tense VARCHAR, kind VARCHAR, note VARCHAR, relation VARCHAR, mention INTEGER,
                          clause_start BIGINT, clause_end BIGINT, role VARCHAR);
CREATE TABLE mentions (doc_id VARCHAR, n INTEGER, "start" BIGINT, "end" BIGINT, text VARCHAR, expr_start BIGINT,
                       expr_end BIGINT, expr VARCHAR, value VARCHAR, mod VARCHAR, first_day DATE, last_day DATE,
                       grain VARCHAR, summary VARCHAR, words VARCHAR[], "rows" INTEGER[], relation VARCHAR,
                       role VARCHAR);
CREATE TABLE problems (seq BIGINT, run_id INTEGER, file VARCHAR, reason VARCHAR, line BIGINT, doc_id VARCHAR,
                       severity VARCHAR, code VARCHAR, records BIGINT);
CREATE TABLE events (event_id VARCHAR PRIMARY KEY, date VARCHAR, mod VARCHAR, first_day VARCHAR,
                     last_day VARCHAR, grain VARCHAR, summary VARCHAR, sources VARCHAR, n_sources BIGINT,
                     n_mentions BIGINT, expressions VARCHAR, summary_source VARCHAR, outlets VARCHAR,
                     n_outlets BIGINT, salience DOUBLE);
CREATE TABLE event_members (event_id VARCHAR, doc_id VARCHAR, expr_start BIGINT, expr_end BIGINT);
CREATE TABLE event_links (event_id VARCHAR, mention VARCHAR, joined VARCHAR, score DOUBLE, mean DOUBLE,
                          shared VARCHAR[]);
INSERT INTO meta VALUES ('schema_version', '{SCHEMA_VERSION}');
"""
TABLES = ("meta", "runs", "documents", "skipped", "expressions", "mentions", "problems", "events",
          "event_members", "event_links")


class StoreError(Exception):
    """A store that cannot be used: the message names the file and what is wrong."""


def _duckdb():
    try:
        import duckdb
    except ImportError as e:                     # pragma: no cover - duckdb is a dependency
        raise StoreError(f"the store needs the duckdb package ({e})") from None
    return duckdb


@dataclass
class AddResult:
    """What an ``add`` did: documents added, left out because stored with the same content,
    replaced because their content changed, and records skipped (with their problems)."""
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    skipped: int = 0
    problems: list = field(default_factory=list)
    events: int = 0
    timeline: object = None

    def line(self, path) -> str:
        return (f"{path}: {self.added} document(s) added, {self.unchanged} already stored unchanged, "
                f"{self.replaced} replaced (content changed), {self.skipped} record(s) skipped; "
                f"{self.events} events")


# --- opening and checking ----------------------------------------------------------------------------
def _connect(path: Path, read_only: bool):
    duckdb = _duckdb()
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as e:
        msg = str(e).splitlines()[0]
        raise StoreError(f"{path}: cannot be opened as a store ({msg})") from None


def check(con, path) -> None:
    """Refuse a store whose schema is not this program's or whose rows do not hang together."""
    names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    missing = [t for t in TABLES if t not in names]
    if missing:
        raise StoreError(f"{path}: not a timeline store (no table {', '.join(missing)})")
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None or row[0] != str(SCHEMA_VERSION):
        raise StoreError(f"{path}: store schema version {row[0] if row else 'missing'}; this program reads "
                         f"version {SCHEMA_VERSION}")
    checks = {
        "expressions of no stored document":
            "SELECT count(*) FROM expressions e ANTI JOIN documents d USING (doc_id)",
        "mentions of no stored document": "SELECT count(*) FROM mentions m ANTI JOIN documents d USING (doc_id)",
        "expressions pointing to no mention of their document":
            "SELECT count(*) FROM expressions e WHERE e.mention IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM mentions m WHERE m.doc_id = e.doc_id AND m.n = e.mention)",
        "event members of no stored event": "SELECT count(*) FROM event_members x ANTI JOIN events e USING (event_id)",
        "event members of no stored mention":
            "SELECT count(*) FROM event_members x ANTI JOIN mentions m "
            "ON x.doc_id = m.doc_id AND x.expr_start = m.expr_start AND x.expr_end = m.expr_end",
        "events whose number of mentions is not their members'":
            "SELECT count(*) FROM events e LEFT JOIN (SELECT event_id, count(*) AS k FROM event_members GROUP BY 1) x "
            "USING (event_id) WHERE coalesce(x.k, 0) <> e.n_mentions",
    }
    for what, sql in checks.items():
        n = con.execute(sql).fetchone()[0]
        if n:
            raise StoreError(f"{path}: the store is inconsistent: {n} {what}")


@contextlib.contextmanager
def reading(path: Union[str, Path]):
    """A read-only, checked connection to the store at ``path``."""
    path = Path(path)
    if not path.exists():
        raise StoreError(f"{path}: no such store")
    if not path.is_file():
        raise StoreError(f"{path}: not a file")
    con = _connect(path, read_only=True)
    try:
        check(con, path)
        yield con
    finally:
        con.close()


# --- loading what the merge and the tables need ------------------------------------------------------
def load(con):
    """``(rows, mentions, docs, problems)`` as :func:`timeline.pipeline.collect` gives them, in the
    order the documents were added."""
    docs_read = con.execute(f"SELECT seq, {', '.join(DOC_FIELDS)} FROM documents").fetchall()
    docs_skipped = con.execute("SELECT seq, doc_id, origin, published, reason, records FROM skipped").fetchall()
    entries = [(r[0], "read", r[1:]) for r in docs_read] + [(r[0], "skipped", r[1:]) for r in docs_skipped]
    entries.sort(key=lambda e: e[0])
    mentions_by_doc: dict = {}
    cols = ("n, doc_id, start, \"end\", text, expr_start, expr_end, expr, value, mod, first_day, last_day, grain, "
            "summary, words, \"rows\", relation, role")
    for r in con.execute(f"SELECT {cols} FROM mentions ORDER BY doc_id, n").fetchall():
        mentions_by_doc.setdefault(r[1], []).append(EventMention(*r[1:14], words=list(r[14]), rows=list(r[15]),
                                                                 relation=r[16], role=r[17]))
    rows_by_doc: dict = {}
    fields = ", ".join(f'"{f}"' for f in ROW_FIELDS)
    for r in con.execute(f"SELECT {fields} FROM expressions ORDER BY doc_id, n").fetchall():
        rows_by_doc.setdefault(r[15], []).append(dict(zip(ROW_FIELDS, r)))
    rows, mentions, docs = [], [], []
    for _, status, r in entries:
        if status == "skipped":
            doc_id, origin, published, reason, records = r
            docs.append({"doc_id": doc_id, "origin": origin, "status": "skipped", "published": published,
                         "reason": reason, "records": records})
            continue
        d = dict(zip(DOC_FIELDS, r))
        d.update(status="read", records=1)
        docs.append(d)
        base = len(mentions)
        for row in rows_by_doc.get(d["doc_id"], []):
            if row["mention"] is not None:
                row["mention"] += base
            rows.append(row)
        mentions.extend(mentions_by_doc.get(d["doc_id"], []))
    problems = [Problem(*r) for r in con.execute(
        f"SELECT {', '.join(PROBLEM_FIELDS)} FROM problems ORDER BY seq").fetchall()]
    return rows, mentions, docs, problems


def timeline_of(con):
    """The stored timeline, assembled (merged, ordered) from the stored mentions."""
    from .pipeline import _assemble
    rows, mentions, docs, problems = load(con)
    return _assemble(rows, mentions, docs, problems)


def open_timeline(path: Union[str, Path]):
    with reading(path) as con:
        return timeline_of(con)


# --- adding ------------------------------------------------------------------------------------------
def _frame(records: list, columns: list) -> pd.DataFrame:
    """Rows (tuples or dicts) as a frame of object columns: None stays None (no float NaN in an
    integer column), dates stay dates, lists stay lists."""
    if records and isinstance(records[0], dict):
        cols = {c: [r.get(c) for r in records] for c in columns}
    else:
        cols = {c: [r[k] for r in records] for k, c in enumerate(columns)}
    return pd.DataFrame({c: pd.Series(v, dtype=object) for c, v in cols.items()}, columns=columns)


def _insert(con, table: str, df: pd.DataFrame) -> None:
    if len(df):
        con.register("_incoming", df)
        cols = ", ".join(f'"{c}"' for c in df.columns)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _incoming")
        con.unregister("_incoming")


def _write_events(con, tl) -> None:
    for t in ("events", "event_members", "event_links"):
        con.execute(f"DELETE FROM {t}")
    _insert(con, "events", tl.events.astype(object).where(tl.events.notna(), None))
    c = tl.clauses
    _insert(con, "event_members", pd.DataFrame({"event_id": c["event_id"], "doc_id": c["doc_id"],
                                                "expr_start": c["expr_start"], "expr_end": c["expr_end"]}))
    links = [(eid, k["mention"], k["joined"], k["score"], k["mean"], list(k["shared"]))
             for eid, why in tl.why.items() for k in why.get("links", [])]
    _insert(con, "event_links", _frame(links, ["event_id", "mention", "joined", "score", "mean", "shared"]))


@contextlib.contextmanager
def _writer_lock(path: Path):
    import fcntl
    lock = open(path.with_name(path.name + ".lock"), "a")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


def _clean_stale(path: Path) -> None:
    """Copies left by an ``add`` that was killed (their process is gone)."""
    for p in path.parent.glob(f".{path.name}.new-*"):
        pid = p.name.rsplit("-", 1)[-1].split(".")[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                p.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError as e:
        return e.errno == errno.EPERM
    return True


def add(path: Union[str, Path], inputs: Iterable, tagger: Optional[Callable] = None, workers: Optional[int] = None,
        engine: str = "local", scheduler: Optional[str] = None, progress: bool = False,
        trust_text_weekdays: bool = False, _after_commit: Optional[Callable] = None) -> AddResult:
    """Add ``inputs`` to the store at ``path`` (made if need be); see the module's docstring."""
    from .engines import make_runner
    from .pipeline import _assemble, collect, content_hash
    path = Path(path)
    if path.exists() and not path.is_file():
        raise StoreError(f"{path}: not a file")
    path.parent.mkdir(parents=True, exist_ok=True)
    with _writer_lock(path):
        _clean_stale(path)
        tmp = path.with_name(f".{path.name}.new-{os.getpid()}")
        if tmp.exists():
            tmp.unlink()
        if path.exists():
            with reading(path):                   # refuse a store that is not one before copying it
                pass
            shutil.copyfile(path, tmp)
        try:
            con = _connect(tmp, read_only=False)
            try:
                if not path.exists():
                    con.execute(SCHEMA)
                    con.execute("INSERT INTO meta VALUES ('written_by', ?)", [_version()])
                result = _add(con, path, inputs, tagger, workers, engine, scheduler, progress, trust_text_weekdays,
                              make_runner, collect, content_hash, _assemble)
                con.execute("CHECKPOINT")
            finally:
                con.close()
            if _after_commit is not None:         # tests: a crash between the commit and the swap
                _after_commit(tmp)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(tmp, path)
            with contextlib.suppress(OSError):
                dfd = os.open(path.parent, os.O_RDONLY)
                try:
                    os.fsync(dfd)
                finally:
                    os.close(dfd)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            with contextlib.suppress(OSError):
                tmp.with_name(tmp.name + ".wal").unlink()
            raise
    return result


def _version() -> str:
    try:
        from importlib.metadata import version
        return version("arabic-timeline")
    except Exception:                              # noqa: BLE001 - not installed: a checkout
        return "unknown"


def _add(con, path, inputs, tagger, workers, engine, scheduler, progress, trust, make_runner, collect, content_hash,
         assemble) -> AddResult:
    stored = dict(con.execute("SELECT doc_id, content_hash FROM documents").fetchall())
    result = AddResult()
    changed: set = set()

    def admit(doc: Document) -> bool:
        h = stored.get(doc.id)
        if h is None:
            return True
        if h == content_hash(doc):
            result.unchanged += 1
            return False
        changed.add(doc.id)
        return True

    runner = make_runner(engine, workers, tagger, scheduler)
    try:
        got = collect(list(inputs), runner, tagger, progress, trust, admit)
    finally:
        runner.close()
    run_id = (con.execute("SELECT coalesce(max(run_id), 0) FROM runs").fetchone()[0] or 0) + 1
    seq0 = con.execute("SELECT coalesce(max(s), 0) FROM (SELECT max(seq) AS s FROM documents UNION ALL "
                       "SELECT max(seq) FROM skipped)").fetchone()[0] or 0
    pseq0 = con.execute("SELECT coalesce(max(seq), 0) FROM problems").fetchone()[0] or 0
    read_ids = [got.docs[i]["doc_id"] for i, *_ in got.spans]
    replaced = [d for d in read_ids if d in stored]
    con.execute("BEGIN TRANSACTION")
    try:
        if replaced:
            con.register("_replaced", pd.DataFrame({"doc_id": replaced}))
            for t in ("documents", "expressions", "mentions", "problems"):
                con.execute(f"DELETE FROM {t} WHERE doc_id IN (SELECT doc_id FROM _replaced)")
            con.unregister("_replaced")
        docs, skipped, exprs, ments = [], [], [], []
        span_of = {i: (r0, r1, m0, m1) for i, r0, r1, m0, m1 in got.spans}
        for k, d in enumerate(got.docs):
            seq = seq0 + k + 1
            if d["status"] != "read":
                skipped.append((seq, run_id, d.get("doc_id"), d.get("origin"), d.get("published"), d.get("reason"),
                                d.get("records")))
                continue
            docs.append([d["doc_id"], seq, run_id] + [d.get(f) for f in DOC_FIELDS[1:]])
            r0, r1, m0, m1 = span_of[k]
            for n, row in enumerate(got.rows[r0:r1]):
                rec = {f: row.get(f) for f in ROW_FIELDS}
                if rec["mention"] is not None:
                    rec["mention"] -= m0
                rec["n"] = n
                exprs.append(rec)
            for n, m in enumerate(got.mentions[m0:m1]):
                ments.append((m.doc_id, n, m.start, m.end, m.text, m.expr_start, m.expr_end, m.expr, m.value, m.mod,
                              m.first_day, m.last_day, m.grain, m.summary, list(m.words), list(m.rows), m.relation,
                              m.role))
        _insert(con, "documents", _frame(docs, ["doc_id", "seq", "run_id"] + DOC_FIELDS[1:]))
        _insert(con, "skipped", _frame(skipped, ["seq", "run_id", "doc_id", "origin", "published", "reason",
                                                 "records"]))
        _insert(con, "expressions", _frame(exprs, ["doc_id", "n"] + [f for f in ROW_FIELDS if f != "doc_id"]))
        _insert(con, "mentions", _frame(ments, ["doc_id", "n", "start", "end", "text", "expr_start", "expr_end",
                                                "expr", "value", "mod", "first_day", "last_day", "grain", "summary",
                                                "words", "rows", "relation", "role"]))
        probs = [(pseq0 + k + 1, run_id, *[getattr(p, f) for f in PROBLEM_FIELDS]) for k, p in enumerate(got.problems)]
        _insert(con, "problems", _frame(probs, ["seq", "run_id"] + PROBLEM_FIELDS))
        result.added = len(read_ids) - len(replaced)
        result.replaced = len(replaced)
        result.skipped = sum(int(r[-1] or 0) for r in skipped)
        result.problems = got.problems
        con.execute("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?)",
                    [run_id, json.dumps([str(i) if not isinstance(i, Document) else f"<document {i.id}>"
                                         for i in inputs], ensure_ascii=False),
                     result.added, result.unchanged, result.replaced, result.skipped])
        tl = timeline_of(con)
        _write_events(con, tl)
        check(con, path)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    result.events = len(tl.events)
    result.timeline = tl
    return result


def stored_counts(path: Union[str, Path]) -> dict:
    """How many rows each table of the store holds (for ``export`` and the tests)."""
    with reading(path) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


__all__ = ["SCHEMA_VERSION", "StoreError", "AddResult", "add", "check", "load", "open_timeline", "reading",
           "stored_counts", "timeline_of"]
