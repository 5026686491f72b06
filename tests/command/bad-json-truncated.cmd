% galley -f json -t json
<<<
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[
>>> exit 3
>>> stderr-contains
[galley.json.parse]
