"""Files as kg reads and writes them: bounded reads, atomic writes, locks.

* :func:`read_bounded` reads a regular file or a stream in chunks and stops
  with one clear error as soon as it passes a size limit, so ``/dev/zero``, an
  endless pipe or a huge file never fills the memory; devices, FIFOs and
  sockets given as paths are refused before they are opened (a FIFO with no
  writer would block forever).
* :func:`write_atomic` writes through a temporary file beside the target and a
  rename: an interrupted run leaves the previous output intact. A symlinked
  target is written through (the link stays a link); ``-`` is standard output.
  Temporary files carry the writer's process id, and those of dead writers
  (a run killed by SIGKILL) are removed by the next write.
* :func:`exclusive_lock` serialises updates of one dataset between processes.
* :func:`refuse_overwriting_inputs` stops ``kg build a.ttl -o a.ttl``.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError, LockError, OutputError

CHUNK = 1 << 20


def regular_file(path: Path) -> os.stat_result:
    """The stat of ``path`` if it is a regular file (symlinks followed); InputError otherwise."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or folder") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied; kg needs to read it") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}: is not a regular file (a device, FIFO or socket); kg reads text files, "
                         "folders and standard input only")
    return st


def read_bounded(source: str | Path | BinaryIO, limit: int, what: str, advice: str = "") -> bytes:
    """All bytes of a regular file or binary stream, InputError past ``limit`` bytes
    (checked while reading; ``advice`` ends the message)."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        regular_file(path)
        try:
            with open(path, "rb") as handle:
                return _read(handle, limit, what, advice)
        except PermissionError:
            raise InputError(f"{path}: permission denied; kg needs to read it") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return _read(source, limit, what, advice)


def _read(handle: BinaryIO, limit: int, what: str, advice: str) -> bytes:
    parts: list[bytes] = []
    size = 0
    while True:
        chunk = handle.read(min(CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(parts)
        size += len(chunk)
        if size > limit:
            raise InputError(f"{what}: more than {limit:,} bytes, more than kg reads in one input"
                             f"{advice or '; split it into several files'}")
        parts.append(chunk)


# --------------------------------------------------------------------------- writing


def output_folder(target: Path) -> Path:
    """The folder that will hold ``target``; OutputError if it cannot."""
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name such as {target / 'graph.ttl'}")
    if not folder.exists():
        raise OutputError(f"{target}: folder {folder} does not exist; create it first")
    if not folder.is_dir():
        raise OutputError(f"{target}: {folder} is a file, not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{target}: no permission to write in {folder}")
    return folder


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale_temporaries(target: Path) -> list[Path]:
    """Remove the temporary files an earlier, killed writer of ``target`` left; return them."""
    removed = []
    folder = target.parent if str(target.parent) else Path(".")
    for tmp in folder.glob(f".{target.name}.*.tmp"):
        pid = tmp.name[len(target.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            try:
                tmp.unlink()
                removed.append(tmp)
            except OSError:
                pass
    return removed


def write_atomic(path: str | Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename (``-``: standard output)."""
    if str(path) == "-":
        out = sys.stdout.buffer
        for part in [data] if isinstance(data, bytes) else data:
            out.write(part)
        out.flush()
        return
    target = Path(os.path.realpath(path)) if Path(path).is_symlink() else Path(path)
    folder = output_folder(target)
    clean_stale_temporaries(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write in {folder} ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            for part in [data] if isinstance(data, bytes) else data:
                f.write(part)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def refuse_overwriting_inputs(inputs: Iterable[str | Path], output: str | Path | None,
                              update: str | Path | None = None) -> None:
    """OutputError when ``output`` is one of ``inputs`` (or lies under an input folder);
    InputError when the dataset being updated is also given as an input."""
    items = [Path(i) for i in inputs if str(i) != "-"]
    for item in items:
        if update is not None and _same(item, Path(update)):
            raise InputError(f"{item}: is the dataset being updated (--update), not an article; "
                             "give the texts to add")
        if output is not None and str(output) != "-" and _same(item, Path(output)):
            raise OutputError(f"{output}: is also an input; writing it would destroy that input. "
                              "Give another output name")


@contextmanager
def exclusive_lock(path: str | Path, *, wait: bool = True) -> Iterator[Path]:
    """Hold an exclusive lock on ``path`` (through ``.<name>.lock`` beside it) for the
    block; another process waits (``wait``) or gets a LockError."""
    target = Path(os.path.realpath(path))
    lock = target.with_name(f".{target.name}.lock")
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise OutputError(f"{target}: cannot create the lock file {lock} ({exc.strerror or exc})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
                raise LockError(f"{target}: another kg process is updating this dataset; wait for it to "
                                "finish and run again") from None
            raise
        yield target
    finally:
        os.close(fd)
