% printf 'Headline\n\nBody.\n' > a.txt && galley a.txt --output-dir out -t json,plain 2>/dev/null && galley a.txt --output-dir out -t json,plain 2>&1 | grep -o '0 converted.*'; galley a.txt --output-dir out -t json,plain --force 2>&1 | grep -o '1 converted.*'; touch -d '+1 minute' a.txt; galley a.txt --output-dir out -t json,plain 2>&1 | grep -o '1 converted.*'
>>> stdout
0 converted (0 with warnings), 1 up to date, 0 failed; 0 files written, 2 up to date
1 converted (0 with warnings), 0 up to date, 0 failed; 2 files written, 0 up to date
1 converted (0 with warnings), 0 up to date, 0 failed; 2 files written, 0 up to date
