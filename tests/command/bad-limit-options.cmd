% (echo hi | galley -f plain -t plain --max-input-size abc; echo "status $?"); (echo hi | galley -f plain -t plain --max-input-size 1M; echo "status $?"); (echo hi | galley -f plain -t plain --max-nesting -5; echo "status $?")
>>> stdout
status 2
status 2
status 2
>>> stderr-contains
galley: [galley.cli.usage] option --max-input-size needs a number
galley: [galley.cli.usage] option --max-nesting needs a number, not '-5' (see galley --help)
