% python3 -c 'import sys; sys.stdout.write("{\"pandoc-api-version\":[1,23,1],\"meta\":{},\"blocks\":[{\"t\":\"Para\",\"c\":[{\"t\":\"Str\",\"c\":\"" + "x"*(100*1024*1024))' | galley -f json -t json
>>> exit 3
>>> stderr-contains
[galley.json.parse]
