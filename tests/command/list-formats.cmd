% galley --list-input-formats && galley --list-output-formats
>>> stdout
json
plain
html
json
plain
epub3
jats_archiving
jats_publishing
jats_articleauthoring
html_print
pdf
