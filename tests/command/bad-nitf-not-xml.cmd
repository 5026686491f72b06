% galley -f nitf -t json
<<<
<nitf><body><body.content><p>unclosed
>>> exit 3
>>> stderr-contains
[galley.nitf.parse]
