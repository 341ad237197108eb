"""The image a link preview shows (Open Graph's og:image), one per edition:
`python -m kbsite.share_image` (`make share-images`) writes each edition's
assets/images/share.png in its own docs folder (docs/, docs/<folder>/), so
an edition publishes its own image and no other's.

The images are made once and committed, so a build downloads no font and
draws nothing, and a preview fetches only the site's own file. Each shows
the guide's name in its edition's language (includes/<folder>/interface.yml)
beside the site's mark (favicon.svg: a white cross on the theme's teal),
1200 x 630 px, the size Open Graph and most chat apps show whole. Run it
again after adding a language or renaming the guide; `make check` names a
language without its image.

The fonts are the system's (fontconfig): DejaVu Sans for the Latin and
Vietnamese names, Noto Sans CJK for Chinese, which `make system` installs.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from kbsite import project
from kbsite.editions import INTERFACE, folder, load_interface
from kbsite.errors import SiteError

SIZE = (1200, 630)
TEAL = (0, 105, 92)        # #00695c, the theme's primary colour and the favicon's
WHITE = (255, 255, 255)
IMAGES = Path("assets") / "images"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def image_path(edition_docs: Path) -> Path:
    """An edition's image, in its docs folder (docs/ or docs/<folder>/)."""
    return edition_docs / IMAGES / "share.png"


def site_names(root: Path) -> dict[Path, str]:
    """The guide's name in each edition's language, by the edition's docs folder."""
    raw = project.load(root / "mkdocs.yml")
    names = {}
    for index, edition in enumerate(project.editions(raw, root / "mkdocs.yml")):
        if index == 0:
            names[root / edition.docs] = raw["site_name"]
            continue
        words = load_interface(root / "includes" / folder(edition.code) / INTERFACE)
        if raw["site_name"] not in words:
            raise SiteError(f"includes/{folder(edition.code)}/{INTERFACE}: no translation for {raw['site_name']!r}.")
        names[root / edition.docs] = words[raw["site_name"]]
    return names


def _font(name: str, size: int):
    from PIL import ImageFont

    # fc-match always answers, with a fallback when the font is missing: a
    # name drawn in another font would show boxes, so the family must match.
    family = name.split(":")[0]
    found = subprocess.run(["fc-match", "-f", "%{family}\n%{file}", name], capture_output=True, text=True)
    families, _, file = found.stdout.partition("\n")
    if found.returncode != 0 or family not in families.split(",") or not file:
        raise SiteError(f"No {family} font (fontconfig found {families or 'none'}): `make system` installs the fonts.")
    return ImageFont.truetype(file, size)


def _lines(text: str, font, width: int, draw) -> list[str]:
    """`text` broken into lines no wider than `width`: at spaces, or between
    any two characters in Chinese, which has no spaces."""
    units = list(text) if _HAN.search(text) else text.split()
    joiner = "" if _HAN.search(text) else " "
    lines, line = [], ""
    for unit in units:
        candidate = f"{line}{joiner}{unit}" if line else unit
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = unit
    return lines + [line]


def draw(name: str):
    """The share image for a guide named `name`."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", SIZE, TEAL)
    canvas = ImageDraw.Draw(image)
    # The favicon's cross, large, at the left.
    cx, cy, arm, thick = 250, SIZE[1] // 2, 110, 60
    canvas.rounded_rectangle((cx - arm, cy - thick // 2, cx + arm, cy + thick // 2), radius=thick // 2, fill=WHITE)
    canvas.rounded_rectangle((cx - thick // 2, cy - arm, cx + thick // 2, cy + arm), radius=thick // 2, fill=WHITE)
    font = _font("Noto Sans CJK TC:bold" if _HAN.search(name) else "DejaVu Sans:bold", 76)
    left, width = 450, SIZE[0] - 450 - 70
    lines = _lines(name, font, width, canvas)
    # Centred on the cross by the ink of the letters (fonts differ in how
    # much room they leave above them).
    step = 96
    top, bottom = canvas.textbbox((0, 0), lines[0], font=font)[1], canvas.textbbox((0, step * (len(lines) - 1)), lines[-1], font=font)[3]
    y = cy - (top + bottom) // 2
    for n, line in enumerate(lines):
        canvas.text((left, y + step * n), line, font=font, fill=WHITE)
    return image


def main() -> int:
    root = Path.cwd()
    try:
        for docs, name in site_names(root).items():
            path = image_path(docs)
            path.parent.mkdir(parents=True, exist_ok=True)
            draw(name).save(path, optimize=True)
            print(f"{path.relative_to(root)}: {name}")
    except SiteError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
