% galley -f json -t plain --columns=20
<<<
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"Para","c":[{"t":"Str","c":"one"},{"t":"Space"},{"t":"Str","c":"two"},{"t":"Space"},{"t":"Str","c":"three"},{"t":"Space"},{"t":"Str","c":"four"},{"t":"Space"},{"t":"Str","c":"five"},{"t":"SoftBreak"},{"t":"Str","c":"six"}]}]}
>>> stdout
one two three four
five six
