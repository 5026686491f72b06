% printf 'title: A headline\nauthor:\n  - Jane Doe\n  - name: Bo Li\n    email: bo@example.com\npublished: true\n' > m.yaml && galley -f json -t json --metadata-file=m.yaml
<<<
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[]}
>>> stdout
{"pandoc-api-version":[1,23,1],"meta":{"author":{"t":"MetaList","c":[{"t":"MetaInlines","c":[{"t":"Str","c":"Jane"},{"t":"Space"},{"t":"Str","c":"Doe"}]},{"t":"MetaMap","c":{"email":{"t":"MetaInlines","c":[{"t":"Str","c":"bo@example.com"}]},"name":{"t":"MetaInlines","c":[{"t":"Str","c":"Bo"},{"t":"Space"},{"t":"Str","c":"Li"}]}}}]},"published":{"t":"MetaBool","c":true},"title":{"t":"MetaInlines","c":[{"t":"Str","c":"A"},{"t":"Space"},{"t":"Str","c":"headline"}]}},"blocks":[]}
