/* ui.h — the terminal interface's entry points for main.c: run the
 * interface on a file, and print the key table as markdown (docs/keys.md). */
#ifndef POA_UI_H
#define POA_UI_H

#include <stdio.h>

#include "cli.h"
#include "config.h"

/* Opens path (which must exist) and runs the interface until the analyst
 * quits; returns the exit code. Messages before the screen opens go to
 * stderr. config.ini's warnings (avisos) are shown in the status line at
 * start and printed to stderr when the session ends. */
int ui_run(const char *path, const Args *a, const Config *cfg, const ConfigAvisos *avisos);
/* The key table as markdown, exactly as committed in docs/keys.md. */
void ui_keys_markdown(FILE *out);

#endif
