% printf '%s' '{"pandoc-api-version":[1,23,1],"meta":{"title":{"t":"MetaInlines","c":[{"t":"Str","c":"T"}]}},"blocks":[{"t":"Para","c":[{"t":"Span","c":[["s",["c"],[["onclick","alert(1)"],["style","x:url(javascript:alert(2))"],["href","javascript:alert(3)"],["data-x","javascript:alert(4)"]]],[{"t":"Str","c":"x"}]]},{"t":"Link","c":[["",[],[["onmouseover","alert(5)"]]],[{"t":"Str","c":"l"}],["\u0001javascript:alert(6)",""]]},{"t":"Link","c":[["",[],[]],[{"t":"Str","c":"m"}],["java\tscript:alert(7)",""]]},{"t":"Image","c":[["",[],[]],[{"t":"Str","c":"i"}],["JAVASCRIPT:alert(8)",""]]}]}]}' > a.json && galley a.json -t html_print -o p.html && galley a.json -t epub3 -o e.epub && galley a.json -t jats -o j.xml && echo "html_print $(grep -c alert p.html)" && echo "epub $(unzip -p e.epub | grep -a -c alert)" && echo "jats $(grep -c alert j.xml)"
>>> stdout
html_print 0
epub 0
jats 0
>>> stderr-contains
[WARNING] event handler attribute "onclick" dropped
[WARNING] attribute "href" with a script URL dropped
[WARNING] script URL in a link dropped (link text kept)
