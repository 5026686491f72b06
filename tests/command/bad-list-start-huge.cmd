# An ordered list starting at INT_MAX in upper roman: labels past 3999 stay decimal (a roman
# label would be two million letters) and the count goes on past 2^31 without overflowing.
% printf '%s\n' '{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"OrderedList","c":[[2147483647,{"t":"UpperRoman"},{"t":"OneParen"}],[[{"t":"Plain","c":[{"t":"Str","c":"a"}]}],[{"t":"Plain","c":[{"t":"Str","c":"b"}]}],[{"t":"Plain","c":[{"t":"Str","c":"c"}]}]]]}]}' > list.json && galley -f json -t jats list.json | grep -o '<label>[^<]*</label>' && galley -f json -t plain list.json
>>> stdout
<label>2147483647)</label>
<label>2147483648)</label>
<label>2147483649)</label>
2147483647)  a
2147483648)  b
2147483649)  c
