% galley a.txt --to epub,jats
>>> exit 2
>>> stderr-contains
[galley.cli.usage] batch mode (a list in --to, or --manifest) needs --output-dir
