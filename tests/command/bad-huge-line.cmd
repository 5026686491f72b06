% python3 -c 'import sys; sys.stdout.write("x"*(32*1024*1024))' | galley -f plain -t plain | wc -c
>>> stdout
33554433
