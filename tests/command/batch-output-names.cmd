% mkdir -p r/a/x r/b/x r/c && for d in a/x b/x c; do printf '<p>%s</p>\n' $d > r/$d/source.html; done && printf 'Hello\n' > r/d.txt && printf '<p>d</p>' > r/d.html && printf 'Solo\n' > r/solo.txt && galley r/*/x/source.html r/c/source.html r/d.txt r/d.html r/solo.txt --output-dir out --to json,plain -j 2 2>err; echo "status $?"; cd out && find . -path './.g*' -prune -o -type f -print | LC_ALL=C sort; ls -A | head -1; find .g* -type f | wc -l
>>> stdout
status 0
./a/x/source.json
./a/x/source.txt
./b/x/source.json
./b/x/source.txt
./c/source.json
./c/source.txt
./d.html.json
./d.html.txt
./d.txt.json
./d.txt.txt
./solo.json
./solo.txt
.galley
12
