/* CCurses: ncursesw (wide characters) for the console's terminal backend.
 * SwiftPM drops -D flags from pkg-config, so the wide-character feature macros are defined here, before the
 * include. Function-like macros, macro-only attribute values and C globals do not import into Swift 6;
 * each gets a typed wrapper below named after what it hides. */
#ifndef CCURSES_SHIM_H
#define CCURSES_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* stdscr, COLORS, COLOR_PAIRS are C globals (shared mutable state to Swift 6). */
static inline WINDOW *ccurses_stdscr(void) { return stdscr; }
static inline int ccurses_colors(void) { return COLORS; }
static inline int ccurses_color_pairs(void) { return COLOR_PAIRS; }

/* getmaxyx is a macro assigning to its arguments. */
static inline void ccurses_getmaxyx(WINDOW *w, int *rows, int *cols) {
    int y, x;
    getmaxyx(w, y, x);
    *rows = y;
    *cols = x;
}

/* A_* attributes are macros built from NCURSES_BITS. */
static inline attr_t ccurses_a_normal(void) { return A_NORMAL; }
static inline attr_t ccurses_a_bold(void) { return A_BOLD; }
static inline attr_t ccurses_a_dim(void) { return A_DIM; }
static inline attr_t ccurses_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ccurses_a_reverse(void) { return A_REVERSE; }
static inline attr_t ccurses_a_italic(void) { return A_ITALIC; }

/* KEY_F(n) is a function-like macro. */
static inline int ccurses_key_f(int n) { return KEY_F(n); }

/* setcchar with a NUL-terminated wide string of one grapheme cluster and a colour pair. */
static inline int ccurses_setcchar(cchar_t *out, const wchar_t *wch, attr_t attrs, short pair) {
    return setcchar(out, wch, attrs, pair, NULL);
}

/* wcwidth is declared by <wchar.h> only under _XOPEN_SOURCE, which the module build does not define. */
extern int wcwidth(wchar_t c);
static inline int ccurses_wcwidth(wchar_t c) { return wcwidth(c); }

/* BUTTON4_PRESSED / BUTTON5_PRESSED (the mouse wheel) are built by the NCURSES_MOUSE_MASK macro. */
static inline mmask_t ccurses_wheel_up_mask(void) { return BUTTON4_PRESSED; }
static inline mmask_t ccurses_wheel_down_mask(void) { return BUTTON5_PRESSED; }

/* ioctl is variadic: the terminal's size from the kernel (TIOCGWINSZ), for resizeterm after SIGWINCH. */
#include <sys/ioctl.h>
static inline int ccurses_window_size(int fd, int *rows, int *cols) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
    *rows = size.ws_row;
    *cols = size.ws_col;
    return 0;
}

#endif
