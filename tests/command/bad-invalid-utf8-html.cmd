% printf '<p>a\377\376b</p>' | galley -f html -t plain
>>> stdout
a��b
>>> stderr-contains
invalid UTF-8 byte(s) replaced with U+FFFD
