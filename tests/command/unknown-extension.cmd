% galley -f json+bogus -t json
>>> exit 2
>>> stderr-contains
the extension 'bogus' is not supported for json
