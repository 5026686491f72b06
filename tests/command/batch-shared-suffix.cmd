% printf 'Headline\n\nBody.\n' > a.txt && galley a.txt --output-dir out -t jats_archiving,jats_publishing,jats_articleauthoring,json 2>/dev/null; cd out && ls
>>> stdout
a.jats_archiving.xml
a.jats_articleauthoring.xml
a.jats_publishing.xml
a.json
