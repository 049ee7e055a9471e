/* terminal.c — the interface measured from outside through a pseudo-terminal
 * of 200×60 (first complete screen, ↓ and AvPág), and the terminal's floor. */
#define _GNU_SOURCE
#include <curses.h>
#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <term.h>
#include <unistd.h>

#include "rendimiento.h"

enum { FILAS = 60, COLUMNAS = 200 };

/* Reads what the child writes until it has been silent for gap seconds,
 * waiting at most limite seconds for the first byte (or for marca, when
 * given: the silence only counts once marca has been seen). Returns the time
 * of the last byte read, or -1 if nothing (or no marca) came; *fin is set
 * when the child closed the terminal; *bytes (if given) grows by what was read. */
static double leer_hasta_silencio(int fd, double gap, double limite, const char *marca,
                                  bool *fin, size_t *bytes)
{
    char buf[65536];
    size_t nm = marca ? strlen(marca) : 0;
    char cola[256] = "";          /* the last bytes, for a marker split between reads */
    bool visto = nm == 0;
    double ultimo = -1, t0 = ahora();
    *fin = false;
    for (;;) {
        double espera = (visto && ultimo > 0 ? ultimo + gap : t0 + limite) - ahora();
        if (espera <= 0)
            return visto ? ultimo : -1;
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int r = poll(&p, 1, (int)(espera * 1000) + 1);
        if (r < 0 && errno != EINTR)
            return -1;
        if (r <= 0)
            continue;
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) {   /* EIO: the child closed the terminal */
            *fin = true;
            return visto ? ultimo : -1;
        }
        ultimo = ahora();
        if (bytes)
            *bytes += (size_t)n;
        if (!visto) {
            size_t lc = strlen(cola);
            size_t tomar = (size_t)n < sizeof cola - 1 - lc ? (size_t)n : sizeof cola - 1 - lc;
            memcpy(cola + lc, buf, tomar);
            cola[lc + tomar] = '\0';
            if (strstr(cola, marca) || memmem(buf, (size_t)n, marca, nm))
                visto = true;
            else {
                /* keep the last nm-1 bytes of what was read */
                size_t k = (size_t)n >= nm ? nm - 1 : (size_t)n;
                memcpy(cola, buf + n - k, k);
                cola[k] = '\0';
            }
        }
    }
}

static const char *tecla(const char *cap, const char *omision)
{
    char *s = tigetstr((char *)cap);
    return s && s != (char *)-1 ? s : omision;
}

static bool escribir(int fd, const char *s)
{
    size_t n = strlen(s);
    return write(fd, s, n) == (ssize_t)n;
}

/* How long a key may take to start its redraw before it counts as one that
 * changes nothing (AvPág on the last page): far above any redraw, so a slow
 * one on a loaded machine is measured, not taken for the end of the list. */
#define RESPUESTA 2.0

/* One timed key: write it, read the redraw until gap seconds of silence. */
static bool medir_tecla(int fd, const char *seq, double gap, Muestras *m, Sesion *s)
{
    bool fin;
    double t = ahora();
    if (!escribir(fd, seq))
        return false;
    double ultimo = leer_hasta_silencio(fd, gap, RESPUESTA, NULL, &fin, NULL);
    if (fin)
        return false;
    if (ultimo < 0) {
        s->sin_respuesta++;
        return true;
    }
    muestras_add(m, ultimo - t);
    return true;
}

/* Quits with q and reaps the child. The peak memory is the child's own VmHWM
 * read just before: ru_maxrss would also count the pages of this program the
 * child had between fork and exec. */
static void terminar(pid_t pid, int fd, double *maxrss)
{
    bool fin = false;
    double hwm = proceso_hwm(pid);
    escribir(fd, "q");
    double t = ahora();
    while (!fin && ahora() - t < 10)
        leer_hasta_silencio(fd, 0.5, 10, NULL, &fin, NULL);
    if (!fin)
        kill(pid, SIGTERM);
    int st;
    struct rusage ru;
    while (wait4(pid, &st, 0, &ru) < 0 && errno == EINTR)
        ;
    *maxrss = hwm > 0 ? hwm : (double)ru.ru_maxrss * 1024.0;
    close(fd);
}

/* Leaves the whole plan unfolded, whatever the first screen showed: the
 * interface opens a large plan folded, and a list of a few rows would give
 * few keys to time. The key toggles (all open → all folded → all open), so
 * it is pressed until a press paints more than the one before it: unfolding
 * paints a screen of rows, folding a few rows and blanks. */
static bool desplegar(int fd, double gap, const char *tecla_todo)
{
    if (!tecla_todo)
        return true;
    size_t antes = 0;
    for (int i = 0; i < 3; i++) {
        size_t n = 0;
        bool fin;
        if (!escribir(fd, tecla_todo))
            return false;
        leer_hasta_silencio(fd, gap, RESPUESTA, NULL, &fin, &n);
        if (fin)
            return false;
        if (i > 0 && n > antes)
            return true;
        antes = n;
    }
    return true;    /* the third press undid the second: open again */
}

