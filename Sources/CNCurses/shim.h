// The wide-character ncurses API (get_wch, mvaddwstr, cchar_t) is only declared when
// _XOPEN_SOURCE_EXTENDED / NCURSES_WIDECHAR are set before the header is included.
#ifndef WICKET_CNCURSES_SHIM_H
#define WICKET_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// Swift 6 refuses mutable C globals (stdscr, curscr, LINES, COLS, COLORS, COLOR_PAIRS) and
// does not import function-like or computed macros (COLOR_PAIR, A_*, KEY_F). Everything
// WicketTUI needs from them goes through these small accessors instead.

static inline WINDOW *wicket_stdscr(void) { return stdscr; }
static inline WINDOW *wicket_curscr(void) { return curscr; }
static inline int wicket_lines(void) { return LINES; }
static inline int wicket_cols(void) { return COLS; }
static inline int wicket_colors(void) { return COLORS; }
static inline int wicket_color_pairs(void) { return COLOR_PAIRS; }

static inline int wicket_err(void) { return ERR; }
static inline int wicket_ok(void) { return OK; }

static inline attr_t wicket_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline attr_t wicket_a_normal(void) { return A_NORMAL; }
static inline attr_t wicket_a_bold(void) { return A_BOLD; }
static inline attr_t wicket_a_dim(void) { return A_DIM; }
static inline attr_t wicket_a_reverse(void) { return A_REVERSE; }
static inline attr_t wicket_a_underline(void) { return A_UNDERLINE; }

// Sets attributes and an extended colour pair on stdscr. Pairs above SHRT_MAX need the
// int passed through the "opts" pointer (ncurses 6.1 extension), so both are given.
static inline int wicket_attr_set(attr_t attrs, int pair) {
    int extended = pair;
    short legacy = (short)(pair <= 32767 ? pair : 0);
    return wattr_set(stdscr, attrs, legacy, &extended);
}

static inline int wicket_key_code_yes(void) { return KEY_CODE_YES; }
static inline int wicket_key_resize(void) { return KEY_RESIZE; }
static inline int wicket_key_up(void) { return KEY_UP; }
static inline int wicket_key_down(void) { return KEY_DOWN; }
static inline int wicket_key_left(void) { return KEY_LEFT; }
static inline int wicket_key_right(void) { return KEY_RIGHT; }
static inline int wicket_key_home(void) { return KEY_HOME; }
static inline int wicket_key_end(void) { return KEY_END; }
static inline int wicket_key_ppage(void) { return KEY_PPAGE; }
static inline int wicket_key_npage(void) { return KEY_NPAGE; }
static inline int wicket_key_backspace(void) { return KEY_BACKSPACE; }
static inline int wicket_key_dc(void) { return KEY_DC; }
static inline int wicket_key_ic(void) { return KEY_IC; }
static inline int wicket_key_btab(void) { return KEY_BTAB; }
static inline int wicket_key_enter(void) { return KEY_ENTER; }
static inline int wicket_key_f(int n) { return KEY_F(n); }

#endif
