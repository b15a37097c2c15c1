// GNU readline for Swift. <stdio.h> first: readline.h uses FILE without including it.
// Readline keeps its state in global variables; Swift 6 treats mutable C globals as unsafe across
// concurrency domains, so the shell reads and sets them through these small functions instead.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <readline/readline.h>
#include <readline/history.h>

/// Installs the function that offers completions for the text between start and end.
static inline void khq_set_completion_function(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}

static char *khq_breaks = NULL;
static char *khq_quote_breaks = NULL;

/// Inside an open double quote the only word break is the quote itself, so a region name with spaces
/// ("binh tha") is one word to complete; elsewhere the usual breaks apply.
static char *khq_word_break_hook(void) {
    int open = 0;
    for (int i = 0; i < rl_point && rl_line_buffer[i] != '\0'; i++) {
        if (rl_line_buffer[i] == '"') open = !open;
    }
    return open ? khq_quote_breaks : khq_breaks;
}

/// Characters that end a word for completion. Readline keeps the pointers, so it gets copies that
/// live as long as the process (a Swift string passed to C lives only for the call).
static inline void khq_set_word_breaks(const char *breaks) {
    khq_breaks = strdup(breaks);
    khq_quote_breaks = strdup("\"");
    rl_basic_word_break_characters = khq_breaks;
    rl_completer_word_break_characters = khq_breaks;
    rl_completer_quote_characters = NULL;
    rl_completion_word_break_hook = khq_word_break_hook;
}

/// Whether readline should append a space or a closing quote after a single match.
static inline void khq_set_completion_append(int character, int suppress_quote) {
    rl_completion_append_character = character;
    rl_completion_suppress_quote = suppress_quote;
}

/// Stops readline from falling back to file-name completion when we offer nothing.
static inline void khq_set_no_default_completion(void) {
    rl_attempted_completion_over = 1;
}

/// The whole line being edited and the cursor position (in bytes).
static inline const char *khq_line_buffer(void) { return rl_line_buffer; }
static inline int khq_point(void) { return rl_point; }

/// Readline handles SIGINT itself only if asked; the shell handles it.
static inline void khq_set_catch_signals(int catch_signals) {
    rl_catch_signals = catch_signals;
    rl_catch_sigwinch = 1;
}

/// The program name readline uses for ~/.inputrc conditionals ($if khuyenhoc).
static inline void khq_set_name(const char *name) { rl_readline_name = strdup(name); }

/// Abandons the line being edited after Ctrl-C: clears it and starts a fresh prompt.
static inline void khq_discard_line(void) {
    rl_free_line_state();
    rl_cleanup_after_signal();
    rl_replace_line("", 0);
    rl_crlf();
    rl_on_new_line();
}

/// Terminal size as readline sees it.
static inline int khq_screen_width(void) {
    int rows = 0, cols = 0;
    rl_get_screen_size(&rows, &cols);
    return cols;
}

/// Whether readline has already moved to a new line after reading end of input (Ctrl-D). Since 8.1 it
/// does when bracketed paste is on: the sequence that turns it off ends with a carriage return, and a
/// newline follows at end of input. Otherwise the cursor is still after the prompt.
static inline int khq_newline_after_eof(void) {
#if defined(RL_READLINE_VERSION) && RL_READLINE_VERSION >= 0x0801
    const char *value = rl_variable_value("enable-bracketed-paste");
    return value != NULL && strcmp(value, "on") == 0;
#else
    return 0;
#endif
}
