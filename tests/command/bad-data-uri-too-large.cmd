% python3 -c 'import base64; open("big.html","w").write("<p>x <img alt=\"big\" src=\"data:image/png;base64,"+base64.b64encode(b"\x89PNG\r\n\x1a\n"+b"\0"*(65<<20)).decode()+"\"></p>")' && galley big.html -t html_print | grep -c 'data:image'
>>> exit 1
>>> stdout
0
>>> stderr-contains
too large
