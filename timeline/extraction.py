"""One document in, its expressions and event mentions out: the step every engine runs, wherever it
runs (this process, a worker process, a Dask worker).

Each document is its own error boundary: an unexpected exception while tagging or extracting one
document costs that document only.  It comes back as a :class:`Failed` result naming the document
and the exception in one line, and the build goes on with the others.
"""
from __future__ import annotations

from typing import Callable, NamedTuple, Optional

from .anchoring import anchor_document
from .documents import Document, Problem
from .mentions import extract


class Failed(NamedTuple):
    """What an unexpected exception cost: one document, reported as skipped with this problem."""
    problem: Problem


def failure(doc: Document, stage: str, exc: BaseException) -> Failed:
    """The one-line report of an exception raised while ``stage`` was running on ``doc``."""
    summary = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if len(summary) > 200:
        summary = summary[:200] + "…"
    what = type(exc).__name__ + (f": {summary}" if summary else "")
    file, _, line = (doc.origin or "<api>").rpartition(":")
    if not (file and line.isdigit()):
        file, line = doc.origin or "<api>", ""
    return Failed(Problem(file, f"unexpected error while {stage} this document ({what}); the document was skipped, "
                                f"the build went on with the others", int(line) if line else None, doc.id,
                          code="document_error"))


def extract_document(item: Document, tagger: Optional[Callable], trust_text_weekdays: bool = False):
    """Tag and extract one document: ``(anchoring, expression rows, event mentions)``, or
    :class:`Failed` when something unexpected went wrong with it.  ``tagger`` None is
    :func:`resolvers.tag`."""
    if tagger is None:
        from resolvers import tag as tagger
    stage = "tagging"
    try:
        # the anchor, inferred or corrected from the text if need be (timeline/anchoring.py)
        anchored = anchor_document(item, tagger, trust_text_weekdays)
        stage = "extracting the event mentions of"
        doc_rows, doc_mentions = extract(item.id, item.text, anchored.anchor, anchored.timexes)
    except Exception as e:             # noqa: BLE001 - the error boundary of one document
        return failure(item, stage, e)
    anchored.timexes = None            # not needed any more: not shipped back from a worker
    return anchored, doc_rows, doc_mentions


def extract_chunk(docs: list, tagger: Optional[Callable], trust_text_weekdays: bool = False) -> list:
    return [extract_document(d, tagger, trust_text_weekdays) for d in docs]
