% python3 -c 'n=100000; print("<html><body>" + "<div>"*n + "<b>"*n + "deep" + "</b>"*n + "</div>"*n + "</body></html>")' | galley -f html -t json | grep -c deep
>>> stdout
1
>>> stderr-contains
[WARNING] HTML nested deeper than 500 levels: the deeper content was flattened to text
