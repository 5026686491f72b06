% printf 'Body \377\376 bad \303 text.\n' | galley -f plain -t plain
>>> stdout
Body �� bad � text.
>>> stderr-contains
[WARNING] input: 3 invalid UTF-8 byte(s) replaced with U+FFFD, first at byte offset 5
