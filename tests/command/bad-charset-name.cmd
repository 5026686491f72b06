% printf '<html><head><meta charset="utf\377\377-8"></head><body><p>caf\351 \375\275\275\275\275\275 ok</p></body></html>' > a.html && galley a.html -t json -o a.json && python3 -c 'import json,sys; d=json.load(open("a.json","rb")); print("valid UTF-8 JSON")' && galley a.html -t plain 2>err.txt; python3 -c 'open("err.txt","rb").read().decode("utf-8"); print("messages are UTF-8")'
>>> stdout
valid UTF-8 JSON
caf� ������ ok
messages are UTF-8
>>> stderr-contains
encoding '(not an encoding name)' is not supported; reading as UTF-8
