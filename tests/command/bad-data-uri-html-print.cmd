% galley $FIXTURES/bad/data-uris.html -t html_print -o p.html && grep -o 'src="data:[^;,]*' p.html
>>> stdout
src="data:image/png
src="data:image/gif
>>> stderr-contains
[WARNING] malformed data: URI image dropped (alt text kept)
