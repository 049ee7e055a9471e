/* respaldo.h — the backup files of a plan: their names (sorted by time and
 * saying why each was made), the newest one, and keeping the last N. Plain
 * files only; the copy itself is db_respaldo() in db.c (SQLite's backup API). */
#ifndef POA_RESPALDO_H
#define POA_RESPALDO_H

#include <stdbool.h>

/* Default of [respaldos] conservar: backups kept per plan file (0 = all). */
#define RESPALDO_CONSERVAR 10

/* The folder backups of plan go to: carpeta, or the plan's own folder when
 * carpeta is NULL or "". Caller frees. */
char *respaldo_dir(const char *plan, const char *carpeta);
/* A name that does not exist yet, "DIR/plan.db.20261201-213000.MOTIVO.bak"
 * (a "_NN" after the time when two are made in the same second). motivo is
 * one word: importar, corte3, migracion-v1, manual… Caller frees. */
char *respaldo_nuevo_nombre(const char *plan, const char *carpeta, const char *motivo);
/* Whether name (a file name, no folder) is a backup of the plan whose file
 * name is base; *clave gets its sort key (time, then sequence). Older
 * "plan.db.vN-YYYYmmdd-HHMMSS.bak" migration backups count too. */
bool respaldo_es_de(const char *name, const char *base, char clave[32]);
/* The newest backup of plan in its backup folder, or NULL. Caller frees. */
char *respaldo_ultimo(const char *plan, const char *carpeta);
/* Removes the oldest backups of plan beyond the newest conservar (0 keeps
 * all). Returns how many were removed. */
int respaldo_podar(const char *plan, const char *carpeta, int conservar);

/* Removes what a backup killed half-way left in the backup folder: the
 * plan's "….bak.tmp-XXXXXX" not locked by a live writer, and SQLite's
 * "-journal" beside it. Returns how many files were removed. */
int respaldo_limpiar(const char *plan, const char *carpeta);

#endif
