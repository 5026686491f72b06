% printf 'Việt Nam\n' | iconv -f utf-8 -t utf-16le | galley -f plain -t plain; printf 'Việt Nam\n' | iconv -f utf-8 -t utf-16le | galley -f plain -t plain --encoding utf-16le
>>> stdout
Việt Nam
Việt Nam
