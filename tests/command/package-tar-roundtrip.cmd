% printf '{"pandoc-api-version":[1,23,1],"meta":{"title":{"t":"MetaInlines","c":[{"t":"Str","c":"Hello"}]},"publisher":{"t":"MetaString","c":"Daily Example"},"identifier":{"t":"MetaString","c":"urn:example:1"}},"blocks":[{"t":"Para","c":[{"t":"Str","c":"Body"}]}]}' > a.json && SOURCE_DATE_EPOCH=86400 galley package a.json --to json,plain -o bag.tar --quiet && galley package --validate bag.tar && tar -xOf bag.tar bag/bag-info.txt && tar -tf bag.tar
>>> stdout-contains
bag.tar: valid bag (4 payload files, 
Source-Organization: Daily Example
Bagging-Date: 1970-01-02
Bag-Software-Agent: galley 
External-Identifier: urn:example:1
External-Description: Hello
bag/
bag/bagit.txt
bag/bag-info.txt
bag/manifest-sha256.txt
bag/manifest-sha512.txt
bag/tagmanifest-sha256.txt
bag/data/
bag/data/source/
bag/data/source/a.json
bag/data/article.json
bag/data/article.txt
bag/data/provenance.json
