/* informe.c — the block of docs/rendimiento.md that poa-rendimiento writes:
 * date, machine, the table (figure / limit, ratio), targets, how it measures. */
#define _GNU_SOURCE
#include <curses.h>
#include <sqlite3.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "rendimiento.h"

static const char MARCA_INICIO[] = "<!-- poa-rendimiento: inicio";
static const char MARCA_FIN[] = "<!-- poa-rendimiento: fin -->";

#define MIB (1024.0 * 1024.0)

/* A number with a decimal comma, as the rest of the Spanish docs. */
static const char *num(char *buf, size_t n, const char *fmt, double v)
{
    snprintf(buf, n, fmt, v);
    for (char *p = buf; *p; p++)
        if (*p == '.')
            *p = ',';
    return buf;
}

/* Seconds as «1,7 s», «0,57 s», «12 ms» or «2,7 ms». */
static const char *tiempo(char *buf, size_t n, double s)
{
    if (s < 0)
        return "—";
    if (s >= 1)
        return num(buf, n, "%.1f s", s);
    if (s >= 0.1)
        return num(buf, n, "%.2f s", s);
    return num(buf, n, s >= 0.01 ? "%.0f ms" : "%.1f ms", s * 1000);
}

static const char *mib(char *buf, size_t n, double bytes)
{
    return bytes < 0 ? "—" : num(buf, n, bytes >= 10 * MIB ? "%.0f MiB" : "%.1f MiB",
                                 bytes / MIB);
}

static const char *tamano(char *buf, size_t n, int v)
{
    if (v >= 1000)
        snprintf(buf, n, "%d %03d", v / 1000, v % 1000);
    else
        snprintf(buf, n, "%d", v);
    return buf;
}

static double med(const Muestras *m) { return muestras_mediana(m); }
static double p95(const Muestras *m) { return muestras_p95(m); }

static double razon(const Muestras *a, const Muestras *b)
{
    double x = med(a), y = med(b);
    return x >= 0 && y > 0 ? x / y : -1;
}

/* «0,80 s / 0,36 s (2,2×)»: the figure, its limit, the ratio. */
static void celda_razon(FILE *f, const Muestras *poa, const Muestras *lim)
{
    char a[32], b[32], r[32];
    if (poa->n == 0) {
        fputs(" — |", f);
        return;
    }
    fprintf(f, " %s / %s (%s×) |", tiempo(a, sizeof a, med(poa)), tiempo(b, sizeof b, med(lim)),
            num(r, sizeof r, "%.1f", razon(poa, lim)));
}

/* «2,7 ms (p95 6,4) / 0,3 ms (p95 0,5)» */
static void celda_tecla(FILE *f, const Muestras *poa, const Muestras *lim)
{
    char a[32], b[32], c[32], d[32];
    if (poa->n == 0) {
        fputs(" — |", f);
        return;
    }
    fprintf(f, " %s (p95 %s) / %s (p95 %s) |", tiempo(a, sizeof a, med(poa)),
            tiempo(b, sizeof b, p95(poa)), tiempo(c, sizeof c, med(lim)),
            tiempo(d, sizeof d, p95(lim)));
}

/* A target: the value at size n (0: every size) must not exceed max. */
typedef struct {
    double (*valor)(const Medidas *m);
    int n;
    double max;
    const char *formato;    /* how a missed value is written, e.g. "%.1f×" */
} Meta;

static double v_importar(const Medidas *m) { return razon(&m->importar, &m->base_insert); }
static double v_seg(const Medidas *m) { return razon(&m->seg, &m->base_seg); }
static double v_primera(const Medidas *m) { return med(&m->primera) * 1000; }
static double v_abajo_med(const Medidas *m) { return med(&m->abajo) * 1000; }
static double v_abajo_p95(const Medidas *m) { return p95(&m->abajo) * 1000; }
static double v_avpag_med(const Medidas *m) { return med(&m->avpag) * 1000; }
static double v_avpag_p95(const Medidas *m) { return p95(&m->avpag) * 1000; }
static double v_mem_nav(const Medidas *m) { return m->mem_nav.n ? med(&m->mem_nav) / MIB : -1; }
static double v_mem_diff(const Medidas *m)
{
    return m->mem_todo.n ? (med(&m->mem_todo) - med(&m->mem_nav)) / MIB : -1;
}

