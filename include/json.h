/* json.h — JSON text for the --json outputs: escaped strings (control
 * characters, invalid UTF-8 and U+2028/2029 as \\u escapes) and fields. */
#ifndef POA_JSON_H
#define POA_JSON_H

#include "util.h"

/* "text" with JSON escapes; NULL writes null. */
void json_string(StrBuf *b, const char *s);
/* , "key": "value" (key is a constant, written as is). */
void json_field(StrBuf *b, const char *key, const char *value);

#endif
