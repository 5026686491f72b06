% printf 'Headline\n\nBody.\n' > a.txt && galley a.txt --output-dir out -t json,plain 2>/dev/null && galley a.txt --output-dir out -t json,plain 2>&1 | grep -o '0 converted.*'; galley a.txt --output-dir out -t json,plain --force 2>&1 | grep -o '1 converted.*'; touch -d '+1 minute' a.txt; galley a.txt --output-dir out -t json,plain 2>&1 | grep -o '0 converted.*'; touch -d '-1 hour' a.txt out/a.json; galley a.txt --output-dir out -t json,plain 2>&1 | grep -o '0 converted.*'; printf 'More.\n' >> a.txt; galley a.txt --output-dir out -t json,plain 2>&1 | grep -o '1 converted.*'; galley a.txt --output-dir out -t json,plain -M lang=de 2>&1 | grep -o '1 converted.*'; galley a.txt --output-dir out -t json,plain -M lang=de 2>&1 | grep -o '0 converted.*'; echo edited > out/a.txt; galley a.txt --output-dir out -t json,plain -M lang=de 2>&1 | grep -o '1 converted.*'; cp -rp out copy && galley a.txt --output-dir copy -t json,plain -M lang=de 2>&1 | grep -o '0 converted.*'; ls -A out; ls out/.galley
>>> stdout
0 converted (0 with warnings), 1 up to date, 0 failed; 0 files written, 2 up to date
1 converted (0 with warnings), 0 up to date, 0 failed; 2 files written, 0 up to date
0 converted (0 with warnings), 1 up to date, 0 failed; 0 files written, 2 up to date
0 converted (0 with warnings), 1 up to date, 0 failed; 0 files written, 2 up to date
1 converted (0 with warnings), 0 up to date, 0 failed; 2 files written, 0 up to date
1 converted (0 with warnings), 0 up to date, 0 failed; 2 files written, 0 up to date
0 converted (0 with warnings), 1 up to date, 0 failed; 0 files written, 2 up to date
1 converted (0 with warnings), 0 up to date, 0 failed; 1 files written, 1 up to date
0 converted (0 with warnings), 1 up to date, 0 failed; 0 files written, 2 up to date
.galley
a.json
a.txt
a.json.source
a.txt.source
