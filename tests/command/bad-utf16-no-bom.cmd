% printf 'Hi there\n' | iconv -f utf-8 -t utf-16le | galley -f plain -t plain
>>> stdout
Hi there
>>> stderr-contains
[WARNING] input: 9 NUL byte(s) removed, first at offset 1
