% printf 'TOPSECRET-DTD\n' > secret.dtd && printf '<?xml version="1.0"?>\n<!DOCTYPE html SYSTEM "file://%s/secret.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Q &amp; R</p></body></html>\n' "$PWD" > in.xhtml && galley in.xhtml -t plain && ! galley in.xhtml -t json 2>/dev/null | grep TOPSECRET
>>> stdout
Q & R