bool sesion_run(const char *dir, char *const argv[], const char *marca, const char *desplegar_todo,
                double gap, double gap_tecla, int teclas, Sesion *s, char *error,
                size_t nerror)
{
    static bool terminfo;
    if (!terminfo) {
        int e;
        if (setupterm("xterm-256color", -1, &e) != OK)
            morir("no se encontró la descripción de terminal «xterm-256color» (ncurses-base)");
        terminfo = true;
    }
    /* keypad mode: ncurses sends smkx, so the keys are the terminfo's */
    const char *abajo = tecla("kcud1", "\033OB"), *avpag = tecla("knp", "\033[6~"),
               *inicio = tecla("khome", "\033OH");
    struct winsize ws = {.ws_row = FILAS, .ws_col = COLUMNAS};
    int fd;
    fflush(NULL);
    double t0 = ahora();
    pid_t pid = forkpty(&fd, NULL, NULL, &ws);
    if (pid < 0)
        morir("forkpty: %s", strerror(errno));
    if (pid == 0) {
        /* a fresh state folder: no cursor remembered from the last session */
        char *st = fmt_nuevo("%s/estado-%d", getenv("XDG_STATE_HOME"), (int)getpid());
        setenv("XDG_STATE_HOME", st, 1);
        if (dir && chdir(dir) != 0)
            _exit(126);
        execv(argv[0], argv);
        _exit(127);
    }
    bool fin;
    double ultimo = leer_hasta_silencio(fd, gap, 120, marca, &fin, NULL);
    if (fin || ultimo < 0) {
        snprintf(error, nerror, "%s no mostró «%s» en la terminal", argv[0], marca);
        terminar(pid, fd, &s->maxrss);
        return false;
    }
    s->primera = ultimo - t0;
    bool ok = desplegar(fd, gap_tecla, desplegar_todo);
    for (int i = 0; ok && i < teclas; i++)
        ok = medir_tecla(fd, abajo, gap_tecla, &s->abajo, s);
    for (int i = 0; ok && i < teclas; i++) {
        int antes = s->sin_respuesta;
        ok = medir_tecla(fd, avpag, gap_tecla, &s->avpag, s);
        if (ok && s->sin_respuesta > antes) {
            /* the last page: back to the top, not timed, and press again */
            escribir(fd, inicio);
            leer_hasta_silencio(fd, gap_tecla, RESPUESTA, NULL, &fin, NULL);
            s->sin_respuesta = antes;
            i--;
            if (s->avpag.n == 0) {
                snprintf(error, nerror, "AvPág no cambia la pantalla");
                ok = false;
            }
        }
    }
    if (!ok && !error[0])
        snprintf(error, nerror, "%s terminó durante la sesión", argv[0]);
    terminar(pid, fd, &s->maxrss);
    return ok;
}

/* The floor: a full screen of text as dense as poa's, the marker at the end
 * of the last line, ↓ scrolls one row and AvPág a page of new text. */
static void pintar(int desde)
{
    static const char *frases[] = {
        "Coordinar el programa de capacitación del personal técnico en Higüey ",
        "Actualizar los controles del activo fijo de cada unidad según lo aprobado ",
        "Supervisar la encuesta de satisfacción de los usuarios en San Cristóbal ",
        "Elaborar el diagnóstico de las mejoras realizadas en la oficina central "};
    for (int y = 0; y < FILAS - 1; y++) {
        move(y, 0);
        int fila = desde + y;
        char linea[COLUMNAS * 3];
        snprintf(linea, sizeof linea, "%6d %s%s│ x  x    │    x  x │ x     x │ %s", fila,
                 frases[fila % 4], frases[(fila / 4) % 4], frases[(fila + 1) % 4]);
        if (y % 2)
            attron(A_BOLD);
        addnstr(linea, (int)strlen(linea));
        clrtoeol();
        attroff(A_BOLD);
    }
    move(FILAS - 1, 0);
    attron(A_REVERSE);
    addstr("F1Ayuda  F2Editar  F3Buscar  F10Salir  F12Tablero");
    attroff(A_REVERSE);
    clrtoeol();
    refresh();
}

int pantalla_base_main(void)
{
    setlocale(LC_ALL, "");
    initscr();
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    curs_set(0);
    int desde = 0;
    pintar(desde);
    for (;;) {
        int k = getch();
        if (k == 'q' || k == KEY_F(10) || k == ERR)
            break;
        if (k == KEY_DOWN)
            desde++;
        else if (k == KEY_NPAGE)
            desde += FILAS - 2;
        else if (k == KEY_HOME)
            desde = 0;
        pintar(desde);
    }
    endwin();
    return 0;
}
