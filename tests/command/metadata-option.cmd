% galley -f json -t json -M title=Hello -M draft -M lang=vi
<<<
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[]}
>>> stdout
{"pandoc-api-version":[1,23,1],"meta":{"draft":{"t":"MetaBool","c":true},"lang":{"t":"MetaString","c":"vi"},"title":{"t":"MetaString","c":"Hello"}},"blocks":[]}
