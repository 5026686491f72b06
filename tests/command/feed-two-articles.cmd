% printf 'NEWS\nOlder headline\n\nOlder body.\n' > a.txt && printf 'NEWS\nNewer headline\n\nNewer body.\n' > b.txt && printf 'b.txt\n' > list && galley -t atom a.txt --manifest list -M date=2024-05-01 --quiet | grep -c '<entry' && galley -t rss a.txt b.txt --quiet | grep -c '<item>' && galley -t ninjs a.txt b.txt --quiet | head -c 1 && echo && galley -t ninjs a.txt --quiet | head -c 1 && echo && galley -t jats a.txt --manifest list -o x.xml
>>> stdout
2
2
[
{
>>> stderr-contains
batch mode
>>> exit 2
