#!/usr/bin/env bash
# Markdown keeps raw HTML raw (as pandoc does); the writers must then give it the
# safety the HTML reader gives web pages. A Markdown article full of script
# tricks, in links, images, autolinks, raw blocks and raw inline tags, through
# html_print, epub, jats and plain: no script URL, event handler, srcdoc or
# script CSS may come out, and the legitimate link, image and span must.
set -u
: "${GALLEY:?}" "${SRC:?}"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cat >"$work/a.md" <<'MD'
---
title: Tricks
---
A [safe link](https://example.org/ok) and ![a picture](https://example.org/p.png).

[one](javascript:alert(1)) [two](JaVaScRiPt:alert(2)) [three](  javascript:alert(3)) ![four](vbscript:x)
[five][ref] <javascript:alert(5)> [six](data:text/html;base64,PHNjcmlwdD4=)

[ref]: javascript:alert(6)

Inline <a href="javascript:alert(7)">seven</a>, <a href="&#106;avascript:alert(8)">eight</a>,
<img src="x" onerror="alert(9)">, <span class="keep" onmouseover="alert(10)">ten</span>,
<a href="java&Tab;script:alert(11)">eleven</a>, <b style="background:url(javascript:alert(12))">twelve</b>.

<div onclick="alert(13)"><iframe srcdoc="<script>alert(14)</script>"></iframe></div>

<script>alert(15)</script>

<svg><a xlink:href="javascript:alert(16)"><text>sixteen</text></a></svg>
MD
fail=0
for to in html_print epub jats plain; do
  out="$work/out.$to"
  if ! "$GALLEY" "$work/a.md" -t "$to" -o "$out" 2>"$work/err.$to"; then echo "FAIL: -t $to exited $?"; cat "$work/err.$to"; fail=1; continue; fi
  if [ "$to" = epub ]; then (cd "$work" && rm -rf x && mkdir x && cd x && unzip -q "../out.epub") && text=$(cat "$work"/x/EPUB/text/*.xhtml 2>/dev/null || cat $(find "$work/x" -name '*.xhtml'))
  else text=$(cat "$out"); fi
  # a script URL shown as text is harmless (<javascript:x> keeps its text, as pandoc does);
  # in an attribute, or as markup, it is not
  if [ "$to" = plain ]; then bad=""; else
  bad=$(printf '%s' "$text" | grep -o -i -E '(href|src|xlink:href|action|style|data)[[:space:]]*=[[:space:]]*["'"'"']?[^"'"'"'>]*(javascript|vbscript|java&Tab;script|&#106;avascript|data:text/html)|onerror|onclick|onmouseover|srcdoc|<script' | sort -u | tr '\n' ' '); fi
  if [ -n "$bad" ]; then echo "FAIL: -t $to keeps: $bad"; fail=1; fi
  for want in 'safe link' 'seven' 'ten' 'twelve'; do
    printf '%s' "$text" | grep -q "$want" || { echo "FAIL: -t $to lost \"$want\""; fail=1; }
  done
  case $to in html_print|epub)
    printf '%s' "$text" | grep -q 'https://example.org/ok' || { echo "FAIL: -t $to lost the safe link"; fail=1; } ;;
  esac
  # print HTML keeps raw inline tags (an e-book drops those that are not well-formed alone)
  if [ "$to" = html_print ]; then printf '%s' "$text" | grep -q 'class="keep"' || { echo "FAIL: -t $to lost the span's class"; fail=1; }; fi
done
[ $fail = 0 ] && echo "PASS: 16 tricks through html_print, epub, jats, plain; safe content kept"
exit $fail
