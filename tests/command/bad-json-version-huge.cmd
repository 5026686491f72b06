% printf '%s\n' '{"pandoc-api-version":[1,255555555555555555555555555555555555552,2,1],"meta":{},"blocks":[]}' | galley -f json -t json; printf '%s\n' '{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"Header","c":[1e300,["",[],[]],[]]}]}' | galley -f json -t json
>>> exit 3
>>> stderr-contains
[galley.json.version] unsupported pandoc-api-version 1.-1 (galley reads 1.22 and 1.23)
expected an integer
