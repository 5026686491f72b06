% galley $FIXTURES/bad/data-uris.html -t epub3 -o e.epub && unzip -Z1 e.epub | grep media/ && unzip -p e.epub EPUB/ch001.xhtml | grep -o '<img[^>]*>'
>>> stdout
EPUB/media/image-1.png
EPUB/media/image-2.gif
<img src="media/image-1.png" alt="png" />
<img src="media/image-2.gif" alt="gif-labelled-jpeg" />
>>> stderr-contains
[WARNING] html: 1 image(s) with a script or unsupported URL dropped, alt text kept (data:)
[WARNING] epub: malformed data: URI image
