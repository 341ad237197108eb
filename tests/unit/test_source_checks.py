"""`make check` (python -m kbsite.source_checks): the source checks without a build.
Each planted mistake is found, and the message names the file to open, in
every edition. The build runs the same functions (hooks/knowledge_base.py).

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/projects/test_source_checks.py."""

from __future__ import annotations

import pytest

import subprocess
import sys


from sitebuild import ROOT

from kbsite import source_checks


def test_the_real_sources_are_sound():
    assert source_checks.run(ROOT) == []


def test_make_check_runs_in_seconds_and_exits_non_zero_on_a_mistake(tmp_path):
    ok = subprocess.run([sys.executable, "-m", "kbsite.source_checks"], capture_output=True, text=True,
                        timeout=60)
    assert ok.returncode == 0 and "no problems found" in ok.stdout, ok.stdout + ok.stderr


def test_a_language_without_its_link_preview_image_is_named_with_the_command(tmp_path):
    from types import SimpleNamespace

    from kbsite.checks import _share_images
    from kbsite.share_image import draw

    docs = tmp_path / "docs"
    (docs / "assets" / "images").mkdir(parents=True)
    draw("Ketamine Therapy Guide").save(docs / "assets" / "images" / "share.png")
    config = SimpleNamespace(extra={"languages": [{"code": "en"}, {"code": "vi"}]}, docs_dir=str(docs),
                             config_file_path=str(tmp_path / "mkdocs.yml"), theme={"language": "en"})
    assert _share_images(config, tmp_path) == [
        "docs/vi/assets/images/share.png: no link-preview image for 'vi'. Run `make share-images`, which draws one "
        "for every language."]


def test_the_link_preview_image_is_open_graph_s_size_and_breaks_chinese_between_characters():
    from PIL import Image, ImageDraw

    from kbsite.share_image import SIZE, _font, _lines, draw

    assert draw("氯胺酮治療指南").size == (1200, 630), "Open Graph's size, which previews show whole"
    canvas = ImageDraw.Draw(Image.new("RGB", SIZE))
    assert _lines("氯胺酮治療指南氯胺酮治療指南", _font("Noto Sans CJK TC:bold", 76), 400, canvas)[0] != "氯胺酮治療指南氯胺酮治療指南"
    assert _lines("Guía de terapia con ketamina", _font("DejaVu Sans:bold", 76), 680, canvas) == ["Guía de terapia", "con ketamina"]


def test_a_missing_font_is_named_not_drawn_in_a_fallback():
    from kbsite.errors import SiteError
    from kbsite.share_image import _font

    with pytest.raises(SiteError, match="No Nonexistent Sans font"):
        _font("Nonexistent Sans:bold", 76)
