% echo '{"subject": "Xã hội", "keywords": ["a", "b"]}' > m.json && galley -f json -t json --metadata-file=m.json
<<<
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[]}
>>> stdout
{"pandoc-api-version":[1,23,1],"meta":{"keywords":{"t":"MetaList","c":[{"t":"MetaInlines","c":[{"t":"Str","c":"a"}]},{"t":"MetaInlines","c":[{"t":"Str","c":"b"}]}]},"subject":{"t":"MetaInlines","c":[{"t":"Str","c":"Xã"},{"t":"Space"},{"t":"Str","c":"hội"}]}},"blocks":[]}
