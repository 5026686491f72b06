% printf 'Headline\n\nBody text.\n' > good.txt && printf '{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[' > bad.json && printf '{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[]}' > ok.json && galley good.txt bad.json ok.json nosuch.txt --to json -j 3 --output-dir out; echo "status $?"; ls out
>>> stdout
status 1
good.json
ok.json
>>> stderr-contains
galley: 4 articles in
2 converted (0 with warnings), 0 up to date, 2 failed; 2 files written, 0 up to date
  bad.json: [galley.json.parse]
  nosuch.txt: [galley.io.read] cannot read nosuch.txt
FAILED     bad.json
