% printf 'A\n' > a.txt && printf 'B\n' > b.txt && galley a.txt b.txt --to json --output-dir out --quiet 2>/dev/null && printf 'B2\n' > b.txt && galley a.txt b.txt --to json --output-dir out --plan | python3 -c "import json,sys; p=json.load(sys.stdin); [print(a['input'], a['outputs'][0]['status'], a.get('up-to-date', {}).get('status')) for a in p['articles']]"
>>> stdout
a.txt up-to-date up-to-date
b.txt pending None
