% printf 'x\n' | galley -f plain -t plain --encoding no-such-encoding
>>> exit 2
>>> stderr-contains
galley: [galley.plain.encoding] unknown input encoding 'no-such-encoding'
