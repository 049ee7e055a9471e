/* test_config.c — config.ini lookup, defaults, validation warnings with line
 * numbers, and iniparser kept off the terminal. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "testlib.h"

static char *origin_cwd;

/* The warning that mentions needle, or NULL. */
static const char *aviso_con(const ConfigAvisos *a, const char *needle)
{
    for (int i = 0; i < a->n; i++)
        if (strstr(a->lineas[i], needle))
            return a->lineas[i];
    return NULL;
}

/* The warning "path:line: tail" is among a's (a macro, so a failure names the
 * caller's line). */
#define CHECK_AVISO(a, path, line, tail) do { \
        char _w[1200]; \
        snprintf(_w, sizeof _w, "%s:%d: %s", path, line, tail); \
        CHECK(aviso_con(a, _w) != NULL); \
        if (!aviso_con(a, _w)) fprintf(stderr, "  falta: %s\n", _w); \
    } while (0)

static void check_defaults(const Config *c)
{
    CHECK_STR(c->institucion, "");
    CHECK_INT(c->anio, 0);
    CHECK_INT(c->corte, 0);   /* the last corte with seguimiento */
    CHECK(c->recordar);
    CHECK(!c->columna_lider);
    CHECK_DBL(c->umbrales.verde, 0.80, 1e-12);
    CHECK_DBL(c->umbrales.amarillo, 0.60, 1e-12);
    CHECK_INT(c->regla.regla, ROLLUP_MEDIA);
    CHECK_DBL(c->regla.tope, 1.0, 1e-12);
    CHECK(c->colores);
    CHECK_INT(c->papel, PAPEL_CARTA);   /* Dominican offices print on carta */
    CHECK(c->horizontal);
    CHECK_STR(c->autor, "Departamento de Planificación y Desarrollo");
    CHECK_STR(c->carpeta_respaldos, "");
}

/* Every lookup test starts from an empty XDG folder and an empty current
 * folder, so the developer's own config files never leak in. */
static void isolate(void)
{
    char *xdg = t_tmp("xdg-vacio");
    char *cwd = t_tmp("cwd-vacio");
    mkdir(xdg, 0700);
    mkdir(cwd, 0700);
    setenv("XDG_CONFIG_HOME", xdg, 1);
    CHECK_INT(chdir(cwd), 0);
    /* a poa installed on this machine must not leak into the tests */
    config_set_ruta_instalada("");
    free(xdg);
    free(cwd);
}

/* Loads text written to a temp file through the explicit path. */
static bool load_text(const char *name, const char *text, Config *c, ConfigAvisos *a,
                      PoaErr *err, char **path_out)
{
    char *p = t_write_text(name, text);
    bool ok = config_load(p, c, a, err);
    if (path_out)
        *path_out = p;
    else
        free(p);
    return ok;
}

TEST(defaults_sin_archivo)
{
    isolate();
    Config c;
    ConfigAvisos a = {0};
    PoaErr err = {{0}};
    CHECK(config_load(NULL, &c, &a, &err));
    check_defaults(&c);
    CHECK_STR(c.origen, "");
    CHECK_INT(a.n, 0);
    config_avisos_free(&a);

    Config d;
    config_defaults(&d);
    check_defaults(&d);
    CHECK_STR(papel_name(PAPEL_A4), "A4");
    CHECK_STR(papel_name(PAPEL_CARTA), "carta");
    CHECK_STR(papel_name(PAPEL_OFICIO), "oficio");
}

TEST(config_ini_distribuido)
{
    Config c;
    ConfigAvisos a = {0};
    PoaErr err = {{0}};
    CHECK(config_load(POA_SOURCE_DIR "/config.ini", &c, &a, &err));
    CHECK_INT(a.n, 0);
    for (int i = 0; i < a.n; i++)
        fprintf(stderr, "  aviso: %s\n", a.lineas[i]);
    /* generated from the table of keys: every value is the default */
    CHECK_STR(c.institucion, "");
    CHECK_INT(c.anio, 0);
    CHECK_INT(c.corte, 0);
    CHECK_DBL(c.umbrales.verde, 0.80, 1e-12);
    CHECK_DBL(c.umbrales.amarillo, 0.60, 1e-12);
    CHECK_INT(c.regla.regla, ROLLUP_MEDIA);
    CHECK_DBL(c.regla.tope, 1.0, 1e-12);
    CHECK(c.colores);
    CHECK_INT(c.papel, PAPEL_CARTA);
    CHECK(c.horizontal);
    CHECK_STR(c.autor, "Departamento de Planificación y Desarrollo");
    CHECK_STR(c.carpeta_respaldos, "");
    CHECK_INT(c.conservar_respaldos, 10);
    CHECK_STR(c.origen, POA_SOURCE_DIR "/config.ini");
    config_avisos_free(&a);
}

