% printf '%s\n' '{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"Para","c":[{"t":"Str","c":"lone\ud800x \udc00y \ud83d\ude00"}]}]}' | galley -f json -t json
>>> stdout
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"Para","c":[{"t":"Str","c":"lone�x �y 😀"}]}]}
