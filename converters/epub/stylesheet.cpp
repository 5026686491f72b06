// The default stylesheet of galley's EPUBs: readable type, hyphenation,
// language-aware quotation marks, news-article title page. User stylesheets
// (--css) are linked after it and win.
#include "epub/internal.hpp"

namespace galley::epub {

const std::string& default_stylesheet() {
  static const std::string css = R"CSS(/* galley default EPUB stylesheet */
@namespace epub "http://www.idpf.org/2007/ops";
html { font-size: 100%; }
body {
  margin: 0 4%;
  font-family: "Noto Serif", Georgia, "Times New Roman", serif;
  line-height: 1.5;
  text-rendering: optimizeLegibility;
  hyphens: auto;
  -webkit-hyphens: auto;
  widows: 2;
  orphans: 2;
  overflow-wrap: break-word;
}
p { margin: 0 0 0.8em 0; text-align: justify; }
h1, h2, h3, h4, h5, h6 {
  font-family: "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  line-height: 1.25;
  hyphens: manual;
  -webkit-hyphens: manual;
  text-align: left;
  page-break-after: avoid;
  break-after: avoid;
}
h1 { font-size: 1.7em; margin: 1em 0 0.6em; }
h2 { font-size: 1.35em; margin: 1.4em 0 0.5em; }
h3 { font-size: 1.15em; margin: 1.2em 0 0.4em; }
h4, h5, h6 { font-size: 1em; margin: 1em 0 0.4em; }
a { color: #1a4f8b; text-decoration: underline; }
blockquote { margin: 1em 1.5em; font-style: italic; }
blockquote p { text-align: left; }
pre, code { font-family: "Noto Sans Mono", "DejaVu Sans Mono", monospace; font-size: 0.9em; }
pre { white-space: pre-wrap; margin: 1em 0; padding: 0.5em; background: #f4f4f4; hyphens: none; -webkit-hyphens: none; }
hr { border: none; border-top: 1px solid #999; margin: 1.5em 20%; }
ul, ol { margin: 0.5em 0 0.8em; padding-left: 1.8em; }
li > p { margin-bottom: 0.3em; }
dt { font-weight: bold; }
dd { margin: 0 0 0.6em 1.5em; }
img { max-width: 100%; height: auto; }
figure { margin: 1.2em 0; text-align: center; page-break-inside: avoid; break-inside: avoid; }
figcaption, caption { font-family: "Noto Sans", Arial, sans-serif; font-size: 0.85em; color: #333; text-align: left; margin: 0.4em 0; }
table { border-collapse: collapse; margin: 1em auto; font-size: 0.9em; }
th, td { border: 1px solid #aaa; padding: 0.25em 0.5em; vertical-align: top; }
th { background: #eee; }
sup, sub { line-height: 0; }
.smallcaps { font-variant: small-caps; }
.underline { text-decoration: underline; }
/* quotation marks for <q>, by language */
q { quotes: "\201C" "\201D" "\2018" "\2019"; }
:lang(vi) q { quotes: "\201C" "\201D" "\2018" "\2019"; }
:lang(fr) q { quotes: "\00AB\00A0" "\00A0\00BB" "\2039\00A0" "\00A0\203A"; }
:lang(de) q { quotes: "\201E" "\201C" "\201A" "\2018"; }
:lang(es) q, :lang(it) q, :lang(pt) q, :lang(ru) q { quotes: "\00AB" "\00BB" "\201C" "\201D"; }
:lang(ja) q, :lang(zh) q { quotes: "\300C" "\300D" "\300E" "\300F"; }
/* title page */
.titlepage { margin-top: 2em; }
.titlepage .kicker {
  font-family: "Noto Sans", Arial, sans-serif; font-size: 0.8em; font-weight: bold;
  text-transform: uppercase; letter-spacing: 0.08em; color: #8b1a1a; margin: 0 0 0.4em;
}
.titlepage h1 { margin-top: 0; font-size: 1.9em; }
.titlepage .subtitle { font-size: 1.2em; font-style: italic; text-align: left; }
.titlepage .byline { font-family: "Noto Sans", Arial, sans-serif; font-weight: bold; margin: 1em 0 0.2em; text-align: left; }
.titlepage .dateline { font-family: "Noto Sans", Arial, sans-serif; font-size: 0.9em; color: #444; text-align: left; }
.titlepage .dateline .place { text-transform: uppercase; }
.titlepage .lede { font-size: 1.1em; font-weight: bold; margin-top: 1.2em; border-top: 1px solid #ccc; padding-top: 0.8em; }
.titlepage .lede p { text-align: left; }
.titlepage .colophon { font-size: 0.8em; color: #444; margin-top: 2em; }
.titlepage .colophon p { text-align: left; margin: 0 0 0.3em; }
/* cover */
.cover { margin: 0; padding: 0; text-align: center; }
.cover img { max-width: 100%; max-height: 100%; }
/* navigation */
nav ol { list-style-type: none; padding-left: 1em; }
nav > ol { padding-left: 0; }
nav li { margin: 0.3em 0; }
/* footnotes */
a[epub|type~="noteref"], a.footnote-ref { font-size: 0.75em; vertical-align: super; line-height: 0; text-decoration: none; }
aside[epub|type~="footnote"], .footnotes { font-size: 0.85em; margin-top: 1.5em; border-top: 1px solid #ccc; padding-top: 0.5em; }
aside[epub|type~="footnote"] + aside[epub|type~="footnote"] { margin-top: 0.4em; border-top: none; padding-top: 0; }
aside p { text-align: left; }
)CSS";
  return css;
}

}  // namespace galley::epub