TEST(valores_buenos)
{
    Config c;
    ConfigAvisos a = {0};
    PoaErr err = {{0}};
    setenv("HOME", "/home/planif", 1);
    CHECK(load_text("buenos.ini",
                    "# comentario\n"
                    "[Institucion]\n"
                    "Nombre = \"Caja; de Pensiones #2\"\n"
                    "[plan]\n"
                    "anio = \n"
                    "corte=3   ; tercer trimestre\n"
                    "[ semaforo ]\n"
                    "verde = 85%\n"
                    "amarillo = 72.5\r\n"
                    "[consolidacion]\n"
                    "regla = Ponderada\n"
                    "tope = 150\n"
                    "[interfaz]\n"
                    "colores = NO\n"
                    "[exportar]\n"
                    "papel = OFICIO\n"
                    "orientacion = Vertical\n"
                    "autor = Unidad de Planificación\n"
                    "[respaldos]\n"
                    "carpeta = ~/respaldos/poa\n",
                    &c, &a, &err, NULL));
    CHECK_INT(a.n, 0);
    for (int i = 0; i < a.n; i++)
        fprintf(stderr, "  aviso: %s\n", a.lineas[i]);
    CHECK_STR(c.institucion, "Caja; de Pensiones #2");
    CHECK_INT(c.anio, 0);
    CHECK_INT(c.corte, 3);
    CHECK_DBL(c.umbrales.verde, 0.85, 1e-12);
    CHECK_DBL(c.umbrales.amarillo, 0.725, 1e-12);
    CHECK_INT(c.regla.regla, ROLLUP_PONDERADA);
    CHECK_DBL(c.regla.tope, 1.5, 1e-12);
    CHECK(!c.colores);
    CHECK_INT(c.papel, PAPEL_OFICIO);
    CHECK(!c.horizontal);
    CHECK_STR(c.autor, "Unidad de Planificación");
    CHECK_STR(c.carpeta_respaldos, "/home/planif/respaldos/poa");
    config_avisos_free(&a);

    CHECK(load_text("carta.ini", "[exportar]\npapel = carta\n", &c, &a, &err, NULL));
    CHECK_INT(c.papel, PAPEL_CARTA);
    CHECK_INT(a.n, 0);
    config_avisos_free(&a);
}

TEST(colores_si_no)
{
    static const struct { const char *v; bool on; } cases[] = {
        {"si", true}, {"sí", true}, {"SÍ", true}, {"Sí", true}, {"yes", true},
        {"TRUE", true}, {"1", true}, {"no", false}, {"No", false}, {"false", false},
        {"0", false},
    };
    for (size_t i = 0; i < POA_ARRAY_LEN(cases); i++) {
        char text[64];
        snprintf(text, sizeof text, "[interfaz]\ncolores = %s\n", cases[i].v);
        Config c;
        ConfigAvisos a = {0};
        PoaErr err = {{0}};
        CHECK(load_text("colores.ini", text, &c, &a, &err, NULL));
        CHECK_INT(a.n, 0);
        CHECK_INT(c.colores, cases[i].on);
        config_avisos_free(&a);
    }
}

TEST(no_color)
{
    Config c;
    ConfigAvisos a = {0};
    PoaErr err = {{0}};
    setenv("NO_COLOR", "1", 1);
    CHECK(load_text("nc.ini", "[interfaz]\ncolores = si\n", &c, &a, &err, NULL));
    CHECK(!c.colores);
    setenv("NO_COLOR", "", 1);   /* empty means unset, per no-color.org */
    CHECK(load_text("nc.ini", "[interfaz]\ncolores = si\n", &c, &a, &err, NULL));
    CHECK(c.colores);
    unsetenv("NO_COLOR");
    config_avisos_free(&a);
}

