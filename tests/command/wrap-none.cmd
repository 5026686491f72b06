% galley -f json -t plain --wrap=none --columns=5
<<<
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"Para","c":[{"t":"Str","c":"one"},{"t":"Space"},{"t":"Str","c":"two"},{"t":"SoftBreak"},{"t":"Str","c":"three"}]}]}
>>> stdout
one two three
