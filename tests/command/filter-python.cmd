% printf '#!/usr/bin/env python3\nimport json,sys\nfmt=sys.argv[1]\nd=json.load(sys.stdin)\nd["blocks"].append({"t":"Para","c":[{"t":"Str","c":"filtered-for-"+fmt}]})\njson.dump(d,sys.stdout)\n' > f.py && chmod +x f.py && galley -f json -t plain --filter ./f.py
<<<
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"Para","c":[{"t":"Str","c":"body"}]}]}
>>> stdout
body

filtered-for-plain
