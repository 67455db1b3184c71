#!/usr/bin/env python3
"""Renders a tmux capture (`tmux capture-pane -e -p`) of the console as a PNG, the way a terminal shows it.

    ansi-to-png.py CAPTURE.ans OUT.png [COLUMNS ROWS]

pyte replays the escape sequences into a screen of cells (wide characters take two); pillow draws each cell
with DejaVu Sans Mono (Noto Sans CJK for what it lacks) on a dark background, the ANSI colours of a common
terminal palette, bold, dim, underline and reverse.
"""
import sys

import pyte
from PIL import Image, ImageDraw, ImageFont

PALETTE = {
    "black": (40, 42, 54), "red": (224, 108, 117), "green": (152, 195, 121), "brown": (229, 192, 123),
    "yellow": (229, 192, 123), "blue": (97, 175, 239), "magenta": (198, 120, 221), "cyan": (86, 182, 194),
    "white": (220, 223, 228), "brightblack": (92, 99, 112), "brightred": (240, 128, 128),
    "brightgreen": (170, 220, 140), "brightyellow": (240, 210, 140), "brightblue": (120, 190, 250),
    "brightmagenta": (210, 140, 230), "brightcyan": (110, 200, 210), "brightwhite": (255, 255, 255),
}
BACKGROUND = (24, 26, 33)
FOREGROUND = (220, 223, 228)
SIZE = 15
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
MONO_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
CJK = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
]


def colour(name, default):
    if name in (None, "default"):
        return default
    if name in PALETTE:
        return PALETTE[name]
    if len(name) == 6:
        try:
            return tuple(int(name[i:i + 2], 16) for i in (0, 2, 4))
        except ValueError:
            return default
    return default


def load_fonts():
    regular = ImageFont.truetype(MONO, SIZE)
    bold = ImageFont.truetype(MONO_BOLD, SIZE)
    cjk = None
    for path in CJK:
        try:
            cjk = ImageFont.truetype(path, SIZE)
            break
        except OSError:
            continue
    return regular, bold, cjk


def has_glyph(font, character):
    try:
        return font.getmask(character).getbbox() is not None or character.isspace()
    except Exception:
        return False


def main():
    source, target = sys.argv[1], sys.argv[2]
    columns = int(sys.argv[3]) if len(sys.argv) > 3 else 120
    rows = int(sys.argv[4]) if len(sys.argv) > 4 else 40
    screen = pyte.Screen(columns, rows)
    stream = pyte.Stream(screen)
    with open(source, encoding="utf-8", errors="replace") as handle:
        lines = handle.read().split("\n")
    # capture-pane prints rows separated by newlines: put each at its row.
    for index, line in enumerate(lines[:rows]):
        stream.feed(f"\x1b[{index + 1};1H\x1b[0m" + line)
    regular, bold, cjk = load_fonts()
    cell_width = int(round(regular.getlength("M")))
    cell_height = int(SIZE * 1.35)
    padding = 12
    image = Image.new("RGB", (columns * cell_width + 2 * padding, rows * cell_height + 2 * padding), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for y in range(rows):
        line = screen.buffer[y]
        x = 0
        while x < columns:
            cell = line[x]
            character = cell.data or " "
            wide = x + 1 < columns and line[x + 1].data == ""
            span = 2 if wide else 1
            fg = colour(cell.fg, FOREGROUND)
            bg = colour(cell.bg, BACKGROUND)
            if cell.reverse:
                fg, bg = (bg if cell.bg not in (None, "default") else BACKGROUND,
                          fg if cell.fg not in (None, "default") else FOREGROUND)
            if getattr(cell, "dim", False) or cell.fg == "brightblack":
                fg = tuple(int(c * 0.6 + b * 0.4) for c, b in zip(fg, BACKGROUND))
            left = padding + x * cell_width
            top = padding + y * cell_height
            if bg != BACKGROUND:
                draw.rectangle([left, top, left + span * cell_width - 1, top + cell_height - 1], fill=bg)
            if character.strip():
                font = bold if cell.bold else regular
                if not has_glyph(font, character) and cjk is not None:
                    font = cjk
                draw.text((left, top + 2), character, font=font, fill=fg)
            if cell.underscore:
                draw.line([left, top + cell_height - 2, left + span * cell_width - 1, top + cell_height - 2], fill=fg)
            x += span
    image.save(target, optimize=True)


if __name__ == "__main__":
    main()
