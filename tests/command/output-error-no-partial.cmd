% (galley -f json -t json -o out.json; echo "status $?"); ls -A
<<<
{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[
>>> stdout
status 3
