% galley -f plain -t json < /dev/null; galley -f html -t json < /dev/null; (galley -f json -t json < /dev/null; echo "status $?")
>>> stdout
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[]}
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[]}
status 3
>>> stderr-contains
[WARNING] -: no text
galley: [galley.json.parse] malformed JSON at byte 0: unexpected end of input
