% script -qec "$GALLEY -f json -t epub /dev/null" /dev/null | tr -d '\r'
>>> stdout-contains
not writing binary epub3 output to a terminal