/* One bad value per key, each on a known line; every warning names the
 * file, the line, section/key, the value and the default used. */
TEST(valores_malos)
{
    Config c;
    ConfigAvisos a = {0};
    PoaErr err = {{0}};
    char *path;
    CHECK(load_text("malos.ini",
                    "[plan]\n"                        /* 1 */
                    "anio = dos mil\n"                /* 2 */
                    "corte = 5\n"                     /* 3 */
                    "[semaforo]\n"                    /* 4 */
                    "verde = ochenta\n"               /* 5 */
                    "amarillo = 2000\n"               /* 6 */
                    "[consolidacion]\n"               /* 7 */
                    "regla = mediana\n"               /* 8 */
                    "tope = 0\n"                      /* 9 */
                    "[interfaz]\n"                    /* 10 */
                    "\n"                              /* 11 */
                    "colores = quizás\n"              /* 12 */
                    "[exportar]\n"                    /* 13 */
                    "papel = A3\n"                    /* 14 */
                    "orientacion = diagonal\n"        /* 15 */
                    "autor = \xff\xfe\n"              /* 16 */
                    "[PLAN]\n"                        /* 17 */
                    "; otra vez plan\n"               /* 18 */
                    "Corte = 0x2\n",                  /* 19 */
                    &c, &a, &err, &path));
    check_defaults(&c);
    CHECK_STR(c.origen, path);

    CHECK_AVISO(&a, path, 2, "[plan] anio = «dos mil»: se esperaba un año entre 1900 y 2200, o vacío; se usa el año más reciente de los datos");
    CHECK_AVISO(&a, path, 5, "[semaforo] verde = «ochenta»: se esperaba un número entre 0 y 1000; se usa 80");
    CHECK_AVISO(&a, path, 6, "[semaforo] amarillo = «2000»: se esperaba un número entre 0 y 1000; se usa 60");
    CHECK_AVISO(&a, path, 8, "[consolidacion] regla = «mediana»: se esperaba «media» o «ponderada»; se usa media");
    CHECK_AVISO(&a, path, 9, "[consolidacion] tope = «0»: se esperaba un número mayor que 0; se usa 100");
    CHECK_AVISO(&a, path, 12, "[interfaz] colores = «quizás»: se esperaba «si» o «no»; se usa si");
    CHECK_AVISO(&a, path, 14, "[exportar] papel = «A3»: se esperaba «A4», «carta» u «oficio»; se usa carta");
    CHECK_AVISO(&a, path, 15, "[exportar] orientacion = «diagonal»: se esperaba «horizontal» o «vertical»; se usa horizontal");
    /* Invalid bytes are shown as U+FFFD, never sent raw to the screen. */
    CHECK_AVISO(&a, path, 16, "[exportar] autor = «��»: no es texto UTF-8 válido (guarde el archivo como UTF-8); se usa «Departamento de Planificación y Desarrollo»");
    /* The repeated key: the later line (iniparser keeps the last value). */
    CHECK_AVISO(&a, path, 19, "[plan] corte = «0x2»: se esperaba un trimestre entre 1 y 4, o vacío; se usa el último corte con seguimiento");
    CHECK_AVISO(&a, path, 19, "[plan] corte repetida (ya estaba en la línea 3); vale esta");
    CHECK_INT(a.n, 11);
    /* Sorted by line. */
    for (int i = 1; i < a.n; i++) {
        int l0 = atoi(a.lineas[i - 1] + strlen(path) + 1);
        int l1 = atoi(a.lineas[i] + strlen(path) + 1);
        CHECK(l0 <= l1);
    }
    config_avisos_free(&a);
    CHECK_INT(a.n, 0);
    CHECK(a.lineas == NULL);
    free(path);
}

