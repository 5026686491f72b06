% galley -f json -o out.json && ls -A && cat out.json
<<<
{"pandoc-api-version":[1,22,2,1],"meta":{},"blocks":[]}
>>> stdout
out.json
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[]}
