/* main.c — argument parsing and subcommands; the only place that calls exit(). */
#include <stdio.h>
int main(void) { puts("poa " POA_VERSION); return 0; }
