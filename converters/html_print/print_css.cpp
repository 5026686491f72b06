// The default stylesheet of the html_print writer: CSS paged media for
// WeasyPrint (footnotes, target-counter, leaders) with fallbacks that
// Chromium (and screen browsers) understand. Settings are substituted from
// validated variables only (see writer.cpp).
#include "html_print/print_css.hpp"

namespace galley::html_print {

namespace {

// @page and the parts that depend on the variables.
std::string page_rules(const PageSettings& p) {
  std::string css;
  css += "@page {\n  size: " + p.size + ";\n  margin: " + p.margin + ";\n";
  css += "  @top-left { content: " + p.running_foot + "; }\n";
  css += "  @top-right { content: " + p.running_head + "; }\n";
  css += "  @bottom-center { content: counter(page) \" / \" counter(pages); }\n";
  css += "  @footnote { border-top: 0.5pt solid #999; padding-top: 1.5mm; margin-top: 3mm; }\n";
  css += "}\n";
  css += "@page :first {\n  @top-left { content: none; }\n  @top-right { content: none; }\n}\n";
  css += ":root { --body-size: " + p.font_size + "; --columns: " + std::to_string(p.columns) + "; }\n";
  css += "html { font-size: " + p.font_size + "; }\n";
  if (p.columns > 1) {
    css += "@media print {\n  .article-body { column-count: " + std::to_string(p.columns) +
           "; column-gap: 6mm; column-rule: 0.4pt solid #c8c8c8; column-fill: balance; }\n}\n";
  }
  return css;
}

const char* const kBaseCss = R"CSS(
/* ---- margin boxes ---- */
@page {
  @top-left {
    font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 7.5pt; color: #555;
    text-transform: uppercase; letter-spacing: 0.06em; vertical-align: bottom; padding-bottom: 2mm;
  }
  @top-right {
    font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 7.5pt; color: #555;
    font-style: italic; vertical-align: bottom; padding-bottom: 2mm;
  }
  @bottom-center {
    font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 7.5pt; color: #555;
    vertical-align: top; padding-top: 3mm;
  }
}

/* ---- base typography ---- */
html {
  font-family: "Noto Serif", "DejaVu Serif", Georgia, serif;
  line-height: 1.38;
  color: #111;
  background: #fff;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
body { margin: 0; }
p { margin: 0; widows: 2; orphans: 2; }
.article-body p, .article-body li, .article-body dd, .lede {
  text-align: justify;
  hyphens: auto;
  -webkit-hyphens: auto;
}
.article-body p + p { text-indent: 1.2em; }
.article-body p { margin: 0 0 0.15em; }
.article-body h2 + p, .article-body h3 + p, .article-body h4 + p { text-indent: 0; }
h1, h2, h3, h4, h5, h6 {
  font-family: "Noto Sans", "DejaVu Sans", sans-serif;
  line-height: 1.2;
  break-after: avoid;
  page-break-after: avoid;
  break-inside: avoid;
  hyphens: manual;
}
.article-body h2 { font-size: 1.15em; margin: 0.9em 0 0.3em; }
.article-body h3 { font-size: 1.05em; margin: 0.8em 0 0.25em; }
.article-body h4, .article-body h5, .article-body h6 { font-size: 1em; margin: 0.7em 0 0.2em; }
a { color: inherit; text-decoration: none; }
a[href^="http"] { text-decoration: underline; text-decoration-thickness: 0.4pt; text-underline-offset: 0.15em; }
code, pre, kbd, samp { font-family: "Noto Sans Mono", "DejaVu Sans Mono", monospace; font-size: 0.88em; }
pre {
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  background: #f4f4f4;
  border-left: 2pt solid #bbb;
  padding: 0.4em 0.6em;
  margin: 0.6em 0;
  break-inside: avoid;
}
blockquote {
  margin: 0.6em 0;
  padding: 0 0 0 0.8em;
  border-left: 2pt solid #b00;
  font-style: italic;
}
ul, ol { margin: 0.4em 0; padding-left: 1.4em; }
dl { margin: 0.4em 0; }
dt { font-weight: bold; break-after: avoid; }
dd { margin: 0 0 0.3em 1.2em; }
hr { border: 0; border-top: 0.5pt solid #999; margin: 0.8em 20%; }
.smallcaps { font-variant: small-caps; }
.line-block { margin: 0.4em 0; }
/* Formulas are MathML (docs/MATH.md): Chromium lays them out. WeasyPrint 57 has
   no MathML layout and shows the tokens in line; the TeX annotation is hidden
   from both, so no engine prints the source beside the formula. */
math[display="block"] { display: block; text-align: center; margin: 0.4em 0; }
annotation, annotation-xml { display: none; }
img { max-width: 100%; height: auto; }
sup, sub { line-height: 0; }

/* ---- masthead ---- */
.masthead {
  border-top: 2.5pt solid #111;
  border-bottom: 0.6pt solid #111;
  padding: 3mm 0 4mm;
  margin-bottom: 5mm;
}
.masthead .site-name {
  font-family: "Noto Sans", "DejaVu Sans", sans-serif;
  font-size: 0.8em;
  font-weight: bold;
  letter-spacing: 0.12em;
  text-transform: uppercase;
  margin-bottom: 2mm;
}
.kicker {
  font-family: "Noto Sans", "DejaVu Sans", sans-serif;
  font-size: 0.85em;
  font-weight: bold;
  color: #b00;
  text-transform: uppercase;
  letter-spacing: 0.08em;
  margin-bottom: 1.5mm;
}
.masthead h1 {
  font-family: "Noto Serif", "DejaVu Serif", Georgia, serif;
  font-size: 2.5em;
  font-weight: bold;
  line-height: 1.1;
  margin: 0 0 2mm;
  letter-spacing: -0.01em;
}
.subtitle { font-size: 1.3em; font-style: italic; color: #333; margin-bottom: 2mm; }
.byline, .dateline-line {
  font-family: "Noto Sans", "DejaVu Sans", sans-serif;
  font-size: 0.85em;
  color: #333;
}
.byline { font-weight: bold; margin-top: 1mm; }
.byline .by { font-weight: normal; }
.dateline-line { margin-top: 0.5mm; }
.lede {
  font-size: 1.18em;
  line-height: 1.35;
  font-weight: 600;
  margin-top: 3mm;
}
.lede p + p { margin-top: 0.3em; }
.dateline-place { font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-weight: bold; text-transform: uppercase; font-size: 0.85em; }
.credit { font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 0.8em; color: #555; margin-top: 2mm; }

/* ---- figures and tables ---- */
figure { margin: 0.8em 0; break-inside: avoid; page-break-inside: avoid; }
figure img { display: block; margin: 0 auto; }
figcaption {
  font-family: "Noto Sans", "DejaVu Sans", sans-serif;
  font-size: 0.8em;
  line-height: 1.3;
  color: #333;
  margin-top: 1.2mm;
  padding-bottom: 1mm;
  border-bottom: 0.4pt solid #bbb;
  break-before: avoid;
}
figure.caption-only figcaption { border-top: 0.4pt solid #bbb; padding-top: 1mm; font-style: italic; }
.lead-image { column-span: all; margin: 0 0 5mm; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 0.88em; }
caption { caption-side: top; text-align: left; font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-weight: bold; padding-bottom: 1mm; }
th, td { border-bottom: 0.4pt solid #bbb; padding: 0.2em 0.4em; vertical-align: top; text-align: left; }
thead th { border-bottom: 1pt solid #111; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
aside { border-top: 1pt solid #111; border-bottom: 0.4pt solid #111; padding: 0.4em 0; margin: 0.8em 0; font-size: 0.92em; break-inside: avoid; }

/* ---- table of contents (page numbers where target-counter works) ---- */
nav.toc { margin: 0 0 5mm; padding: 2mm 0 3mm; border-bottom: 0.6pt solid #111; break-inside: avoid; }
nav.toc h2 { font-size: 0.9em; text-transform: uppercase; letter-spacing: 0.08em; margin: 0 0 1.5mm; }
nav.toc ol { list-style: none; padding: 0; margin: 0; font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 0.88em; }
nav.toc li.toc-level-3 { padding-left: 1.2em; }
nav.toc li.toc-level-4, nav.toc li.toc-level-5, nav.toc li.toc-level-6 { padding-left: 2.4em; }
nav.toc a::after { content: leader(".") target-counter(attr(href url), page); }

/* ---- notes ----
   WeasyPrint: every note is a <span class="footnote"> at its call, floated
   to the foot of the page; the endnotes are hidden. Engines without
   float: footnote (Chromium, screen browsers) hide the spans and show the
   endnotes instead (the @supports block; WeasyPrint 57 ignores @supports,
   later versions evaluate the condition as false). */
.footnote {
  float: footnote;
  font-size: 0.8em;
  line-height: 1.3;
  text-align: left;
  text-indent: 0;
  font-style: normal;
  font-weight: normal;
  hyphens: manual;
}
::footnote-call { content: counter(footnote); font-size: 0.7em; vertical-align: super; line-height: 0; }
::footnote-marker { content: counter(footnote) ".\00a0"; }
.footnote-ref, section.footnotes { display: none; }
@supports not (float: footnote) {
  .footnote { display: none; }
  .footnote-ref { display: inline; }
  section.footnotes { display: block; }
}
section.footnotes { font-size: 0.85em; margin-top: 5mm; border-top: 0.6pt solid #111; padding-top: 1mm; column-span: all; }
section.footnotes h2 { font-size: 0.95em; margin: 1mm 0; text-transform: uppercase; letter-spacing: 0.06em; }
section.footnotes ol { padding-left: 1.6em; margin: 0; }
section.footnotes li { margin-bottom: 0.2em; }
section.footnotes li p { text-indent: 0; text-align: left; }
a.footnote-ref sup, sup.footnote-ref { font-size: 0.7em; }

/* ---- footer ---- */
.article-footer {
  column-span: all;
  margin-top: 6mm;
  padding-top: 1.5mm;
  border-top: 1.5pt solid #111;
  font-family: "Noto Sans", "DejaVu Sans", sans-serif;
  font-size: 0.75em;
  color: #444;
  break-inside: avoid;
  overflow-wrap: anywhere;
}
.article-footer p { margin: 0.2em 0; }

/* ---- screen: a readable single column ---- */
@media screen {
  html { font-size: 18px; }
  body { max-width: 42em; margin: 2em auto; padding: 0 1em; }
  .footnote-ref sup { font-size: 0.75em; }
}
)CSS";

}  // namespace

std::string print_css(const PageSettings& page) { return page_rules(page) + kBaseCss; }

}  // namespace galley::html_print
