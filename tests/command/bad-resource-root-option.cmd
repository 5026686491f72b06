% mkdir -p a/b && printf 'TOPSECRET' > a/s.png && printf '<p><img src="../s.png"></p>' > a/b/x.html && galley a/b/x.html -t html_print --resource-root a/b | grep -c TOPSECRET
>>> exit 1
>>> stdout
0
>>> stderr-contains
[WARNING] refusing ../s.png: outside the resource root