TEST(numeros_raros)
{
    static const char *const bad[] = {"80abc", "-5", "1001", "nan", "inf", "1e2", "80,5", "", "%"};
    for (size_t i = 0; i < POA_ARRAY_LEN(bad); i++) {
        char text[64];
        snprintf(text, sizeof text, "[semaforo]\nverde = %s\n", bad[i]);
        Config c;
        ConfigAvisos a = {0};
        PoaErr err = {{0}};
        CHECK(load_text("num.ini", text, &c, &a, &err, NULL));
        CHECK_INT(a.n, 1);
        if (a.n)
            CHECK_CONTAINS(a.lineas[0], ":2: [semaforo] verde = «");
        CHECK_DBL(c.umbrales.verde, 0.80, 1e-12);
        config_avisos_free(&a);
    }
    static const char *const bad_anio[] = {"1899", "2201", "2024.0", "02024x", "veinte"};
    for (size_t i = 0; i < POA_ARRAY_LEN(bad_anio); i++) {
        char text[64];
        snprintf(text, sizeof text, "[plan]\nanio = %s\n", bad_anio[i]);
        Config c;
        ConfigAvisos a = {0};
        PoaErr err = {{0}};
        CHECK(load_text("anio.ini", text, &c, &a, &err, NULL));
        CHECK_INT(a.n, 1);
        CHECK_INT(c.anio, 0);
        config_avisos_free(&a);
    }
}

TEST(amarillo_mayor_que_verde)
{
    Config c;
    ConfigAvisos a = {0};
    PoaErr err = {{0}};
    char *path;
    CHECK(load_text("orden.ini", "[semaforo]\nverde = 50\namarillo = 70\n", &c, &a, &err, &path));
    CHECK_INT(a.n, 1);
    char want[600];
    snprintf(want, sizeof want,
             "%s:3: [semaforo] amarillo (70) es mayor que verde (50): amarillo debe ser menor "
             "o igual; se usan verde = 80 y amarillo = 60", path);
    if (a.n)
        CHECK_STR(a.lineas[0], want);
    CHECK_DBL(c.umbrales.verde, 0.80, 1e-12);
    CHECK_DBL(c.umbrales.amarillo, 0.60, 1e-12);
    config_avisos_free(&a);
    free(path);

    /* Only amarillo given, above the default verde. */
    CHECK(load_text("orden2.ini", "[semaforo]\n\namarillo = 90\n", &c, &a, &err, NULL));
    CHECK_INT(a.n, 1);
    if (a.n)
        CHECK_CONTAINS(a.lineas[0], ":3: [semaforo] amarillo (90) es mayor que verde (80)");
    config_avisos_free(&a);

    /* Equal is allowed: no amarillo band at all. */
    CHECK(load_text("orden3.ini", "[semaforo]\nverde = 70\namarillo = 70\n", &c, &a, &err, NULL));
    CHECK_INT(a.n, 0);
    CHECK_DBL(c.umbrales.amarillo, 0.70, 1e-12);
    config_avisos_free(&a);
}

TEST(claves_desconocidas)
{
    Config c;
    ConfigAvisos a = {0};
    PoaErr err = {{0}};
    char *path;
    CHECK(load_text("typos.ini",
                    "suelta = 1\n"          /* 1 */
                    "[semaforo]\n"          /* 2 */
                    "verd = 90\n"           /* 3 */
                    "amarillo = 50\n"       /* 4 */
                    "[semafor]\n"           /* 5 */
                    "verde = 95\n"          /* 6 */
                    "[otra]\n",             /* 7 */
                    &c, &a, &err, &path));
    CHECK_AVISO(&a, path, 1, "clave desconocida «suelta» fuera de toda sección; se ignora");
    CHECK_AVISO(&a, path, 3, "[semaforo] clave desconocida «verd» (¿quiso decir «verde»?); se ignora");
    CHECK_AVISO(&a, path, 5, "sección desconocida [semafor] (¿quiso decir [semaforo]?); se ignora con todas sus claves");
    CHECK_AVISO(&a, path, 7, "sección desconocida [otra]; se ignora");
    CHECK_INT(a.n, 4);
    for (int i = 0; i < a.n; i++)
        if (a.n != 4)
            fprintf(stderr, "  aviso: %s\n", a.lineas[i]);
    CHECK_DBL(c.umbrales.verde, 0.80, 1e-12);
    CHECK_DBL(c.umbrales.amarillo, 0.50, 1e-12);
    config_avisos_free(&a);
    free(path);
}

