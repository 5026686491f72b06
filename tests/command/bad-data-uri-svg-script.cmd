% galley $FIXTURES/bad/svg-script.html -t epub3 -o e.epub && unzip -Z1 e.epub | grep media/ && echo "epub $(unzip -p e.epub | grep -a -c -i -E '<script|alert')"
>>> stdout
EPUB/media/image-1.svg
epub 0
