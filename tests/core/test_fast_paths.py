"""The fast paths of the timeline load (issue 3) against the plain ones they replace."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_timeline_factory import build, h, ice, oxy, vit

from cartox_desk.core.fastnew import fast_constructor, mutable_twin
from cartox_desk.core.records import GradePoint, RecordMeta, VitalSigns
from cartox_desk.core.results import CrsResult, IcansResult, VasopressorSummary
from cartox_desk.core.snapshot import OxygenDevice, Snapshot
from cartox_desk.core.timeline import daily_max_grades, point_window_best, window_best

AT = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def test_fast_constructors_build_the_real_frozen_dataclasses() -> None:
    meta = RecordMeta(7, AT, "nurse", AT, 3, "typo")
    samples = [
        (RecordMeta, (7, AT, "nurse", AT, 3, "typo")),
        (VitalSigns, (meta, 38.2, 90.0, 88.0, 60.0, None, 18.0, 97.0, True)),
        (
            GradePoint,
            (
                AT,
                Snapshot(temperature_c=38.2),
                CrsResult(1),
                IcansResult(None, "not_assessed"),
                VasopressorSummary(),
            ),
        ),
    ]
    for cls, args in samples:
        fast = fast_constructor(cls)(*args)
        slow = cls(*args)  # type: ignore[operator]
        assert type(fast) is cls
        assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
        assert pickle.loads(pickle.dumps(fast)) == slow
        assert dataclasses.replace(fast) == slow
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(fast, dataclasses.fields(cls)[0].name, 3)


def test_fast_constructor_of_a_class_with_a_slotted_base_sets_the_slots_directly() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Base:
        x: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Child(Base):
        y: int

    made = fast_constructor(Child)(1, 2)
    assert type(made) is Child and made == Child(1, 2)
    with pytest.raises(TypeError):  # no twin for it: its layout is not a plain class's
        mutable_twin(Child)
    twin = mutable_twin(Base)()
    twin.x = 1
    twin.__class__ = Base
    assert twin == Base(1)


# --- point_window_best against window_best over (ts, ts, key, value) entries ------------------------------

_values = st.one_of(st.none(), st.sampled_from([36.5, 37.0, 38.2, 39.0]), st.integers(70, 130))


@given(
    st.lists(st.tuples(st.integers(0, 300), st.one_of(st.none(), st.integers(60, 140))), max_size=60),
    st.lists(st.integers(0, 320), max_size=40),
    st.integers(0, 50),
    st.booleans(),
    st.booleans(),
)
def test_point_window_best_matches_window_best(raw, extra_times, window, lowest, same_times) -> None:  # type: ignore[no-untyped-def]
    raw.sort(key=lambda p: p[0])
    points = [float(t) for t, _ in raw]
    # fresh objects per point: equal values must still answer with the later point's own object
    values = [None if v is None else float(v) for _, v in raw]
    times = sorted(set(points)) if same_times else sorted({*points, *map(float, extra_times)})
    entries = [(t, t, (-v if lowest else v), v) for t, v in zip(points, values, strict=True) if v is not None]
    expected = window_best(times, entries, float(window))
    got = point_window_best(times, points, values, float(window), lowest=lowest)
    assert got == expected
    assert all(a is b for a, b in zip(got, expected, strict=True))


def test_point_window_best_uses_the_one_loop_when_times_are_the_points() -> None:
    points = [0.0, 1.0, 2.0, 3.0, 10.0]
    values = [37.0, 39.0, 38.0, 36.0, 36.5]
    assert point_window_best(points, points, values, 2.0) == [37.0, 39.0, 39.0, 38.0, 36.5]
    assert point_window_best(points, points, values, 2.0, lowest=True) == [37.0, 37.0, 38.0, 36.0, 36.5]
    assert point_window_best(points, points, values, 0.0) == [None] * 5  # an empty window holds nothing


# --- daily maxima from the build's runs against a look at every point ---------------------------------


@given(
    st.lists(
        st.tuples(
            st.integers(0, 96 * 4),
            st.sampled_from([None, 36.8, 38.3, 39.6]),
            st.sampled_from([None, 82, 120]),
        ),
        min_size=1,
        max_size=50,
    ),
    st.lists(st.tuples(st.integers(0, 96 * 4), st.integers(0, 10)), max_size=8),
    st.lists(
        st.tuples(
            st.integers(0, 96 * 4),
            st.sampled_from([OxygenDevice.NASAL_CANNULA, OxygenDevice.FACE_MASK, OxygenDevice.ROOM_AIR]),
        ),
        max_size=4,
    ),
)
def test_daily_max_from_runs_equals_a_look_at_every_point(vit_raw, ice_raw, oxy_raw) -> None:  # type: ignore[no-untyped-def]
    tz = ZoneInfo("Asia/Shanghai")
    tl = build(
        tz=tz,
        vitals=[vit(h(q / 4), temp, sbp) for q, temp, sbp in vit_raw],
        encephalopathy=[ice(h(q / 4), score) for q, score in ice_raw],
        oxygen=[oxy(h(q / 4), device, 4.0) for q, device in oxy_raw],
    )
    if tl.grades:
        first, last = tl.grades[0].at, tl.grades[-1].at
        every = daily_max_grades(tl.grades, tl.patient.infusion_at, tz, first, last)
        assert every == tl.daily_max
