% galley -f json -t plain --wrap=preserve
<<<
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"Para","c":[{"t":"Str","c":"one"},{"t":"SoftBreak"},{"t":"Str","c":"two"}]}]}
>>> stdout
one
two
