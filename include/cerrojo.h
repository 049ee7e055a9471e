/* cerrojo.h — one writer per plan file: a lock file beside the plan
 * ("plan.db.poa-lock") held with fcntl() for as long as a program writes it.
 *
 * The kernel drops an fcntl lock when its process dies, so a lock left by a
 * crash (kill -9, power cut) is taken over by the next program without any
 * question. The file says who holds it (usuario, host, pid, hora, programa)
 * so the others can tell the analyst. A folder where no lock file can be
 * created (read-only) gets no lock: the file can then only be read anyway.
 * The lock is advisory: store.c's compare-and-set saves guard the data even
 * against a program that ignores it (another machine, an older poa). */
#ifndef POA_CERROJO_H
#define POA_CERROJO_H

#include <stdbool.h>

#include "util.h"

typedef struct Cerrojo Cerrojo;

typedef enum {
    CERROJO_TOMADO = 0,   /* this process holds it */
    CERROJO_AJENO,        /* another live process holds it: err says who */
    CERROJO_IMPOSIBLE,    /* no lock file can exist there (read-only folder) */
} CerrojoEstado;

/* Who holds a lock, as its file says. */
typedef struct {
    char usuario[64];
    char host[128];
    long pid;
    char hora[6];         /* "14:05" */
    char programa[32];    /* "interfaz", "importar", "seguimiento"… */
} CerrojoDueno;

/* The lock file of the plan at db_path; caller frees. */
char *cerrojo_ruta(const char *db_path);

/* Tries once to take the lock of db_path for programa. TOMADO: *out holds
 * it (free it with cerrojo_soltar). AJENO: *dueno (may be NULL) says who
 * holds it and err has "solo lectura — abierto por ana en pc-01 desde
 * 14:05". IMPOSIBLE: err says why; the caller goes on without a lock. */
CerrojoEstado cerrojo_tomar(const char *db_path, const char *programa, Cerrojo **out,
                            CerrojoDueno *dueno, PoaErr *err);
/* Releases the lock and removes its file (clean exit). Accepts NULL. */
void cerrojo_soltar(Cerrojo *c);

/* "solo lectura — abierto por ana en pc-01 desde 14:05" (buf: 300 bytes). */
const char *cerrojo_motivo(const CerrojoDueno *d, char *buf, size_t n);

/* The process-wide lock the CLI and the interface use: fcntl locks belong
 * to the process, so one path is locked once and kept until
 * cerrojo_proceso_soltar() or exit. Taking a path this process already
 * holds succeeds at once. */
CerrojoEstado cerrojo_proceso(const char *db_path, const char *programa, CerrojoDueno *dueno,
                              PoaErr *err);
void cerrojo_proceso_soltar(void);

#endif
