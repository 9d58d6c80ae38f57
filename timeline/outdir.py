"""The output folder as one unit: a build's files are written into a new sibling folder, which is
swapped into place at the end, so that ``--out`` always holds one run's complete outputs or the
previous run's, never a mix, and no temporary file.

* The new folder is ``.NAME.new-PID-XXXX`` beside ``NAME``; when everything is written (and synced),
  it takes the place of ``NAME`` in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``; elsewhere
  two renames, and a run that died between them is repaired by the next one), and the previous
  outputs are deleted.
* A crash, a full disk, Ctrl-C or SIGTERM before that step deletes the new folder: ``NAME`` is left
  as it was.  After ``kill -9`` the new folder stays behind; the next run towards ``NAME`` removes
  it (a folder of that pattern whose process is gone).
* ``NAME`` must be a new or empty folder, or one that a previous build wrote: a folder holding other
  files is refused, since it is replaced whole.
"""
from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Iterator, Optional, Union

# Every file a build writes (a folder holding only these, or nothing, may be replaced).
OUTPUT_NAMES = frozenset({"events.csv", "mentions.csv", "timeline.json", "timeline.html", "report.json",
                          "timelinejs.json", "events_flat.csv"})

_UMASK = os.umask(0o022)
os.umask(_UMASK)


class OutputFolderError(ValueError):
    """``--out`` cannot hold the outputs (empty name, a file, a folder of other files)."""


class WriteState:
    """How far an output set got: ``swapped`` once the new outputs are in place."""

    def __init__(self):
        self.started = False
        self.swapped = False


def check_out(out: Union[str, Path]) -> Path:
    """The output folder, checked: a clear :class:`OutputFolderError` when it cannot be used."""
    if out is None or str(out).strip() == "":
        raise OutputFolderError("the output folder name is empty")
    path = Path(os.path.abspath(os.path.expanduser(str(out))))
    if path.is_symlink() and path.is_dir():
        path = path.resolve()                  # write where the link points, keep the link
    if path.exists() and not path.is_dir():
        raise OutputFolderError(f"{out} exists and is not a folder")
    if path.parent == path:
        raise OutputFolderError(f"{out} is the root of the file system")
    if path.is_dir():
        foreign = sorted(e for e in os.listdir(path) if e not in OUTPUT_NAMES)
        if foreign:
            shown = ", ".join(foreign[:5]) + (", …" if len(foreign) > 5 else "")
            raise OutputFolderError(
                f"{out} holds files that are not this tool's outputs ({shown}); the output folder is replaced "
                f"as a whole, so give a new or empty folder, or one that a previous build wrote")
    return path


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stale(path: Path) -> Iterator[tuple[str, Path]]:
    pat = re.compile(rf"^\.{re.escape(path.name)}\.(new|old)-(\d+)-")
    try:
        entries = os.listdir(path.parent)
    except OSError:
        return
    for e in entries:
        m = pat.match(e)
        if m and int(m.group(2)) != os.getpid() and not _alive(int(m.group(2))):
            yield m.group(1), path.parent / e


def repair(path: Path) -> None:
    """Undo what a killed run left beside ``path``: a half-made new folder is removed; the previous
    outputs moved aside by a run that died between its two renames are put back."""
    for kind, p in sorted(_stale(path)):
        if kind == "old" and not path.exists():
            os.rename(p, path)
        else:
            shutil.rmtree(p, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where the system cannot."""
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _sync(folder: Path) -> None:
    for e in os.scandir(folder):
        if e.is_file(follow_symlinks=False):
            fd = os.open(e.path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def output_set(out: Union[str, Path], state: Optional[WriteState] = None) -> Iterator[Path]:
    """Yield a new, empty folder to write the outputs into; on success it replaces ``out`` whole.
    On any exception (or KeyboardInterrupt) it is deleted and ``out`` is left as it was."""
    path = check_out(out)
    state = state or WriteState()
    path.parent.mkdir(parents=True, exist_ok=True)
    repair(path)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.new-{os.getpid()}-", dir=path.parent))
    state.started = True
    old: Optional[Path] = None
    try:
        mode = (os.stat(path).st_mode & 0o7777) if path.is_dir() else (0o777 & ~_UMASK)
        os.chmod(tmp, mode)
        yield tmp
        _sync(tmp)
        if not path.exists():
            os.rename(tmp, path)
        elif _exchange(tmp, path):         # tmp now holds the previous outputs, deleted below
            pass
        else:
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.old-{os.getpid()}-", dir=path.parent))
            os.rmdir(old)
            os.rename(path, old)
            os.rename(tmp, path)
        state.swapped = True
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and old.exists():
            if path.exists():
                shutil.rmtree(old, ignore_errors=True)
            else:                          # the second rename failed: the previous outputs go back
                os.rename(old, path)
