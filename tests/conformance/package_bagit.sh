#!/usr/bin/env bash
# Archival packages (issue 8): a BagIt 1.0 bag per example article, as a folder,
# a .zip and a .tar. Each bag validates with `galley package --validate` AND
# with an independent check written here in bash (every checksum recomputed
# with sha256sum/sha512sum, completeness both ways, Payload-Oxum summed by
# hand, the tag manifest). Bags are reproducible with SOURCE_DATE_EPOCH. Each
# kind of damage (missing file, changed byte, extra file, bad Payload-Oxum,
# bad tag manifest, not a bag, truncated archive) is caught with its message.
set -u
source "$(dirname "$0")/lib.sh"
need sha256sum sha512sum unzip tar cmp python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1700000000
failures=0
bad() { echo "FAIL: $*"; failures=$((failures + 1)); }

# independent_check BAGDIR: no galley code involved.
independent_check() {
  local bag=$1 rc=0 alg col listed actual bytes count oxum
  [ -f "$bag/bagit.txt" ] || { echo "  $bag: no bagit.txt"; return 1; }
  grep -qx 'BagIt-Version: 1.0' "$bag/bagit.txt" || { echo "  bagit.txt: no BagIt-Version: 1.0"; rc=1; }
  grep -qx 'Tag-File-Character-Encoding: UTF-8' "$bag/bagit.txt" || { echo "  bagit.txt: no encoding"; rc=1; }
  actual=$(cd "$bag" && find data -type f | LC_ALL=C sort)
  for alg in sha256 sha512; do
    [ -f "$bag/manifest-$alg.txt" ] || { echo "  no manifest-$alg.txt"; rc=1; continue; }
    (cd "$bag" && "${alg}sum" --quiet --strict -c "manifest-$alg.txt") || { echo "  manifest-$alg.txt: checksum mismatch"; rc=1; }
    listed=$(sed 's/^[0-9a-f]*  //' "$bag/manifest-$alg.txt" | LC_ALL=C sort)
    [ "$listed" = "$actual" ] || { echo "  manifest-$alg.txt does not list exactly the payload"; rc=1; }
  done
  (cd "$bag" && sha256sum --quiet --strict -c tagmanifest-sha256.txt) || { echo "  tagmanifest-sha256.txt mismatch"; rc=1; }
  for f in bagit.txt bag-info.txt manifest-sha256.txt manifest-sha512.txt; do
    grep -q "  $f\$" "$bag/tagmanifest-sha256.txt" || { echo "  tagmanifest-sha256.txt lacks $f"; rc=1; }
  done
  bytes=0 count=0
  while IFS= read -r -d '' f; do
    bytes=$((bytes + $(stat -c %s "$f")))
    count=$((count + 1))
  done < <(find "$bag/data" -type f -print0)
  oxum=$(sed -n 's/^Payload-Oxum: //p' "$bag/bag-info.txt")
  [ "$oxum" = "$bytes.$count" ] || { echo "  Payload-Oxum $oxum, payload $bytes.$count"; rc=1; }
  return $rc
}

# expect_invalid BAG STATUS MESSAGE: galley rejects BAG with STATUS and MESSAGE.
expect_invalid() {
  local bag=$1 status=$2 msg=$3 out rc
  out=$("$GALLEY" package --validate "$bag" 2>&1)
  rc=$?
  if [ "$rc" != "$status" ]; then bad "validate $bag: exit $rc, expected $status"; echo "$out"; return; fi
  if ! grep -qF -- "$msg" <<<"$out"; then bad "validate $bag: no message '$msg'"; echo "$out"; return; fi
  echo "ok: $(basename "$bag") rejected: $(grep -F -- "$msg" <<<"$out" | head -1 | sed 's/^ *//')"
}

