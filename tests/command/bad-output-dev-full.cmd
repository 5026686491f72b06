% python3 -c 'print("word "*100000)' > in.txt && (galley in.txt -t plain > /dev/full; echo "big status $?"); (echo small | galley -f plain -t plain > /dev/full; echo "small status $?")
>>> stdout
big status 4
small status 4
>>> stderr-contains
[galley.io.write] cannot write standard output
