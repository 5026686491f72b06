% galley $FIXTURES/bad/scripts.html -t html_print -o p.html && galley $FIXTURES/bad/scripts.html -t epub3 -o e.epub && galley $FIXTURES/bad/scripts.html -t jats -o j.xml && galley $FIXTURES/bad/scripts.html -t json -o d.json && for f in p.html j.xml d.json; do echo "$f $(grep -c -i -E "<script|alert|[[:space:]]on[a-z]+=" $f)"; done; echo "epub $(unzip -p e.epub | grep -a -c -i -E "<script|alert|[[:space:]]on[a-z]+=")"; grep -c "Last paragraph" p.html
>>> stdout
p.html 0
j.xml 0
d.json 0
epub 0
1
