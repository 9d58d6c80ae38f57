"""Where the work runs: this process, local worker processes, or a Dask cluster.

Every engine gives the same timeline, byte for byte: documents are cut into chunks in input order,
each chunk is tagged and extracted wherever the engine runs it, and the results are taken back in
input order; the merge's month step (:func:`timeline.merge.merge_months`) is the same function
wherever it runs, and the rest of the merge runs here.

* ``local`` with ``workers=1``: everything in this process.
* ``local`` with ``workers=N``: chunks go to N processes (``concurrent.futures``).  ``workers=None``
  (the default) is «parallel where it pays»: ``min(cores, 4)`` processes once the input holds more
  than ``AUTO_MIN_DOCS`` documents, one process below that (starting processes costs more than it
  saves on a small input).  A tagger that cannot be pickled (a closure) runs in this process.
* ``dask``: chunks are submitted to a Dask cluster (``scheduler``: the address of a running one,
  e.g. ``tcp://10.0.0.5:8786``; by default a ``LocalCluster`` on this machine with ``workers``
  processes), and so are batches of months of the merge.  Needs the ``dask`` extra:
  ``pip install 'arabic-timeline[dask]'``.
"""
from __future__ import annotations

import contextlib
import gc
import os
import pickle
from collections import deque
from itertools import chain
from typing import Callable, Iterable, Iterator, Optional

from .documents import Document
from .extraction import extract_chunk, extract_document

CHUNK = 64                 # documents per task
AUTO_MIN_DOCS = 300        # below this many documents, one process is faster than several
MAX_AUTO_WORKERS = 4
DASK_HINT = "pip install 'arabic-timeline[dask]'"


class EngineUnavailable(RuntimeError):
    """The engine asked for cannot run here (Dask not installed, scheduler unreachable)."""


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def auto_workers() -> int:
    return max(1, min(cores(), MAX_AUTO_WORKERS))


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive items, cut after every ``size`` documents (problems ride along in place)."""
    cur, n = [], 0
    for it in items:
        cur.append(it)
        if isinstance(it, Document):
            n += 1
            if n >= size:
                yield cur
                cur, n = [], 0
    if cur:
        yield cur


def _worker_init(parent: int) -> None:
    """In each worker process: end with the parent.  Linux delivers SIGTERM when the parent dies
    (``prctl(PR_SET_PDEATHSIG)``, even after ``kill -9``); elsewhere a watcher thread notices that
    the parent changed.  Ctrl-C is the parent's to handle: the workers ignore SIGINT."""
    import signal
    import threading
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)      # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:                # the parent died before the line above
        os._exit(1)

    def watch():
        import time
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)
    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


# A build allocates millions of objects that live to its end (expressions, mentions, rows): with the
# default thresholds the collector runs thousands of times and rescans them all, about a fifth of a
# build.  While a runner is open (and while a timeline is written), the objects alive when it opened
# (the resolver's tables) are frozen out of the collector's scans and a collection runs every
# GC_THRESHOLD net allocations instead of 700.  Arrow buffers (pandas' text columns) come from the
# system allocator then, not from Arrow's own (mimalloc), so that the tables reuse the memory the
# rows and mentions they are made from give back (5,000 articles: 45 MB less at the peak).  All of it
# is given back when the last runner closes.
GC_THRESHOLD = (100_000, 50, 100)
_held = {"depth": 0, "gc": None, "pool": None}


def _hold() -> None:
    st = _held
    if st["depth"] == 0:
        st["gc"] = gc.get_threshold()
        gc.freeze()
        gc.set_threshold(*(max(a, b) for a, b in zip(GC_THRESHOLD, st["gc"])))
        st["pool"] = _system_pool()
    st["depth"] += 1


def _release() -> None:
    st = _held
    if st["depth"] == 0:
        return
    st["depth"] -= 1
    if st["depth"] == 0:
        gc.set_threshold(*st["gc"])
        gc.unfreeze()
        if st["pool"] is not None:
            import pyarrow as pa
            pa.set_memory_pool(st["pool"])
            st["pool"] = None


def _system_pool():
    """Make the system allocator Arrow's default; the previous default (None: nothing changed).
    Each buffer is freed by the allocator that made it, whatever the default is then."""
    import sys
    if "pyarrow" not in sys.modules:
        try:
            import pyarrow  # noqa: F401  - pandas imports it for its text columns anyway
        except ImportError:
            return None
    import pyarrow as pa
    try:
        before, system = pa.default_memory_pool(), pa.system_memory_pool()
        if before.backend_name == system.backend_name:
            return None
        pa.set_memory_pool(system)
        return before
    except Exception:                                   # noqa: BLE001 - a pyarrow without these calls
        return None


@contextlib.contextmanager
def build_settings():
    """The collector and Arrow's allocator as while a runner is open, for a block (writing a
    timeline's outputs)."""
    _hold()
    try:
        yield
    finally:
        _release()


def _picklable(obj) -> bool:
    try:
        pickle.dumps(obj)
        return True
    except Exception:
        return False


def _emit(chunk: list, results: list):
    it = iter(results)
    for item in chunk:
        yield item, (next(it) if isinstance(item, Document) else None)


