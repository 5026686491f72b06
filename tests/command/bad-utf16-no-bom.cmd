% printf 'Hi there\n' | iconv -f utf-8 -t utf-16le | galley -f plain -t plain
>>> stdout
Hi there
>>> stderr-contains
[WARNING] input: no BOM but the NUL bytes look like UTF-16LE; decoding as UTF-16LE
