% printf '%s' '{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"RawBlock","c":["HTML","<script>alert(1)</script>"]},{"t":"Para","c":[{"t":"RawInline","c":["Html5","<SCRIPT>alert(2)</SCRIPT>"]},{"t":"Str","c":"kept"}]},{"t":"RawBlock","c":["XHTML","<p><script>alert(3)</script></p>"]}]}' > a.json && galley a.json -t epub3 -o e.epub && galley a.json -t html_print -o p.html && echo "epub $(unzip -p e.epub | grep -a -c -i alert) $(unzip -p e.epub | grep -a -c kept)" && echo "html_print $(grep -c -i alert p.html) $(grep -c kept p.html)"
>>> stdout
epub 0 1
html_print 0 1