TEST(texto_demasiado_largo)
{
    /* "a" + 200 × "ñ" = 401 bytes: fits iniparser's line, not our 256
     * bytes; the odd length puts byte 60 inside an "ñ". */
    StrBuf b = {0};
    sb_append(&b, "[institucion]\nnombre = a");
    for (int i = 0; i < 200; i++)
        sb_append(&b, "ñ");
    sb_append(&b, "\n[exportar]\nautor = ");
    for (int i = 0; i < 128; i++)
        sb_append(&b, "é");   /* 256 bytes: one too many */
    sb_append(&b, "\n");
    Config c;
    ConfigAvisos a = {0};
    PoaErr err = {{0}};
    CHECK(load_text("largo.ini", sb_str(&b), &c, &a, &err, NULL));
    CHECK_STR(c.institucion, "");
    CHECK_STR(c.autor, "Departamento de Planificación y Desarrollo");
    CHECK_INT(a.n, 2);
    CHECK(aviso_con(&a, ":2: [institucion] nombre = «añ") != NULL);
    CHECK(aviso_con(&a, "ñ…»: demasiado largo (401 bytes; máximo 255); se deja vacío") != NULL);
    CHECK(aviso_con(&a, ":4: [exportar] autor = «é") != NULL);
    CHECK(aviso_con(&a, "demasiado largo (256 bytes; máximo 255); se usa «Departamento") != NULL);
    /* Quoted values are cut at a character boundary. */
    for (int i = 0; i < a.n; i++)
        CHECK(strstr(a.lineas[i], "\xc3…") == NULL);
    config_avisos_free(&a);

    /* 127 × "é" = 254 bytes fits. */
    sb_clear(&b);
    sb_append(&b, "[exportar]\nautor = ");
    for (int i = 0; i < 127; i++)
        sb_append(&b, "é");
    CHECK(load_text("largo2.ini", sb_str(&b), &c, &a, &err, NULL));
    CHECK_INT(a.n, 0);
    CHECK_INT(strlen(c.autor), 254);
    config_avisos_free(&a);
    sb_free(&b);
}

TEST(archivo_explicito_inexistente)
{
    Config c;
    ConfigAvisos a = {0};
    PoaErr err = {{0}};
    c.anio = 1234;
    char *p = t_tmp("no-hay.ini");
    CHECK(!config_load(p, &c, &a, &err));
    char want[600];
    snprintf(want, sizeof want, "No existe el archivo de configuración «%s»", p);
    CHECK_STR(err.msg, want);
    check_defaults(&c);
    CHECK_STR(c.origen, "");
    CHECK_INT(a.n, 0);
    free(p);

    /* A folder is not a configuration file. */
    char *dir = t_tmp("una-carpeta");
    mkdir(dir, 0700);
    CHECK(!config_load(dir, &c, &a, &err));
    CHECK_CONTAINS(err.msg, "es una carpeta");
    free(dir);

    /* Unreadable (root reads anything, so only as a normal user). */
    if (geteuid() != 0) {
        char *p2 = t_write_text("cerrado.ini", "[plan]\ncorte = 2\n");
        chmod(p2, 0);
        CHECK(!config_load(p2, &c, &a, &err));
        CHECK_CONTAINS(err.msg, "No se pudo leer el archivo de configuración");
        CHECK_CONTAINS(err.msg, "permiso denegado");
        CHECK_INT(c.corte, 1);
        free(p2);
    }
}

