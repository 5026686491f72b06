% python3 -c 'import json; print(json.dumps({"pandoc-api-version":[1,23,1],"meta":{"title":{"t":"MetaInlines","c":[{"t":"Str","c":"T"}]}},"blocks":[{"t":"Header","c":[1,["dup",[],[]],[{"t":"Str","c":"A"}]]},{"t":"Header","c":[1,["dup",[],[]],[{"t":"Str","c":"B"}]]},{"t":"Para","c":[{"t":"Span","c":[["1 bad id<&\"",[],[]],[{"t":"Str","c":"x"}]]},{"t":"Link","c":[["",[],[]],[{"t":"Str","c":"go"}],["#dup",""]]}]},{"t":"Div","c":[["dup",[],[]],[{"t":"Para","c":[{"t":"Str","c":"z"}]}]]}]}))' > ids.json && galley ids.json -t jats -o j.xml && xmllint --noout j.xml && grep -o ' id="[^"]*"' j.xml && galley ids.json -t html_print | grep -o ' id="[^"]*"' && galley ids.json -t epub3 -o e.epub && unzip -p e.epub EPUB/ch001.xhtml EPUB/ch002.xhtml | xmllint --noout - 2>/dev/null; unzip -p e.epub EPUB/ch001.xhtml EPUB/ch002.xhtml | grep -o ' id="[^"]*"'
>>> stdout
 id="dup"
 id="dup-1"
 id="id-1-bad-id---"
 id="dup-2"
 id="dup"
 id="dup-1"
 id="id-1-bad-id---"
 id="dup-2"
 id="dup"
 id="dup-1"
 id="id-1-bad-id---"
 id="dup-2"
>>> stderr-contains
[WARNING] id "dup" written as "dup-1"
[WARNING] id "1 bad id<&"" written as "id-1-bad-id---"
[WARNING] epub: 3 identifier(s) changed to be unique, valid XML names
