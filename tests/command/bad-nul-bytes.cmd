% printf 'a\000b c\000\n' | galley -f plain -t plain
>>> stdout
ab c
>>> stderr-contains
[WARNING] input: 2 NUL byte(s) removed, first at offset 1
