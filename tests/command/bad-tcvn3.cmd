% printf 'Tiếng Việt có dấu\n' | iconv -f utf-8 -t TCVN | galley -f plain -t plain --encoding TCVN
>>> stdout
Tiếng Việt có dấu
