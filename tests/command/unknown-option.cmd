% galley --frobnicate
>>> exit 2
>>> stderr-contains
unknown option --frobnicate
