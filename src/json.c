/* json.c — writing JSON text for the --json outputs (verificar, historial):
 * strings escaped so any reader takes them, and "key": value fields. */
#include "json.h"

#include <stdint.h>
#include <string.h>

#include "u8.h"

void json_string(StrBuf *b, const char *s)
{
    if (!s) {
        sb_append(b, "null");
        return;
    }
    sb_putc(b, '"');
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            switch (c) {
            case '"': sb_append(b, "\\\""); break;
            case '\\': sb_append(b, "\\\\"); break;
            case '\n': sb_append(b, "\\n"); break;
            case '\r': sb_append(b, "\\r"); break;
            case '\t': sb_append(b, "\\t"); break;
            case '\b': sb_append(b, "\\b"); break;
            case '\f': sb_append(b, "\\f"); break;
            default:
                if (c < 0x20 || c == 0x7f)
                    sb_appendf(b, "\\u%04x", c);
                else
                    sb_putc(b, (char)c);
            }
            i++;
            continue;
        }
        uint32_t cp;
        int len = u8_decode(s + i, n - i, &cp);
        if (cp == 0xFFFD || cp == 0x2028 || cp == 0x2029) {
            /* invalid bytes decode as U+FFFD; the line separators break
             * JavaScript readers of "JSON" */
            sb_appendf(b, "\\u%04x", cp);
        } else {
            sb_appendn(b, s + i, (size_t)len);
        }
        i += (size_t)len;
    }
    sb_putc(b, '"');
}

void json_field(StrBuf *b, const char *key, const char *value)
{
    sb_appendf(b, ", \"%s\": ", key);
    json_string(b, value);
}
