% galley --list-input-formats && galley --list-output-formats
>>> stdout
json
plain
html
markdown
commonmark
gfm
newsml
nitf
ninjs
json
plain
epub3
jats_archiving
jats_publishing
jats_articleauthoring
html_print
markdown
commonmark
gfm
pdf
newsml
nitf
ninjs
atom
rss
