% head -c 5000 /dev/zero | tr '\0' x > in.txt && galley in.txt -t plain --max-input-size 1000
>>> exit 3
>>> stderr-contains
galley: [galley.io.too-large] in.txt is larger than the input limit of 1000 bytes (--max-input-size)
