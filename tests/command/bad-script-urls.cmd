% galley $FIXTURES/bad/script-urls.html -t html_print -o p.html && galley $FIXTURES/bad/script-urls.html -t epub3 -o e.epub && galley $FIXTURES/bad/script-urls.html -t jats -o j.xml && for f in p.html j.xml; do echo "$f $(grep -c -i -E "javascript|vbscript|alert" $f)"; done; echo "epub $(unzip -p e.epub | grep -a -c -i -E "javascript|vbscript|alert")"
>>> stdout
p.html 0
j.xml 0
epub 0
