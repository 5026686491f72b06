% printf '#!/bin/sh\necho oops >&2\nexit 3\n' > f.sh && chmod +x f.sh && galley -f json -t plain --filter ./f.sh
<<<
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[]}
>>> exit 5
>>> stderr-contains
[galley.filter.failed] filter ./f.sh failed (exit status 3): oops
