% galley -f nope -t json
>>> exit 2
>>> stderr-contains
unknown input format 'nope'
