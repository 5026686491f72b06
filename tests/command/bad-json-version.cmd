% galley -f json -t json
<<<
{"pandoc-api-version":[1,20],"meta":{},"blocks":[]}
>>> exit 3
>>> stderr-contains
[galley.json.version] unsupported pandoc-api-version 1.20
