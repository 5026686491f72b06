% galley -f json -t json -o /dev/null && test -c /dev/null && echo still-a-device
<<<
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[]}
>>> stdout
still-a-device
