/* fuzz_config.c — libFuzzer target: arbitrary bytes as config.ini through
 * config_load (iniparser and every value check of config.c). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    if (!path[0])
        snprintf(path, sizeof path, "/tmp/poa-fuzz-config-%ld.ini", (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
    Config c;
    ConfigAvisos av = {0};
    PoaErr err = {{0}};
    config_load(path, &c, &av, &err);
    config_avisos_free(&av);
    return 0;
}
