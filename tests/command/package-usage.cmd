% galley package a.txt
>>> exit 2
>>> stderr-contains
usage: galley package [OPTIONS] INPUT -o BAG (a folder, BAG.zip or BAG.tar)
