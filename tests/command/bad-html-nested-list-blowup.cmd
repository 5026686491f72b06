% python3 -c 'print("<ol><div><h2>Head</h2>" * 40 + "x" + "</div></ol>" * 40)' > a.html && timeout 20 galley a.html -t json -o a.json && echo "converted" && python3 -c 'import json; d=json.load(open("a.json")); print(d["blocks"][0]["t"])'
>>> stdout
converted
OrderedList
