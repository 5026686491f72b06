% printf '<html><body><h1>T</h1><p><img src="http://127.0.0.1:9/r.png" alt="r"><img src="https://example.invalid/s.png" alt="s"><img src="//example.invalid/t.png" alt="t"></p></body></html>' > a.html && galley a.html -t html_print -o p.html && galley a.html -t epub3 -o e.epub && grep -o 'href="[^"]*"' p.html | sort -u
>>> stdout
href="//example.invalid/t.png"
href="http://127.0.0.1:9/r.png"
href="https://example.invalid/s.png"
>>> stderr-contains
[WARNING] remote image not fetched, written as a link: http://127.0.0.1:9/r.png
[WARNING] remote image not fetched, written as a link: https://example.invalid/s.png
[WARNING] epub: remote images are not fetched; each is replaced by a link (first: http://127.0.0.1:9/r.png)
