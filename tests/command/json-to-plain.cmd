% galley -f json -t plain
<<<
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"Header","c":[1,["h",[],[]],[{"t":"Str","c":"Title"}]]},{"t":"Para","c":[{"t":"Str","c":"Hello"},{"t":"Space"},{"t":"Emph","c":[{"t":"Str","c":"world"}]},{"t":"Note","c":[{"t":"Para","c":[{"t":"Str","c":"note"}]}]}]}]}
>>> stdout
Title

Hello world[1]

[1] note
