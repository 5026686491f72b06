% python3 -c 'print("{\"pandoc-api-version\":[1,23,1],\"meta\":{},\"blocks\":" + "["*10000 + "]"*10000 + "}")' | galley -f json -t json
>>> exit 3
>>> stderr-contains
[galley.json.shape] wrong shape at $.blocks[0]
