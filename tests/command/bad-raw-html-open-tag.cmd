# A raw HTML fragment that ends inside a tag would take in the text after it: "<scri" then
# the text 'pt src="x.js">' made a <script> tag in print HTML (found by the writers fuzzer).
# Such fragments are dropped with a warning; the text after them stays text.
% python3 -c 'import json; r=lambda t: {"t":"RawInline","c":["html",t]}; s=lambda t: {"t":"Str","c":t}; print(json.dumps({"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"Para","c":[r("<!--[if lt IE 9]><scri"),s("pt src=\"x.js\">"),r("<a href=\""),s("javascript:alert(1)\">x"),r("<b>"),s("ok"),r("</b>")]}]}))' > t.json && galley t.json -t html_print 2>err.txt | grep -o '<p>.*</p>' && grep -c 'ends inside a tag or comment' err.txt
>>> stdout
<p>pt src="x.js"&gt;javascript:alert(1)"&gt;x<b>ok</b></p>
2