/* «**sí**», «**no**: 2,7× a 100 000», or that the sizes were not measured. */
static void veredicto(FILE *f, const Medidas *m, int nm, const Meta *metas, int k)
{
    char texto[512] = "", b1[48], b2[32];
    bool medido = false;
    for (int i = 0; i < k; i++)
        for (int t = 0; t < nm; t++) {
            if (metas[i].n && m[t].n != metas[i].n)
                continue;
            double v = metas[i].valor(&m[t]);
            if (v < 0)
                continue;
            medido = true;
            if (v > metas[i].max)
                snprintf(texto + strlen(texto), sizeof texto - strlen(texto), "%s%s a %s",
                         texto[0] ? "; " : "", num(b1, sizeof b1, metas[i].formato, v),
                         tamano(b2, sizeof b2, m[t].n));
        }
    if (!medido)
        fputs(" no medido a esos tamaños |\n", f);
    else if (!texto[0])
        fputs(" **sí** |\n", f);
    else
        fprintf(f, " **no**: %s |\n", texto);
}

static void salida_de(const char *cmd, char *buf, size_t n)
{
    buf[0] = '\0';
    FILE *p = popen(cmd, "r");
    if (!p)
        return;
    if (!fgets(buf, (int)n, p))
        buf[0] = '\0';
    buf[strcspn(buf, "\n")] = '\0';
    pclose(p);
}

static void maquina(FILE *f)
{
    char cpu[256] = "?", linea[512];
    FILE *c = fopen("/proc/cpuinfo", "r");
    while (c && fgets(linea, sizeof linea, c))
        if (strncmp(linea, "model name", 10) == 0) {
            const char *p = strchr(linea, ':');
            snprintf(cpu, sizeof cpu, "%.200s", p ? p + 2 : linea);
            cpu[strcspn(cpu, "\n")] = '\0';
            break;
        }
    if (c)
        fclose(c);
    char debian[64];
    salida_de("cat /etc/debian_version 2>/dev/null", debian, sizeof debian);
    struct utsname u;
    uname(&u);
    double ram = (double)sysconf(_SC_PHYS_PAGES) * (double)sysconf(_SC_PAGESIZE);
    char b[32], git[64];
    salida_de("git -C " POA_SOURCE_DIR " describe --always --dirty 2>/dev/null", git, sizeof git);
    fprintf(f, "Máquina: %s, %ld núcleos, %s GiB de RAM; Debian %s, Linux %s. "
               "SQLite %s, libxlsxwriter %s, %s; poa %s (%s), compilación %s.\n",
            cpu, sysconf(_SC_NPROCESSORS_ONLN), num(b, sizeof b, "%.1f", ram / (MIB * 1024)),
            debian[0] ? debian : "?", u.release, sqlite3_libversion(), LXW_VERSION,
            curses_version(), POA_VERSION, git[0] ? git : "sin git", POA_TIPO);
}

static void fila_razon(FILE *f, const char *nombre, const Medidas *m, int nm, size_t poa,
                       size_t lim, const char *limite, const char *meta, const Meta *metas,
                       int k)
{
    fprintf(f, "| %s |", nombre);
    for (int i = 0; i < nm; i++)
        celda_razon(f, (const Muestras *)((const char *)&m[i] + poa),
                    (const Muestras *)((const char *)&m[i] + lim));
    fprintf(f, " %s | %s |", limite, meta);
    if (k)
        veredicto(f, m, nm, metas, k);
    else
        fputs(" — |\n", f);
}

#define CAMPO(x) offsetof(Medidas, x)