n=0
for src in "$SHARED"/examples/plain/*.txt; do
  name=$(basename "$src" .txt)
  for kind in folder zip tar; do
    case $kind in folder) out="$tmp/$name" ;; *) out="$tmp/$name.$kind" ;; esac
    if ! "$GALLEY" package --quiet "$src" -o "$out"; then bad "package $src -> $kind failed"; continue; fi
    if ! v=$("$GALLEY" package --validate "$out"); then bad "galley rejects its own bag $out"; echo "$v"; continue; fi
    dir=$out
    if [ "$kind" != folder ]; then
      mkdir -p "$tmp/x-$kind" && dir="$tmp/x-$kind/$name"
      rm -rf "$dir"
      if [ "$kind" = zip ]; then unzip -q "$out" -d "$tmp/x-$kind"; else tar -xf "$out" -C "$tmp/x-$kind"; fi
      [ -d "$dir" ] || { bad "$out has no single top-level folder $name/"; continue; }
    fi
    independent_check "$dir" || { bad "independent check of $out"; continue; }
    cmp -s "$src" "$dir/data/source/$(basename "$src")" || bad "$out: the source is not byte for byte"
    for f in article.xml article.epub article.html article.json provenance.json; do
      [ -s "$dir/data/$f" ] || bad "$out: data/$f missing or empty"
    done
    grep -qx 'Bagging-Date: 2023-11-14' "$dir/bag-info.txt" || bad "$out: Bagging-Date is not SOURCE_DATE_EPOCH's"
    grep -q '^Bag-Software-Agent: galley [0-9]' "$dir/bag-info.txt" || bad "$out: no Bag-Software-Agent"
    grep -q '^External-Identifier: .' "$dir/bag-info.txt" || bad "$out: no External-Identifier"
    grep -q '^External-Description: .' "$dir/bag-info.txt" || bad "$out: no External-Description (title)"
    python3 - "$dir/data/provenance.json" "$(sha256sum <"$src" | cut -d' ' -f1)" <<'EOF' || bad "$out: provenance.json"
import json, sys
p = json.load(open(sys.argv[1]))
assert p["source"]["sha256"] == sys.argv[2], "input sha256"
assert p["generator"].startswith("galley ")
assert {o["format"] for o in p["outputs"]} == {"jats_archiving", "epub3", "html_print", "json"}, p["outputs"]
assert p["times"]["finished"] == "2023-11-14T22:13:20Z"
EOF
    n=$((n + 1))
  done
  # reproducible: same input, same SOURCE_DATE_EPOCH -> same bytes
  mkdir -p "$tmp/again"
  for kind in zip tar; do
    "$GALLEY" package --quiet "$src" -o "$tmp/again/$name.$kind"
    cmp -s "$tmp/$name.$kind" "$tmp/again/$name.$kind" || bad "$name.$kind is not reproducible"
  done
  "$GALLEY" package --quiet "$src" -o "$tmp/again/$name"
  diff -r "$tmp/$name" "$tmp/again/$name" >/dev/null || bad "$name folder bag is not reproducible"
done
echo "ok: $n bags validated by galley and independently"
[ "$n" -ge 12 ] || bad "only $n bags"

# Damage, one kind at a time, on copies of a folder bag.
first=$(basename "$(ls "$SHARED"/examples/plain/*.txt | head -1)" .txt)
base="$tmp/$first"
copy() { rm -rf "$tmp/d-$1"; cp -r "$base" "$tmp/d-$1"; echo "$tmp/d-$1"; }

b=$(copy missing); rm "$b/data/article.xml"
expect_invalid "$b" 1 "missing-file: data/article.xml is listed in manifest-sha256.txt but missing"
independent_check "$b" >/dev/null 2>&1 && bad "the independent check misses a missing file"

b=$(copy changed); printf 'X' | dd of="$b/data/article.json" bs=1 seek=20 conv=notrunc status=none
expect_invalid "$b" 1 "changed-file: data/article.json has changed"
independent_check "$b" >/dev/null 2>&1 && bad "the independent check misses a changed byte"

b=$(copy source); printf '#' | dd of="$b/data/source/$first.txt" bs=1 seek=0 conv=notrunc status=none
expect_invalid "$b" 1 "changed-file: data/source/$first.txt has changed"

b=$(copy extra); echo extra >"$b/data/extra.txt"
expect_invalid "$b" 1 "extra-file: data/extra.txt is in the payload but not listed in manifest-sha256.txt"
independent_check "$b" >/dev/null 2>&1 && bad "the independent check misses an extra file"

# Payload-Oxum wrong, with the tag manifest updated so that only the Oxum is wrong.
b=$(copy oxum); sed -i 's/^Payload-Oxum: \([0-9]*\)\./Payload-Oxum: 1\1./' "$b/bag-info.txt"
sum=$(sha256sum <"$b/bag-info.txt" | cut -d' ' -f1)
sed -i "s/^[0-9a-f]*  bag-info.txt\$/$sum  bag-info.txt/" "$b/tagmanifest-sha256.txt"
expect_invalid "$b" 1 "payload-oxum: Payload-Oxum is 1"
out=$("$GALLEY" package --validate "$b" 2>&1)
grep -q "tag-manifest" <<<"$out" && bad "an updated tag manifest is reported as bad"

b=$(copy tagm); sed -i 's/^\(.\)\(.*  bagit.txt\)$/f\2/; t; s/^.\(.*  bagit.txt\)$/0\1/' "$b/tagmanifest-sha256.txt"
if cmp -s "$b/tagmanifest-sha256.txt" "$base/tagmanifest-sha256.txt"; then
  sed -i 's/^f\(.*  bagit.txt\)$/0\1/' "$b/tagmanifest-sha256.txt"
fi
expect_invalid "$b" 1 "tag-manifest: bagit.txt has changed"

b=$(copy taginfo); echo "Contact-Name: someone" >>"$b/bag-info.txt"
expect_invalid "$b" 1 "tag-manifest: bag-info.txt has changed"

b=$(copy manifestline); sed -i '1s/^[0-9a-f]*  /0000  /' "$b/manifest-sha512.txt"
expect_invalid "$b" 1 "has changed: its sha512 is"

mkdir -p "$tmp/notabag/data"
expect_invalid "$tmp/notabag" 1 "bagit-txt: bagit.txt is missing"
expect_invalid "$tmp/nosuchbag" 3 "no such file or folder"

head -c 3000 "$tmp/$first.tar" >"$tmp/truncated.tar"
expect_invalid "$tmp/truncated.tar" 3 "corrupt tar archive"
head -c 700 "$tmp/$first.zip" >"$tmp/truncated.zip"
expect_invalid "$tmp/truncated.zip" 3 "cannot read bag"

# A changed byte inside a .tar bag (the archive itself still readable).
cp "$tmp/$first.tar" "$tmp/changed.tar"
off=$(python3 - "$tmp/changed.tar" <<'EOF'
import sys, tarfile
with tarfile.open(sys.argv[1]) as t:
    m = [m for m in t.getmembers() if m.name.endswith("data/article.html")][0]
    print(m.offset_data + 10)
EOF
)
printf 'Z' | dd of="$tmp/changed.tar" bs=1 seek="$off" conv=notrunc status=none
expect_invalid "$tmp/changed.tar" 1 "changed-file: data/article.html has changed"

# Output: an existing folder is not overwritten without --force; Ctrl-C-safe
# building leaves no temporary folder behind.
"$GALLEY" package --quiet "$SHARED/examples/plain/$first.txt" -o "$base" 2>/dev/null && bad "an existing bag was overwritten"
"$GALLEY" package --quiet --force "$SHARED/examples/plain/$first.txt" -o "$base" || bad "--force did not replace the bag"
"$GALLEY" package --validate "$base" >/dev/null || bad "the replaced bag is invalid"
ls -A "$tmp" | grep -q galley- && bad "temporary folders left: $(ls -A "$tmp" | grep galley-)"

if [ "$failures" -gt 0 ]; then echo "FAILED: $failures problem(s)"; exit 1; fi
echo "PASS"
