"""Confining a query worker process: no network, and no life after the server's.

:func:`deny_network` installs a seccomp filter (Linux, x86-64 and arm64) under
which the process cannot create an IPv4 or IPv6 socket: pyoxigraph offers no
switch to turn off ``SERVICE`` federation, so this is the switch. The guard
refuses ``SERVICE`` anyway; with the filter a query that got past it still
cannot reach any address (the engine's HTTP client fails with "permission
denied"). Local pipes and Unix sockets keep working. :func:`die_with_parent`
asks the kernel to kill the worker when the server process ends, however it
ends. Both are best effort elsewhere and report whether they took effect.
"""

from __future__ import annotations

import ctypes
import platform
import signal
import struct
import sys

#: (audit architecture, number of the ``socket`` system call) by machine.
_ARCHES = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198), "arm64": (0xC00000B7, 198)}
_PR_SET_PDEATHSIG, _PR_SET_SECCOMP, _PR_SET_NO_NEW_PRIVS, _SECCOMP_MODE_FILTER = 1, 22, 38, 2
_LD_W_ABS, _JEQ_K, _JGE_K, _RET_K = 0x20, 0x15, 0x35, 0x06
_ALLOW, _DENY = 0x7FFF0000, 0x00050000 | 13  # SECCOMP_RET_ERRNO | EACCES
_AF_INET, _AF_INET6 = 2, 10


class _Filter(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _program(arch: int, socket_nr: int) -> bytes:
    """The BPF program: a foreign-ABI call or socket(AF_INET/AF_INET6, …) fails with EACCES."""
    code = [(_LD_W_ABS, 0, 0, 4),              # 0: architecture
            (_JEQ_K, 1, 0, arch),              # 1: ours → 3
            (_RET_K, 0, 0, _DENY),             # 2: another ABI (i386 through int 0x80): refused
            (_LD_W_ABS, 0, 0, 0),              # 3: system call number
            (_JGE_K, 5, 0, 0x40000000),        # 4: x32 numbers → 10 (refused)
            (_JEQ_K, 0, 3, socket_nr),         # 5: socket → 6, anything else → 9
            (_LD_W_ABS, 0, 0, 16),             # 6: its first argument, the address family
            (_JEQ_K, 2, 0, _AF_INET),          # 7: → 10
            (_JEQ_K, 1, 0, _AF_INET6),         # 8: → 10
            (_RET_K, 0, 0, _ALLOW),            # 9
            (_RET_K, 0, 0, _DENY)]             # 10
    return b"".join(struct.pack("HBBI", *instruction) for instruction in code)


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def deny_network() -> bool:
    """Forbid this process (and threads it starts later) to open IPv4/IPv6 sockets; True when in force."""
    libc, arch = _libc(), _ARCHES.get(platform.machine().lower())
    if libc is None or arch is None:
        return False
    program = ctypes.create_string_buffer(_program(*arch))
    fprog = _Filter(len(program.raw) // 8, ctypes.cast(program, ctypes.c_void_p))
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) == 0


def die_with_parent() -> bool:
    """Have the kernel kill this process when its parent ends; True when in force."""
    libc = _libc()
    return libc is not None and libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