void informe_write(FILE *f, const Corrida *c, const Medidas *m, int nm)
{
    char b[64], b2[64], b3[64], b4[64];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(b, sizeof b, "%Y-%m-%d %H:%M UTC", &tm);
    fprintf(f, "%s (generado por poa-rendimiento; no editar a mano) -->\n", MARCA_INICIO);
    fprintf(f, "Medido el %s con `%s` (vueltas por cifra: %d; pulsaciones de cada tecla por "
               "vuelta: %d; ediciones por tamaño: %d); la corrida entera tardó %s. Carga media "
               "de la máquina (1 min): %s al empezar, %s al terminar.\n\n",
            b, c->cmd, c->repeticiones, c->teclas, c->ediciones,
            c->segundos >= 120 ? num(b2, sizeof b2, "%.0f min", c->segundos / 60)
                               : tiempo(b2, sizeof b2, c->segundos),
            num(b3, sizeof b3, "%.2f", c->carga_antes),
            num(b4, sizeof b4, "%.2f", c->carga_despues));
    maquina(f);
    fputs("\nCada celda: **poa** / su límite (razón). Tiempos: mediana de las vueltas; "
          "teclas: mediana y p95 de todas las pulsaciones.\n\n| cifra |", f);
    for (int i = 0; i < nm; i++)
        fprintf(f, " %s |", tamano(b, sizeof b, m[i].n));
    fputs(" límite | objetivo (issue 14) | ¿se cumple? |\n|---|", f);
    for (int i = 0; i < nm; i++)
        fputs("---|", f);
    fputs("---|---|---|\n", f);

    Meta mi[] = {{v_importar, 10000, 1.5, "%.1f×"}, {v_importar, 100000, 1.5, "%.1f×"}};
    fila_razon(f, "importar la plantilla plana (archivo nuevo) ¹", m, nm, CAMPO(importar),
               CAMPO(base_insert), "SQLite solo: las mismas filas, una transacción",
               "≤ 1,5× a 10 000 y 100 000", mi, 2);
    fila_razon(f, "reimportar el mismo archivo (nada cambia) ²", m, nm, CAMPO(reimportar),
               CAMPO(base_insert), "la misma inserción de SQLite solo", "—", NULL, 0);
    Meta ms[] = {{v_seg, 10000, 1.1, "%.2f×"}, {v_seg, 100000, 1.1, "%.2f×"}};
    fila_razon(f, "informe XLSX de seguimiento ³", m, nm, CAMPO(seg), CAMPO(base_seg),
               "libxlsxwriter solo: las mismas celdas, formatos y combinaciones",
               "≤ 1,1× a 10 000 y 100 000", ms, 2);
    fila_razon(f, "informe XLSX «todo» (tablero, seguimiento, POA) ³", m, nm, CAMPO(todo),
               CAMPO(base_todo), "libxlsxwriter solo, el mismo libro", "—", NULL, 0);

    fputs("| primera pantalla completa, 200×60 ⁴ |", f);
    for (int i = 0; i < nm; i++)
        fprintf(f, " %s / %s |", tiempo(b, sizeof b, med(&m[i].primera)),
                tiempo(b2, sizeof b2, med(&m[i].base_primera)));
    Meta mp[] = {{v_primera, 10000, 100, "%.0f ms"}, {v_primera, 100000, 300, "%.0f ms"}};
    fputs(" la terminal: un programa ncurses que pinta 200×60 de texto | < 100 ms a 10 000, "
          "< 300 ms a 100 000 |", f);
    veredicto(f, m, nm, mp, 2);

    const char *teclas[] = {"tecla ↓ ⁵", "tecla AvPág ⁵"};
    for (int k = 0; k < 2; k++) {
        fprintf(f, "| %s |", teclas[k]);
        for (int i = 0; i < nm; i++)
            celda_tecla(f, k ? &m[i].avpag : &m[i].abajo, k ? &m[i].base_avpag : &m[i].base_abajo);
        Meta mt[] = {{k ? v_avpag_med : v_abajo_med, 0, 3, "mediana %.1f ms"},
                     {k ? v_avpag_p95 : v_abajo_p95, 0, 5, "p95 %.1f ms"}};
        fputs(" el mismo programa ncurses: una fila / una página | mediana < 3 ms y p95 < 5 ms "
              "a todo tamaño |", f);
        veredicto(f, m, nm, mt, 2);
    }

    fputs("| memoria máxima navegando ⁶ |", f);
    for (int i = 0; i < nm; i++)
        fprintf(f, " %s (texto %s) |", mib(b, sizeof b, m[i].mem_nav.n ? med(&m[i].mem_nav) : -1),
                mib(b2, sizeof b2, m[i].texto));
    Meta mm[] = {{v_mem_nav, 10000, 24, "%.0f MiB"}, {v_mem_nav, 100000, 96, "%.0f MiB"}};
    fputs(" el texto del plan (sus filas en SQLite) | < 24 MiB a 10 000, < 96 MiB a 100 000 |", f);
    veredicto(f, m, nm, mm, 2);

    fputs("| memoria máxima exportando «todo» ⁶ |", f);
    for (int i = 0; i < nm; i++) {
        double d = m[i].mem_todo.n ? med(&m[i].mem_todo) - med(&m[i].mem_nav) : -1;
        fprintf(f, " %s (%s%s) |", mib(b, sizeof b, m[i].mem_todo.n ? med(&m[i].mem_todo) : -1),
                d >= 0 ? "+" : "", mib(b2, sizeof b2, d < 0 ? -d : d));
    }
    Meta me[] = {{v_mem_diff, 10000, 16, "+%.0f MiB"}};
    fputs(" la memoria navegando (entre paréntesis, lo que añade) | añade ≤ 16 MiB a 10 000 |", f);
    veredicto(f, m, nm, me, 1);

    fila_razon(f, "`poa verificar` ⁷", m, nm, CAMPO(verificar), CAMPO(base_leer),
               "SQLite solo: leer todas las filas del plan", "—", NULL, 0);
    fputs("| una edición guardada (`poa seguimiento … --real`) ⁸ |", f);
    for (int i = 0; i < nm; i++)
        celda_tecla(f, &m[i].editar, &m[i].base_editar);
    fputs(" SQLite solo: abrir, un UPDATE en una transacción, cerrar | — | — |\n", f);

    /* the keys' flatness: the largest size against the smallest */
    if (nm >= 2 && m[0].abajo.n && m[nm - 1].abajo.n) {
        double ra = med(&m[nm - 1].abajo) / med(&m[0].abajo);
        double rp = med(&m[nm - 1].avpag) / med(&m[0].avpag);
        fprintf(f, "\nTeclas, mediana(%s) / mediana(%s): ↓ %s, AvPág %s (objetivo ≤ 1,5: %s).\n",
                tamano(b, sizeof b, m[nm - 1].n), tamano(b2, sizeof b2, m[0].n),
                num(b3, sizeof b3, "%.2f", ra), num(b3 + 32, 32, "%.2f", rp),
                ra <= 1.5 && rp <= 1.5 ? "**sí**" : "**no**");
    }

    bool cmp = false;
    for (int i = 0; i < nm; i++)
        cmp |= m[i].cmp_xlsxwriter >= 0 || m[i].cmp_openpyxl >= 0 || m[i].cmp_libreoffice >= 0 ||
               m[i].cmp_nota[0];
    if (cmp) {
        fputs("\nPara comparar (`--comparar`, una vez por tamaño; solo contexto): el informe de "
              "seguimiento escrito por otras herramientas.\n\n| herramienta |", f);
        for (int i = 0; i < nm; i++)
            fprintf(f, " %s |", tamano(b, sizeof b, m[i].n));
        fputs("\n|---|", f);
        for (int i = 0; i < nm; i++)
            fputs("---|", f);
        const char *nombres[] = {"poa (mediana)", "libxlsxwriter solo (mediana)",
                                 "Python XlsxWriter ⁹", "Python openpyxl ⁹",
                                 "LibreOffice: la plantilla CSV a XLSX ⁹"};
        for (int k = 0; k < 5; k++) {
            fprintf(f, "\n| %s |", nombres[k]);
            for (int i = 0; i < nm; i++) {
                double v = k == 0 ? med(&m[i].seg) : k == 1 ? med(&m[i].base_seg)
                         : k == 2 ? m[i].cmp_xlsxwriter : k == 3 ? m[i].cmp_openpyxl
                                  : m[i].cmp_libreoffice;
                fprintf(f, " %s |", tiempo(b, sizeof b, v));
            }
        }
        fputc('\n', f);
        for (int i = 0; i < nm; i++)
            if (m[i].cmp_nota[0]) {
                fprintf(f, "\nNo medido: %s.\n", m[i].cmp_nota);
                break;
            }
    }

    fputs("\nCómo se mide (todo desde fuera, con el binario `poa` de la compilación):\n\n", f);
    fputs("1. `poa importar NUEVO.db plan-corte1.csv` en un archivo que no existe, del fork a la "
          "salida. Límite: las filas que esa importación dejó en las tablas del plan (sin el "
          "registro de cambios `cambio` ni las imágenes de deshacer `imagen`), leídas antes en "
          "memoria e insertadas con sentencias preparadas en una transacción, en un archivo nuevo "
          "con el mismo esquema y los mismos PRAGMA (`journal_mode=DELETE`, `synchronous=OFF` "
          "como en un archivo que crea la importación); el límite no lee ni valida el CSV.\n", f);
    fputs("2. `poa importar PLAN.db plan-corte3.csv` sobre una copia del plan con los tres "
          "cortes (la copia no se mide): nada cambia; incluye la copia de respaldo que poa hace "
          "antes de importar.\n", f);
    fputs("3. `poa exportar PLAN.db --xlsx … --informe seguimiento --corte 3` y `poa exportar "
          "PLAN.db --xlsx …` («todo»). Límite: `tests/tools/xlsx-tabla leer` saca del libro de "
          "poa cada celda (texto, número o fórmula), su formato, las combinaciones, anchos, altos "
          "y paneles; ese programa escribe lo mismo con libxlsxwriter (los mismos formatos, "
          "creados una vez), medido desde `workbook_new` hasta `workbook_close`.\n", f);
    fprintf(f, "4. `poa PLAN.db` en una pseudoterminal de 200×60 (`forkpty`, "
               "TERM=xterm-256color, sin estado recordado): desde el fork hasta el último byte "
               "de la primera pantalla. La pantalla está completa cuando llegó la marca «%s» "
               "(el final de la barra de teclas, lo último que ncurses pinta) y después hubo "
               "%.0f ms sin salida; esa espera no se cuenta. Límite: `poa-rendimiento "
               "--pantalla-base` (ncurses, 200×60 de texto con acentos, la barra con "
               "«Tablero») medido igual.\n", c->marca, c->silencio * 1000);
    fputs("5. Tras la primera pantalla, `*` (sin medir) despliega todo el plan, que la "
          "interfaz abre plegado cuando es grande; luego cada tecla se escribe en la terminal y "
          "se cuenta hasta el último byte de lo que redibuja (fin: 40 ms sin salida, no "
          "contados); AvPág vuelve a Inicio (sin medir) al llegar al final. Límite: el programa "
          "de referencia desplaza una fila o pinta una página nueva.\n", f);
    fprintf(f, "6. Navegando: `VmHWM` (/proc/PID/status) de la sesión de 4–5 (abrir, pintar, "
               "las teclas), leído antes de salir con q. Exportando: `ru_maxrss` (`wait4`) de "
               "`poa exportar --xlsx` («todo»), que cuenta también las páginas que el hijo tenía "
               "de poa-rendimiento entre fork y exec: por eso los límites pesados corren en "
               "procesos aparte y el que mide no pasó de %s. «Texto»: los bytes de texto de "
               "todas las filas del plan con sus tres cortes.\n",
            mib(b, sizeof b, c->propio));
    fputs("7. `poa verificar PLAN.db`. Límite: abrir el archivo y leer todas las filas de las "
          "tablas del plan con SQLite.\n", f);
    fputs("8. `poa seguimiento COPIA.db --corte 3 --actividad C --unidad U --real V` sobre "
          "actividades de código único en su unidad, repartidas por el plan; mediana (p95). "
          "Límite: abrir, `UPDATE seguimiento` de una fila en una transacción con "
          "`synchronous=FULL`, cerrar; mediana (p95).\n", f);
    if (cmp)
        fputs("9. `tests/tools/xlsx-tabla escribir xlsxwriter|openpyxl` (la misma tabla que el "
              "límite de 3, tiempo del proceso entero, con el arranque de Python) y "
              "`soffice --headless --convert-to xlsx plan-corte3.csv` (perfil propio ya creado).\n",
              f);
    fprintf(f, "%s\n", MARCA_FIN);
}

