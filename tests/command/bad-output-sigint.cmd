% printf '#!/bin/sh\nsleep 3\ncat\n' > slow.sh && chmod +x slow.sh && printf '{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[]}\n' > in.json && timeout -s INT 1 galley in.json -t json --filter ./slow.sh -o out.json; echo "status $?"; python3 -c 'print("word "*5000000)' > big.txt && timeout -s INT 0.3 galley big.txt -t epub3 -o big.epub; sleep 3; ls -A
>>> stdout
status 124
big.txt
in.json
slow.sh
