% printf 'One\n\nBody.\n' > a.txt && galley --output-dir out --to json,html_print --worker && ls out out/.galley
<<<
not json
{"input": "a.txt", "reader": "plain", "outputs": [{"format": "json", "path": "/tmp/evil.json", "status": "pending"}, {"format": "html_print", "path": "out/a.html", "status": "pending"}]}
{"input": "a.txt", "reader": "plain", "outputs": [{"format": "json", "path": "out/../a.json", "status": "pending"}, {"format": "html_print", "path": "out/a.html", "status": "pending"}]}
{"input": "a.txt", "reader": "html", "outputs": [{"format": "json", "path": "out/a.json", "status": "pending"}, {"format": "html_print", "path": "out/a.html", "status": "pending"}]}
{"input": "a.txt", "reader": "plain", "outputs": [{"format": "json", "path": "out/a.json", "status": "pending"}]}
{"input": "a.txt", "reader": "plain", "outputs": [{"format": "json", "path": "out/a.json", "status": "pending"}, {"format": "html_print", "path": "out/a.html", "status": "up-to-date"}]}
>>> stdout-contains
{"error":{"id":"galley.worker.request","message":"[galley.worker.request] not JSON:
output /tmp/evil.json is not a .json file below out
output out/../a.json is not a .json file below out
a.txt: the plan reads it as \"html\", these options as plain
a.txt: the plan has other formats
{"input":"a.txt","reader":"plain","status":"converted","outputs":[{"format":"json","path":"out/a.json","status":"written","bytes":
{"format":"html_print","path":"out/a.html","status":"up-to-date"}
a.json
a.json.source
