# Raw HTML fragments that are each well-formed XML can meet as "]]>", which XML forbids in
# text (found by the writers fuzzer): the EPUB chapter escapes the '>' and stays well-formed.
% python3 -c 'import json; r=lambda t: {"t":"RawInline","c":["html",t]}; print(json.dumps({"pandoc-api-version":[1,23,1],"meta":{"title":{"t":"MetaInlines","c":[{"t":"Str","c":"T"}]}},"blocks":[{"t":"Para","c":[{"t":"Str","c":"a]"},r("]"),r(">b "),r("c ]"),r("]> d")]}]}))' > cd.json && galley cd.json -t epub3 -o e.epub && unzip -p e.epub EPUB/ch001.xhtml | xmllint --noout - && unzip -p e.epub EPUB/ch001.xhtml | grep -o '<p>.*</p>'
>>> stdout
<p>a]]&gt;b c ]]&gt; d</p>
