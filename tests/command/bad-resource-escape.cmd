% mkdir -p in/img out && printf 'TOPSECRET-IMG' > out/secret.png && printf '\211PNG\r\n\032\n0000' > in/img/ok.png && ln -s ../../out/secret.png in/img/link.png && printf '<html><body><h1>T</h1><p><img src="../out/secret.png"><img src="%s/out/secret.png"><img src="file://%s/out/secret.png"><img src="%%2e%%2e/out/secret.png"><img src="%%252e%%252e/out/secret.png"><img src="img/link.png"><img src="img/%%2e%%2e/%%2e%%2e/out/secret.png"><img src="img/ok.png"></p></body></html>' "$PWD" "$PWD" > in/a.html && galley in/a.html -t html_print -o p.html && galley in/a.html -t epub3 -o e.epub && ! grep -c TOPSECRET p.html && ! unzip -p e.epub | grep -a -c TOPSECRET && grep -c 'data:image/png;base64,iVBORw0KGgowMDAw' p.html && unzip -l e.epub | grep -c 'media/.*\.png'
>>> stdout
0
0
1
1
>>> stderr-contains
[WARNING] refusing ../out/secret.png: outside the resource root
/out/secret.png: outside the resource root
[WARNING] refusing %2e%2e/out/secret.png: outside the resource root
[WARNING] could not find resource %252e%252e/out/secret.png
[WARNING] refusing img/link.png: outside the resource root
[WARNING] refusing img/%2e%2e/%2e%2e/out/secret.png: outside the resource root
