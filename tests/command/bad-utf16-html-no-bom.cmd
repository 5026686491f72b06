% printf '<p>Hi there</p>' | iconv -f utf-8 -t utf-16le | galley -f html -t plain; printf '<p>Việt Nam</p>' | iconv -f utf-8 -t utf-16le | galley -f html -t plain --encoding utf-16le
>>> stdout
Hi there
Việt Nam