bool informe_replace(const char *ruta, const char *bloque, char *error, size_t nerror)
{
    FILE *f = fopen(ruta, "r");
    if (!f) {
        snprintf(error, nerror, "no se pudo leer %s", ruta);
        return false;
    }
    char *texto = NULL;
    size_t cap = 0, n = 0;
    char buf[65536];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, f)) > 0) {
        if (n + k + 1 > cap) {
            cap = 2 * (n + k + 1);
            texto = realloc(texto, cap);
        }
        memcpy(texto + n, buf, k);
        n += k;
    }
    fclose(f);
    if (!texto) {
        snprintf(error, nerror, "%s está vacío", ruta);
        return false;
    }
    texto[n] = '\0';
    char *a = strstr(texto, MARCA_INICIO), *b = a ? strstr(a, MARCA_FIN) : NULL;
    if (!a || !b) {
        snprintf(error, nerror, "%s no tiene las marcas «%s …» y «%s»; la tabla queda abajo",
                 ruta, MARCA_INICIO, MARCA_FIN);
        free(texto);
        return false;
    }
    b += strlen(MARCA_FIN);
    if (*b == '\n')
        b++;
    char *tmp = fmt_nuevo("%s.tmp", ruta);
    FILE *o = fopen(tmp, "w");
    bool ok = o && fwrite(texto, 1, (size_t)(a - texto), o) == (size_t)(a - texto) &&
              fputs(bloque, o) >= 0 && fputs(b, o) >= 0;
    if (o && fclose(o) != 0)
        ok = false;
    if (!ok || rename(tmp, ruta) != 0) {
        snprintf(error, nerror, "no se pudo escribir %s", ruta);
        unlink(tmp);
        ok = false;
    }
    free(tmp);
    free(texto);
    return ok;
}
