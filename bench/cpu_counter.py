"""User-space instructions retired by this thread, from the Linux perf counter (perf_event_open).

Wall and CPU times on a shared VM swing by a third between runs minutes apart (the host's load, the other
virtual CPU's work); the number of instructions a step executes does not. The benchmarks print it beside
the times so that a change in the code can be told from a change in the machine. `InstructionCounter.open()`
returns None where the counter is not available (another OS, a container without perf events, or
/proc/sys/kernel/perf_event_paranoid too strict).
"""

from __future__ import annotations

import ctypes
import os
import platform
import struct

_PERF_TYPE_HARDWARE = 0
_PERF_COUNT_HW_INSTRUCTIONS = 1
_EXCLUDE_KERNEL = 1 << 5
_EXCLUDE_HV = 1 << 6
_SYSCALL_PERF_EVENT_OPEN = {"x86_64": 298, "aarch64": 241}


class _PerfEventAttr(ctypes.Structure):
    # The leading fields of struct perf_event_attr; the rest (zeroed) up to the size the kernel is told.
    _fields_ = [("type", ctypes.c_uint32), ("size", ctypes.c_uint32), ("config", ctypes.c_uint64),
                ("sample_period", ctypes.c_uint64), ("sample_type", ctypes.c_uint64),
                ("read_format", ctypes.c_uint64), ("flags", ctypes.c_uint64),
                ("rest", ctypes.c_uint64 * 12)]


class InstructionCounter:
    def __init__(self, fd: int) -> None:
        self._fd = fd

    @classmethod
    def open(cls) -> InstructionCounter | None:
        number = _SYSCALL_PERF_EVENT_OPEN.get(platform.machine())
        if number is None or not hasattr(os, "read"):
            return None
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            attr = _PerfEventAttr()
            attr.type = _PERF_TYPE_HARDWARE
            attr.size = ctypes.sizeof(_PerfEventAttr)
            attr.config = _PERF_COUNT_HW_INSTRUCTIONS
            attr.flags = _EXCLUDE_KERNEL | _EXCLUDE_HV
            fd = libc.syscall(number, ctypes.byref(attr), 0, -1, -1, 0)  # this thread, any CPU
        except (OSError, AttributeError):
            return None
        if fd < 0:
            return None
        counter = cls(fd)
        return counter if counter.read() >= 0 else None

    def read(self) -> int:
        try:
            return int(struct.unpack("q", os.read(self._fd, 8))[0])
        except OSError:
            return -1
