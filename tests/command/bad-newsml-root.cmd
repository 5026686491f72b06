% galley -f newsml -t json
<<<
<html><body><p>not NewsML-G2</p></body></html>
>>> exit 3
>>> stderr-contains
[galley.newsml.root]
