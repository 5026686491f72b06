% printf '<p>Việt Nam</p>' | iconv -f utf-8 -t utf-16le | (printf '\377\376'; cat) | galley -f html -t plain
>>> stdout
Việt Nam
