% python3 -c 'print("<html><body><h1>T</h1><p title=\"" + "t"*2000000 + "\" class=\"" + "c "*200000 + "\"><a href=\"https://example.org/" + "p"*1000000 + "\">link</a> text</p></body></html>")' > a.html && galley a.html -t jats -o j.xml && xmllint --noout --huge j.xml && galley a.html -t epub3 -o e.epub && unzip -p e.epub EPUB/ch001.xhtml | xmllint --noout --huge - && galley a.html -t html_print | grep -c "text</p>"
>>> stdout
1
