% printf '{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"Para","c":[{"t":"Str","c":"Body"}]}]}' > a.json && galley package a.json --to json -o bag --quiet && sed -i 's/Body/Bodz/' bag/data/article.json && rm bag/data/provenance.json; galley package --validate bag; echo "status $?"
>>> stdout-contains
bag: INVALID bag, 5 problems:
  missing-file: data/provenance.json is listed in manifest-sha256.txt but missing from the bag
  changed-file: data/article.json has changed: its sha256 is
  payload-oxum: Payload-Oxum is
status 1
>>> stderr-contains
[galley.bag.invalid] bag is not a valid bag (5 problems)
