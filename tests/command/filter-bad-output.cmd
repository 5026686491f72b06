% printf '#!/bin/sh\ncat >/dev/null\necho not json\n' > f.sh && chmod +x f.sh && galley -f json -t plain --filter ./f.sh
<<<
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[]}
>>> exit 5
>>> stderr-contains
[galley.filter.output]
