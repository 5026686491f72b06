% galley a.txt --output-dir out -j 0
>>> exit 2
>>> stderr-contains
--jobs must be 1 to 64
