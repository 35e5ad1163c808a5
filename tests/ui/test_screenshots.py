"""`cartox-desk screenshots`: the scene registry renders at 1366x768 with the grade colours visible."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from cartox_desk.cli import screenshots
from cartox_desk.ui.widgets.grade_badge import GRADE_COLOURS

ROOT = Path(__file__).resolve().parents[2]


def _has_colour(image: QImage, colour: str, minimum: int = 200) -> bool:
    target = QColor(colour).rgb()
    count = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            if image.pixel(x, y) == target:
                count += 1
                if count >= minimum:
                    return True
    return False


def test_registry_names_the_grading_and_wizard_scenes():
    for name in ("grade_panel_empty", "grade_panel_graded", "ice_wizard", "capd_wizard"):
        assert name in screenshots.SCENES
    with pytest.raises(ValueError):
        screenshots.scene("grade_panel_empty")(lambda ctx: iter(()))


def test_graded_panel_renders_at_laptop_size_with_grade_colours(tmp_path, qapp):
    saved = screenshots.render(tmp_path, "en", only="grade_panel_[eg]*")
    names = sorted(p.name for p in saved)
    assert names == ["grade_panel_empty.png", "grade_panel_graded.png"]
    graded = QImage(str(tmp_path / "grade_panel_graded.png"))
    assert (graded.width(), graded.height()) == screenshots.SIZE
    assert _has_colour(graded, GRADE_COLOURS[3])  # CRS 3: fever + face mask
    assert _has_colour(graded, GRADE_COLOURS[2])  # ICANS 2: ICE 5
    empty = QImage(str(tmp_path / "grade_panel_empty.png"))
    for grade in range(5):  # nothing entered: two outlined "–" badges, no grade colour anywhere
        assert not _has_colour(empty, GRADE_COLOURS[grade], minimum=50), grade


@pytest.mark.slow
def test_command_renders_every_wizard_step_in_chinese_without_crashing(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-m", "cartox_desk", "screenshots", "--out", str(tmp_path / "png"),
                           "--lang", "zh_CN", "--only", "*wizard*"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    files = sorted(p.name for p in (tmp_path / "png").glob("*.png"))
    assert "ice_wizard_result.png" in files and "capd_wizard_result.png" in files
    assert len([f for f in files if f.startswith("ice_wizard_0")]) == 9


def test_the_screenshots_command_renders_every_scene_at_laptop_size_with_nothing_clipped(tmp_path):
    """The CI smoke test of issue 4 and the pseudo-locale check of issue 8: the whole command on a fresh
    demo ward in the pseudo-locale (every string a third longer, bracketed), every scene at 1366x768, and
    the layout check finds no window wider than the laptop and no clipped label or button."""
    import struct

    result = subprocess.run([sys.executable, "-m", "cartox_desk", "screenshots", "--out", str(tmp_path),
                             "--lang", "pseudo"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    findings = [line for line in result.stderr.splitlines() if line.startswith("layout: ")]
    assert findings and findings[-1].startswith("layout: 0 clipped"), "\n".join(findings[:40])
    names = {p.name for p in tmp_path.glob("*.png")}
    for expected in ("census.png", "patient_demo02_b_all.png", "patient_demo04_child.png",
                     "ice_wizard_01.png", "capd_wizard_result.png", "print_dialog_ward.png"):
        assert expected in names, sorted(names)
    width, height = struct.unpack(">II", (tmp_path / "census.png").read_bytes()[16:24])  # PNG IHDR
    assert (width, height) == (1366, 768)