class Runner:
    """Runs in this process.  ``extract`` yields ``(item, result)`` in input order (result None for
    anything but a document); ``map`` is the merge's hook (None: the merge runs here).  From its
    creation to :meth:`close`, the garbage collector runs less often (``GC_THRESHOLD``) and Arrow
    allocates from the system allocator."""
    map: Optional[Callable] = None
    workers = 1
    _gc_held = False

    def hold_gc(self) -> None:
        if not self._gc_held:
            self._gc_held = True
            _hold()

    def release_gc(self) -> None:
        if self._gc_held:
            self._gc_held = False
            _release()

    def extract(self, items: Iterable, tagger: Optional[Callable], trust: bool):
        for item in items:
            yield item, (extract_document(item, tagger, trust) if isinstance(item, Document) else None)

    def close(self) -> None:
        self.release_gc()


class _Pipelined(Runner):
    """Submits chunks ahead (a bounded number, so that memory does not grow with the input) and takes
    their results back in order."""
    ahead = 2

    def submit(self, chunk_docs: list, tagger, trust):
        raise NotImplementedError

    def run_chunks(self, chunks: Iterable[list], tagger, trust, parallel: int):
        pending: deque = deque()
        for chunk in chunks:
            docs = [it for it in chunk if isinstance(it, Document)]
            pending.append((chunk, self.submit(docs, tagger, trust) if docs else None))
            while len(pending) > self.ahead * parallel:
                chunk0, fut = pending.popleft()
                yield from _emit(chunk0, fut.result() if fut is not None else [])
        while pending:
            chunk0, fut = pending.popleft()
            yield from _emit(chunk0, fut.result() if fut is not None else [])


class LocalRunner(_Pipelined):
    def __init__(self, workers: Optional[int], tagger: Optional[Callable]):
        self.requested = workers
        self.tagger = tagger
        self.pool = None
        self.workers = workers or 1

    def submit(self, docs, tagger, trust):
        return self.pool.submit(extract_chunk, docs, tagger, trust)

    def extract(self, items, tagger, trust):
        chunks = _chunks(items, CHUNK)
        n = self.requested
        head: list = []
        if n is None:                         # auto: look at the first few hundred documents
            seen = 0
            for chunk in chunks:
                head.append(chunk)
                seen += sum(isinstance(it, Document) for it in chunk)
                if seen > AUTO_MIN_DOCS:
                    break
            n = auto_workers() if seen > AUTO_MIN_DOCS else 1
        if n > 1 and tagger is not None and not _picklable(tagger):
            n = 1
        self.workers = n
        chunks = chain(head, chunks)
        if n == 1:
            yield from Runner.extract(self, chain.from_iterable(chunks), tagger, trust)
            return
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor
        if tagger is None:                    # build the resolver's tables once, before forking
            from resolvers import tag
            tag("اليوم", "2000-01-01")
        methods = mp.get_all_start_methods()
        ctx = mp.get_context("fork" if "fork" in methods else None)
        self.pool = ProcessPoolExecutor(n, mp_context=ctx, initializer=_worker_init, initargs=(os.getpid(),))
        try:
            yield from self.run_chunks(chunks, tagger, trust, n)
        finally:
            self._shutdown()

    def _shutdown(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def close(self) -> None:
        self._shutdown()
        self.release_gc()


class DaskRunner(_Pipelined):
    """Extraction as a map over chunks of the input and the merge's month step as a map over batches
    of months, on a Dask cluster."""
    ahead = 4

    def __init__(self, scheduler: Optional[str], workers: Optional[int]):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as e:
            raise EngineUnavailable(f"the dask engine needs Dask ({e.name or 'dask'} is missing): {DASK_HINT}") from None
        self.cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="20s")
            except OSError as e:
                raise EngineUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
        else:
            n = workers or auto_workers()
            self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or (workers or 1))

    def submit(self, docs, tagger, trust):
        return self.client.submit(extract_chunk, docs, tagger, trust, pure=False)

    def extract(self, items, tagger, trust):
        yield from self.run_chunks(_chunks(items, CHUNK), tagger, trust, self.workers)

    def map(self, func: Callable, batches: list, stats, *args) -> list:
        if not batches:
            return []
        shared = self.client.scatter(stats, broadcast=True)
        futures = [self.client.submit(func, b, shared, *args, pure=False) for b in batches]
        return self.client.gather(futures)

    def close(self) -> None:
        client, cluster = getattr(self, "client", None), getattr(self, "cluster", None)
        if client is not None:
            client.close()
            self.client = None
        if cluster is not None:
            cluster.close()
            self.cluster = None
        self.release_gc()


def make_runner(engine: str, workers: Optional[int], tagger: Optional[Callable], scheduler: Optional[str] = None):
    if workers is not None and workers < 1:
        raise ValueError("workers must be at least 1")
    if engine == "local":
        if scheduler:
            raise ValueError("--scheduler needs --engine dask")
        runner = LocalRunner(workers, tagger)
    elif engine == "dask":
        runner = DaskRunner(scheduler, workers)
    else:
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    runner.hold_gc()
    return runner
