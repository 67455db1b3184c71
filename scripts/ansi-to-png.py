#!/usr/bin/env python3
"""Renders a tmux capture (`tmux capture-pane -e -p`) of the console as a PNG, the way a terminal shows it.

    ansi-to-png.py CAPTURE.ans OUT.png [COLUMNS ROWS]

pyte replays the escape sequences into a screen of cells (wide characters take two); pillow draws each cell
with DejaVu Sans Mono (Noto Sans CJK, then Noto Color Emoji, for what it lacks) on a dark background, the ANSI colours of a common
terminal palette, bold, dim, underline and reverse. Box-drawing lines and full blocks are drawn as geometry
spanning the whole cell, as a terminal does, so borders join without gaps between rows.
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
EMOJI = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"
EMOJI_SIZE = 109  # the only size of the colour bitmaps in Noto Color Emoji


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
    try:
        emoji = ImageFont.truetype(EMOJI, EMOJI_SIZE)
    except OSError:
        emoji = None
    return regular, bold, cjk, emoji


def paste_emoji(image, emoji, character, left, top, width, height):
    """Draws a colour emoji at its bitmap size and scales it into the cells (two cells wide)."""
    box = emoji.getbbox(character)
    glyph = Image.new("RGBA", (max(1, box[2]), max(1, box[3])), (0, 0, 0, 0))
    ImageDraw.Draw(glyph).text((0, 0), character, font=emoji, embedded_color=True)
    side = min(width, height) - 2
    glyph = glyph.resize((side, side), Image.LANCZOS)
    image.paste(glyph, (left + (width - side) // 2, top + (height - side) // 2), glyph)


# Light box-drawing characters as the arms they draw from the cell's centre: (left, right, up, down).
BOX = {
    "─": (1, 1, 0, 0), "│": (0, 0, 1, 1), "┌": (0, 1, 0, 1), "┐": (1, 0, 0, 1), "└": (0, 1, 1, 0),
    "┘": (1, 0, 1, 0), "├": (0, 1, 1, 1), "┤": (1, 0, 1, 1), "┬": (1, 1, 0, 1), "┴": (1, 1, 1, 0),
    "┼": (1, 1, 1, 1), "╭": (0, 1, 0, 1), "╮": (1, 0, 0, 1), "╰": (0, 1, 1, 0), "╯": (1, 0, 1, 0),
}
BLOCKS = {"█": (0.0, 1.0), "▀": (0.0, 0.5), "▄": (0.5, 1.0)}
MISSING = "\U0010fffd"  # a private-use code point no font here has: its mask is the font's "missing" box


def glyph_mask(font, character):
    mask = font.getmask(character)
    return mask.size, bytes(mask)


def has_glyph(font, character, missing):
    try:
        return glyph_mask(font, character) != missing
    except Exception:
        return False


def draw_box(draw, character, left, top, width, height, fill):
    arms = BOX[character]
    middle_x = left + width // 2
    middle_y = top + height // 2
    if arms[0]:
        draw.line([left, middle_y, middle_x, middle_y], fill=fill)
    if arms[1]:
        draw.line([middle_x, middle_y, left + width - 1, middle_y], fill=fill)
    if arms[2]:
        draw.line([middle_x, top, middle_x, middle_y], fill=fill)
    if arms[3]:
        draw.line([middle_x, middle_y, middle_x, top + height - 1], fill=fill)


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
    regular, bold, cjk, emoji = load_fonts()
    missing = {font: glyph_mask(font, MISSING) for font in (regular, bold)}
    if cjk is not None:
        missing[cjk] = glyph_mask(cjk, MISSING)
    baseline = 2 + regular.getmetrics()[0]  # every font on the monospace font's baseline
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
            if character in BOX:
                draw_box(draw, character, left, top, cell_width, cell_height, fg)
            elif character in BLOCKS:
                start, end = BLOCKS[character]
                draw.rectangle([left, top + int(start * cell_height), left + cell_width - 1,
                                top + int(end * cell_height) - 1], fill=fg)
            elif character.strip():
                font = bold if cell.bold else regular
                if cjk is not None and not has_glyph(font, character, missing[font]):
                    font = cjk
                if font is cjk and emoji is not None and not has_glyph(cjk, character, missing[cjk]):
                    paste_emoji(image, emoji, character, left, top, span * cell_width, cell_height)
                    x += span
                    continue
                draw.text((left, top + baseline), character, font=font, fill=fg, anchor="ls")
            if cell.underscore:
                draw.line([left, top + cell_height - 2, left + span * cell_width - 1, top + cell_height - 2], fill=fg)
            x += span
    image.save(target, optimize=True)


if __name__ == "__main__":
    main()
