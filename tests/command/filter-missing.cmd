% galley -f json -t plain --filter ./does-not-exist
<<<
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[]}
>>> exit 5
>>> stderr-contains
[galley.filter.failed]
