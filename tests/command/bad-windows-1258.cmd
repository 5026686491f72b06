% printf 'Tiếng Việt có dấu\n' | iconv -f utf-8 -t windows-1258 | galley -f plain -t plain --encoding windows-1258
>>> stdout
Tiếng Việt có dấu
