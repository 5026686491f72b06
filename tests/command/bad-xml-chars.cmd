% printf '%s\n' '{"pandoc-api-version":[1,23,1],"meta":{"title":{"t":"MetaInlines","c":[{"t":"Str","c":"T]]>\u0001"}]}},"blocks":[{"t":"Para","c":[{"t":"Str","c":"a]]>b<c&d\u0001e\u001ff\ufffeg\uffffh"}]},{"t":"CodeBlock","c":[["",[],[]],"x]]>\u0008y"]}]}' > c.json && galley c.json -t jats -o j.xml && xmllint --noout j.xml && grep -E '^<(p|preformat)>' j.xml && galley c.json -t html_print | grep -E '^<(p|pre)>' && galley c.json -t epub3 -o e.epub && for f in $(unzip -Z1 e.epub | grep -E 'xhtml|opf|ncx'); do unzip -p e.epub $f | xmllint --noout - || echo "not well-formed: $f"; done && unzip -p e.epub EPUB/ch001.xhtml | grep -E '<(p|pre)>'
>>> stdout
<p>a]]&gt;b&lt;c&amp;defgh</p>
<preformat>x]]&gt;y</preformat>
<p>a]]&gt;b&lt;c&amp;defgh</p>
<pre><code>x]]&gt;y</code></pre>
<p>a]]&gt;b&lt;c&amp;defgh</p>
<pre><code>x]]&gt;y</code></pre>
>>> stderr-contains
[WARNING] 6 character(s) that XML 1.0 forbids were removed from the JATS output
[WARNING] characters not allowed in XML/HTML were removed
