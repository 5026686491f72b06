% mkdir -p in/sub && printf 'One\n\nBody one.\n' > in/one.txt && printf '<html><head><title>Two</title></head><body><article><h1>Two</h1><p>Body <img src="http://example.com/x.png"> two.</p></article></body></html>' > in/sub/two.html && printf '# articles\none.txt\n\n  sub/two.html  \n' > in/list && galley --manifest in/list -f html+extract --to json --output-dir out --report r.json -j 1 2>/dev/null; echo "status $?"; python3 -c "import json; r=json.load(open('r.json')); print(r['summary']['articles'], r['summary']['converted'], r['formats']); [print(a['input'], a['reader'], a['status'], [o['path'] for o in a['outputs']], sorted(a['warnings']['by-kind'])) for a in r['articles']]"
>>> stdout
status 0
2 2 ['json']
in/one.txt plain converted ['out/one.json'] []
in/sub/two.html html+extract converted ['out/two.json'] []
