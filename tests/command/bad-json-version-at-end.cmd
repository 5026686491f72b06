% printf '%s' '{"pandoc-api-version":' | galley -f json -t json
>>> exit 3
>>> stderr-contains
unexpected end of input
