# Turns a text file into a C array so the binary carries it (used for schema.sql).
# Usage: cmake -DIN=file -DOUT=file.c -DNAME=symbol -P embed.cmake
file(READ "${IN}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
file(WRITE "${OUT}.tmp" "/* Generated from ${IN}: do not edit. */\n"
     "const char ${NAME}[] = {${body}0x00};\n")
file(RENAME "${OUT}.tmp" "${OUT}")
