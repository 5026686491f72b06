% printf 'Việt Nam\n' | iconv -f utf-8 -t utf-16le | (printf '\377\376'; cat) | galley -f plain -t plain && printf 'Việt Nam\n' | iconv -f utf-8 -t utf-16be | (printf '\376\377'; cat) | galley -f plain -t plain
>>> stdout
Việt Nam
Việt Nam
