% galley -f json -t json
<<<
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"Para","c":[{"t":"Str","c":42}]}]}
>>> exit 3
>>> stderr-contains
$.blocks[0].c[0].c
