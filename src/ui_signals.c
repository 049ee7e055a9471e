/* ui_signals.c — signals in the interface. The handlers only record the
 * signal (curses is not async-signal-safe); the main loop ends the session.
 * The crash handler writes precomputed bytes with write(2), which is. */
#include "ui_signals.h"

#include <curses.h>
#include <signal.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "util.h"

static volatile sig_atomic_t pending;

static const int ENDING[] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT};
static const int CRASH[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
static struct sigaction old_ending[POA_ARRAY_LEN(ENDING)], old_crash[POA_ARRAY_LEN(CRASH)];

static struct termios saved_modes;
static bool have_modes;
/* "leave the alternate screen, normal attributes, show the cursor", from
 * terminfo once the screen is up; a safe ANSI default until then. */
static char restore_seq[128] = "\033[0m\033[?1049l\033[?25h";
static size_t restore_len;

static void on_ending(int sig)
{
    /* No SA_RESTART: the blocked read returns EINTR, get_wch gives ERR and
     * the loop looks at pending. */
    pending = sig;
}

static void on_crash(int sig)
{
    if (restore_len) {
        ssize_t w = write(STDOUT_FILENO, restore_seq, restore_len);
        (void)w;
    }
    if (have_modes)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
    /* Back to what was there before us (the default action, or a
     * sanitizer's report), then let the signal take its course. */
    for (size_t i = 0; i < POA_ARRAY_LEN(CRASH); i++)
        if (CRASH[i] == sig)
            sigaction(sig, &old_crash[i], NULL);
    raise(sig);
}

void ui_signals_install(void)
{
    pending = 0;
    have_modes = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved_modes) == 0;
    restore_len = strlen(restore_seq);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_ending;
    for (size_t i = 0; i < POA_ARRAY_LEN(ENDING); i++) {
        sigaction(ENDING[i], NULL, &old_ending[i]);
        /* ignored when we started (nohup, a script's trap ''): stays so */
        if (old_ending[i].sa_handler != SIG_IGN)
            sigaction(ENDING[i], &sa, NULL);
    }
    sa.sa_handler = on_crash;
    sa.sa_flags = SA_RESETHAND | SA_NODEFER;
    for (size_t i = 0; i < POA_ARRAY_LEN(CRASH); i++)
        sigaction(CRASH[i], &sa, &old_crash[i]);
}

static void append_cap(const char *name, size_t *n)
{
    char *s = tigetstr(name);
    if (!s || s == (char *)-1)
        return;
    size_t len = strlen(s);
    if (*n + len < sizeof restore_seq) {
        memcpy(restore_seq + *n, s, len);
        *n += len;
    }
}

void ui_signals_screen_ready(void)
{
    /* The length is published last: a crash while this runs writes nothing
     * rather than half a sequence. */
    size_t n = 0;
    restore_len = 0;
    append_cap("sgr0", &n);
    append_cap("rmcup", &n);
    append_cap("cnorm", &n);
    restore_seq[n] = '\0';
    restore_len = n;
}

int ui_signals_pending(void) { return pending; }

void ui_signals_uninstall(void)
{
    for (size_t i = 0; i < POA_ARRAY_LEN(ENDING); i++)
        sigaction(ENDING[i], &old_ending[i], NULL);
    for (size_t i = 0; i < POA_ARRAY_LEN(CRASH); i++)
        sigaction(CRASH[i], &old_crash[i], NULL);
}
