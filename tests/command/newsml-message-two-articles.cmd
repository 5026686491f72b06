% printf 'NEWS\nFirst headline\n\nFirst body.\n' > a.txt && printf 'NEWS\nSecond headline\n\nSecond body.\n' > b.txt && galley -t newsml a.txt b.txt --quiet | grep -c -e '<newsMessage' -e '<newsItem ' && galley -t newsml a.txt --quiet | grep -c '<newsMessage'
>>> stdout
3
0
>>> exit 1