TEST(busqueda_xdg_home_local)
{
    isolate();
    char *xdg = t_tmp("xdg");
    char *poa = t_tmp("xdg/poa");
    char *cwd = t_tmp("cwd");
    mkdir(xdg, 0700);
    mkdir(poa, 0700);
    mkdir(cwd, 0700);
    char *xdg_ini = t_write_text("xdg/poa/config.ini", "[institucion]\nnombre = Desde XDG\n");
    char *local = t_write_text("cwd/config.ini", "[institucion]\nnombre = Local\n");
    CHECK_INT(chdir(cwd), 0);

    Config c;
    ConfigAvisos a = {0};
    PoaErr err = {{0}};
    /* A trailing slash in XDG_CONFIG_HOME does not show in origen. */
    char *xdg_slash = xasprintf("%s/", xdg);
    setenv("XDG_CONFIG_HOME", xdg_slash, 1);
    CHECK(config_load(NULL, &c, &a, &err));
    CHECK_STR(c.institucion, "Desde XDG");
    CHECK_STR(c.origen, xdg_ini);
    free(xdg_slash);

    /* Without the XDG file: ./config.ini, named as found. */
    unlink(xdg_ini);
    CHECK(config_load(NULL, &c, &a, &err));
    CHECK_STR(c.institucion, "Local");
    CHECK_STR(c.origen, "config.ini");

    /* XDG unset (or relative, which XDG says to ignore): ~/.config/poa. */
    char *home = t_tmp("home");
    char *d1 = t_tmp("home/.config");
    char *d2 = t_tmp("home/.config/poa");
    mkdir(home, 0700);
    mkdir(d1, 0700);
    mkdir(d2, 0700);
    char *home_ini = t_write_text("home/.config/poa/config.ini", "[institucion]\nnombre = Desde HOME\n");
    setenv("HOME", home, 1);
    unsetenv("XDG_CONFIG_HOME");
    CHECK(config_load(NULL, &c, &a, &err));
    CHECK_STR(c.institucion, "Desde HOME");
    CHECK_STR(c.origen, home_ini);
    setenv("XDG_CONFIG_HOME", "relativa", 1);
    CHECK(config_load(NULL, &c, &a, &err));
    CHECK_STR(c.origen, home_ini);

    /* Last: the installed config.ini (share/poa), only when none of the
     * others exists. */
    char *inst = t_write_text("instalada.ini", "[institucion]\nnombre = Instalada\n");
    config_set_ruta_instalada(inst);
    CHECK(config_load(NULL, &c, &a, &err));
    CHECK_STR(c.origen, home_ini);        /* ~/.config still wins */
    unlink(home_ini);
    unlink(local);
    CHECK(config_load(NULL, &c, &a, &err));
    CHECK_STR(c.institucion, "Instalada");
    CHECK_STR(c.origen, inst);
    unlink(inst);
    CHECK(config_load(NULL, &c, &a, &err));
    CHECK_STR(c.origen, "");               /* none at all: the defaults */
    config_set_ruta_instalada("");
    free(inst);

    /* An explicit path wins over everything. */
    char *expl = t_write_text("explicito.ini", "[institucion]\nnombre = Explícito\n");
    CHECK(config_load(expl, &c, &a, &err));
    CHECK_STR(c.institucion, "Explícito");
    CHECK_INT(a.n, 0);
    config_avisos_free(&a);

    unsetenv("XDG_CONFIG_HOME");
    free(xdg); free(poa); free(cwd); free(xdg_ini); free(local);
    free(home); free(d1); free(d2); free(home_ini); free(expl);
}

/* Runs config_load on text with stderr sent to a file; returns what
 * reached stderr (caller frees). */
static char *load_capturing_stderr(const char *name, const char *text, Config *c, PoaErr *err,
                                   bool *ok, char **path_out)
{
    char *p = t_write_text(name, text);
    char *cap = t_tmp("stderr.txt");
    fflush(stderr);
    int saved = dup(2);
    int fd = open(cap, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, 2);
    close(fd);
    ConfigAvisos a = {0};
    *ok = config_load(p, c, &a, err);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    char *out = t_read_file(cap, NULL);
    config_avisos_free(&a);
    free(cap);
    *path_out = p;
    return out;
}

