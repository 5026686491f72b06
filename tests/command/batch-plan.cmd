% mkdir -p in/x in/y && printf 'A\n' > in/x/a.txt && printf 'B\n' > in/y/a.txt && printf 'C\n' > in/c.txt && galley in/y/a.txt in/x/a.txt in/c.txt --to json,epub --output-dir out --plan | python3 -c "import json,sys; p=json.load(sys.stdin); print(p['formats'], p['shard'], p['inputs']); [print(a['input'], a['reader'], [(o['path'], o['status']) for o in a['outputs']]) for a in p['articles']]" && ls -A
>>> stdout
['json', 'epub3'] None 3
in/c.txt plain [('out/c.json', 'pending'), ('out/c.epub', 'pending')]
in/x/a.txt plain [('out/x/a.json', 'pending'), ('out/x/a.epub', 'pending')]
in/y/a.txt plain [('out/y/a.json', 'pending'), ('out/y/a.epub', 'pending')]
in
