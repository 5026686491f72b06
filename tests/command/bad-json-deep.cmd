% python3 -c 'n=10000; print("{\"pandoc-api-version\":[1,23,1],\"meta\":{},\"blocks\":[" + "{\"t\":\"BlockQuote\",\"c\":["*n + "]}"*n + "]}")' | galley -f json -t json
>>> exit 3
>>> stderr-contains
[galley.json.depth] nesting deeper than 1000