TEST(error_de_sintaxis_sin_stderr)
{
    static const struct { const char *text; int line; } cases[] = {
        {"[institucion]\nnombre = X\n[seccion\nclave = 1\n", 3},
        {"; comentario\n\n[plan]\nanio = 2024\nesto no es una clave\n", 5},
        {"[plan]\n= 2024\n", 2},
    };
    for (size_t i = 0; i < POA_ARRAY_LEN(cases); i++) {
        Config c;
        PoaErr err = {{0}};
        bool ok;
        char *path;
        char *out = load_capturing_stderr("sintaxis.ini", cases[i].text, &c, &err, &ok, &path);
        CHECK(!ok);
        CHECK_STR(out, "");
        char want[600];
        snprintf(want, sizeof want, "%s:%d: línea no válida «", path, cases[i].line);
        CHECK_CONTAINS(err.msg, want);
        check_defaults(&c);
        CHECK_STR(c.origen, "");
        free(out);
        free(path);
    }

    /* A line longer than iniparser's buffer rejects the whole file. */
    StrBuf b = {0};
    sb_append(&b, "[institucion]\nnombre = ");
    for (int i = 0; i < 1100; i++)
        sb_putc(&b, 'x');
    sb_append(&b, "\n");
    Config c;
    PoaErr err = {{0}};
    bool ok;
    char *path;
    char *out = load_capturing_stderr("larga.ini", sb_str(&b), &c, &err, &ok, &path);
    CHECK(!ok);
    CHECK_STR(out, "");
    char want[600];
    snprintf(want, sizeof want, "%s:2: línea demasiado larga", path);
    CHECK_CONTAINS(err.msg, want);
    check_defaults(&c);
    free(out);
    free(path);
    sb_free(&b);

    /* A UTF-8 byte order mark (Notepad writes one) is accepted: the first
     * line's section is read, line numbers still match, nothing on stderr. */
    ConfigAvisos av = {0};
    out = load_capturing_stderr("bom.ini",
                                "\xEF\xBB\xBF[plan]\nanio = 2024\ncorte = 9\n"
                                "[institucion]\nnombre = Caja Mutual de los Empleados\n",
                                &c, &err, &ok, &path);
    CHECK(ok);
    CHECK_STR(out, "");
    CHECK(c.anio == 2024);
    CHECK_STR(c.institucion, "Caja Mutual de los Empleados");
    free(out);
    CHECK(config_load(path, &c, &av, &err));
    CHECK(av.n == 1);
    if (av.n == 1) {
        char want3[600];
        snprintf(want3, sizeof want3, "%s:3: [plan] corte = «9»", path);
        CHECK_CONTAINS(av.lineas[0], want3);
    }
    config_avisos_free(&av);
    free(path);
}

TEST(continuacion_y_lineas)
{
    /* A '\' continuation joins lines; the key's line is where it starts
     * and later lines keep their numbers. */
    Config c;
    ConfigAvisos a = {0};
    PoaErr err = {{0}};
    CHECK(load_text("cont.ini",
                    "[institucion]\n"               /* 1 */
                    "nombre = Caja de \\\n"         /* 2 */
                    "Pensiones\n"                   /* 3 */
                    "[plan]\n"                      /* 4 */
                    "corte = 9\n",                  /* 5 */
                    &c, &a, &err, NULL));
    CHECK_STR(c.institucion, "Caja de Pensiones");
    CHECK_INT(a.n, 1);
    if (a.n)
        CHECK_CONTAINS(a.lineas[0], ":5: [plan] corte = «9»");
    config_avisos_free(&a);
}

int main(void)
{
    unsetenv("NO_COLOR");
    char buf[4096];
    origin_cwd = getcwd(buf, sizeof buf) ? strdup(buf) : NULL;
    RUN(defaults_sin_archivo);
    RUN(config_ini_distribuido);
    RUN(valores_buenos);
    RUN(colores_si_no);
    RUN(no_color);
    RUN(valores_malos);
    RUN(numeros_raros);
    RUN(amarillo_mayor_que_verde);
    RUN(claves_desconocidas);
    RUN(texto_demasiado_largo);
    RUN(archivo_explicito_inexistente);
    RUN(busqueda_xdg_home_local);
    RUN(error_de_sintaxis_sin_stderr);
    RUN(continuacion_y_lineas);
    /* Leave the temporary folders before testlib removes them. */
    if (origin_cwd && chdir(origin_cwd) != 0)
        perror(origin_cwd);
    free(origin_cwd);
    return t_finish();
}
