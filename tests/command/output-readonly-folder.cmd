% (galley -f json -t json -o /proc/galley-out.json; echo "status $?"); (galley -f json -t json -o missing-dir/out.json < /dev/null; echo "status $?")
<<<
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[]}
>>> stdout
status 4
status 3
>>> stderr-contains
[galley.io.write] cannot write /proc/galley-out.json
