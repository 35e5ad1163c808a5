"""Allocation-lean constructors for the frozen result dataclasses (the grading hot path).

A frozen dataclass ``__init__`` goes through ``object.__setattr__`` per field; with ``slots=True`` the slot
descriptors can be set directly, which roughly halves construction time. The objects are identical to
those made by the normal constructor (equality, hash, repr, immutability): the tests check this. Only used
by the grading core to reach >= 100,000 snapshots/s (issue 2).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass
from typing import Any, TypeVar

T = TypeVar("T")


def fast_constructor(cls: type[T]) -> Callable[..., T]:
    """A positional constructor ``new(field1, field2, ...)`` for a frozen, slotted dataclass ``cls``."""
    if not is_dataclass(cls) or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} must be a slotted dataclass")
    names = [f.name for f in fields(cls)]
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    for name in names:
        namespace[f"_set_{name}"] = cls.__dict__[name].__set__
    body = "".join(f"    _set_{n}(o, {n})\n" for n in names)
    source = f"def new({', '.join(names)}):\n    o = _new(_cls)\n{body}    return o\n"
    exec(source, namespace)  # a fixed template over the dataclass's own field names
    constructor: Callable[..., T] = namespace["new"]
    constructor.__doc__ = f"Positional constructor of {cls.__name__}({', '.join(names)})."
    return constructor
