// Fuzz every writer. The first input byte picks the source of the document:
//   0..1  an AST built directly from the bytes (every Pandoc constructor,
//         hostile strings: markup characters, C0 controls, U+FFFE, invalid UTF-8
//         (replaced by U+FFFD before it enters the AST, as the readers do),
//         script URLs, on* attributes, raw HTML with <script>)
//   2     the html reader;  3  the plain reader
// The document then goes through json, plain, jats_* (3), html_print and epub3.
// Checks (abort on violation): XML outputs are well-formed (libxml2, NONET);
// EPUB unzips and each .xhtml/.opf/.ncx is well-formed; text outputs are UTF-8;
// no "<script" and no javascript: URL reaches html_print or the EPUB. The words
// include MathML, SVG and the galley-math Span's names, so formulas are covered.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>

#include "fuzz_common.hpp"
#include "galley/ast.hpp"
#include "galley/builder.hpp"
#include "galley/detail/zip.hpp"
#include "galley/error.hpp"
#include "galley/json.hpp"
#include "galley/builtin.hpp"
#include "galley/registry.hpp"

using namespace galley;

namespace {

const char* const kWords[] = {
    "news", "Hà Nội", "]]>", "<", ">", "&", "&amp;", "\"", "'", "\x01", "\x0b", "\x1f", "\x7f", "\xef\xbf\xbe",
    "\xef\xbf\xbf", "\xed\xa0\x80", "\xff", "\xc3", "--", "<!--", "-->", "<script>alert(1)</script>",
    "javascript:alert(1)", " JaVaScRiPt:x", "vbscript:x", "data:image/png;base64,iVBORw0KGgo=", "../etc/passwd",
    "/etc/hostname", "file:///etc/hostname", "%2e%2e/x", "http://example.com/a.png", "https://x/y.jpg", "#", "x y",
    "\t", "\n", "\r\n", "onclick", "onerror", "id", "class", "style", "href", "src", "lang", "dir", "1", "-",
    ":", "a b", "\xe2\x80\x8b", "\xf0\x9f\x98\x80", "\xcc\x81", "<?xml", "<!DOCTYPE x>", "&#0;", "\\", "{", "}",
    // Formulas and drawings (docs/MATH.md): the galley-math Span's class and attribute,
    // TeX, and MathML/SVG with script in them, as attribute values and raw HTML.
    "galley-math", "galley-math-linear", "mathml", "\\frac{a}{b}", "x^{2}_i", "\\left(", "\\begin{pmatrix}", "&",
    "\\\\", "<math><mi href=\"javascript:alert(1)\" onclick=\"x\">a</mi></math>",
    "<math><annotation-xml><script>alert(1)</script></annotation-xml></math>", "<math><mi>",
    "<svg onload=\"alert(1)\"><a xlink:href=\"javascript:x\"><text>t</text></a></svg>",
    "<svg><foreignObject><iframe src=\"javascript:x\"/></foreignObject></svg>", "<svg><use href=\"http://e/x#a\"/>",
};

struct Gen {
  FuzzedDataProvider& p;
  int budget = 400;  // nodes per document

  std::string str() {
    std::string s;
    int n = p.ConsumeIntegralInRange(0, 4);
    for (int i = 0; i < n; ++i) {
      if (p.ConsumeBool()) s += kWords[p.ConsumeIntegralInRange<size_t>(0, std::size(kWords) - 1)];
      else s += p.ConsumeRandomLengthString(12);
    }
    return galley_fuzz::to_utf8(s);
  }
  Attr attr() {
    Attr a;
    if (!p.ConsumeBool()) return a;
    a.id = str();
    int nc = p.ConsumeIntegralInRange(0, 2);
    for (int i = 0; i < nc; ++i) a.classes.push_back(str());
    int nk = p.ConsumeIntegralInRange(0, 2);
    for (int i = 0; i < nk; ++i) {
      // One statement per draw: the order in which function arguments are evaluated is
      // unspecified (gcc and clang differ), and a finding must replay the same document.
      std::string k = str();
      a.attributes.emplace_back(std::move(k), str());
    }
    return a;
  }
  Inlines inlines(int depth) {
    Inlines xs;
    int n = p.ConsumeIntegralInRange(0, 5);
    for (int i = 0; i < n && budget > 0; ++i) xs.push_back(inl(depth));
    return xs;
  }
  Inline inl(int depth) {
    --budget;
    int k = p.ConsumeIntegralInRange(0, depth > 12 ? 3 : 22);
    switch (k) {
      case 0: return Str{str()};
      case 1: return Space{};
      case 2: return SoftBreak{};
      case 3: return LineBreak{};
      case 4: return Emph{inlines(depth + 1)};
      case 5: return Strong{inlines(depth + 1)};
      case 6: return Underline{inlines(depth + 1)};
      case 7: return Strikeout{inlines(depth + 1)};
      case 8: return p.ConsumeBool() ? Inline{Superscript{inlines(depth + 1)}} : Inline{Subscript{inlines(depth + 1)}};
      case 9: return SmallCaps{inlines(depth + 1)};
      case 10: return Quoted{p.ConsumeBool() ? QuoteType::SingleQuote : QuoteType::DoubleQuote, inlines(depth + 1)};
      case 11: {
        Cite c;
        int nc = p.ConsumeIntegralInRange(0, 2);
        for (int i = 0; i < nc; ++i) c.citations.push_back(Citation{str(), inlines(depth + 1), inlines(depth + 1)});
        c.content = inlines(depth + 1);
        return c;
      }
      case 12: return Code{attr(), str()};
      case 13: return Math{p.ConsumeBool() ? MathType::DisplayMath : MathType::InlineMath, str()};
      case 14: {
        // raw "jats"/"xml" go into JATS verbatim by design (as in pandoc): not generated
        static const char* fmts[] = {"html", "html5", "tex", "epub", "HTML", ""};
        return RawInline{fmts[p.ConsumeIntegralInRange<size_t>(0, std::size(fmts) - 1)], str()};
      }
      case 15: case 16: return Link{attr(), inlines(depth + 1), Target{str(), str()}};
      case 17: return Image{attr(), inlines(depth + 1), Target{str(), str()}};
      case 18: return Note{blocks(depth + 1)};
      case 19: case 20: return Span{attr(), inlines(depth + 1)};
      default: return Str{str()};
    }
  }
  Blocks blocks(int depth) {
    Blocks bs;
    int n = p.ConsumeIntegralInRange(0, 5);
    for (int i = 0; i < n && budget > 0; ++i) bs.push_back(blk(depth));
    return bs;
  }
  std::vector<Row> rows(int depth) {
    std::vector<Row> rs;
    int n = p.ConsumeIntegralInRange(0, 3);
    for (int i = 0; i < n; ++i) {
      Row r{attr(), {}};
      int nc = p.ConsumeIntegralInRange(0, 4);
      for (int j = 0; j < nc; ++j) {
        Cell c;
        c.attr = attr();
        c.align = static_cast<Alignment>(p.ConsumeIntegralInRange(0, 3));
        c.row_span = p.ConsumeIntegralInRange(-1, 4);
        c.col_span = p.ConsumeIntegralInRange(-1, 4);
        c.content = blocks(depth + 1);
        r.cells.push_back(std::move(c));
      }
      rs.push_back(std::move(r));
    }
    return rs;
  }
  Block blk(int depth) {
    --budget;
    int k = p.ConsumeIntegralInRange(0, depth > 8 ? 2 : 15);
    switch (k) {
      case 0: return Para{inlines(depth + 1)};
      case 1: return Plain{inlines(depth + 1)};
      case 2: return Header{p.ConsumeIntegralInRange(0, 7), attr(), inlines(depth + 1)};
      case 3: {
        LineBlock lb;
        int n = p.ConsumeIntegralInRange(0, 3);
        for (int i = 0; i < n; ++i) lb.lines.push_back(inlines(depth + 1));
        return lb;
      }
      case 4: return CodeBlock{attr(), str()};
      case 5: {
        static const char* fmts[] = {"html", "latex", "epub3", ""};  // no raw jats/xml: see above
        return RawBlock{fmts[p.ConsumeIntegralInRange<size_t>(0, std::size(fmts) - 1)], str()};
      }
      case 6: return BlockQuote{blocks(depth + 1)};
      case 7: {
        OrderedList l;
        l.attrs.start = p.ConsumeIntegral<int>();
        l.attrs.style = static_cast<ListNumberStyle>(p.ConsumeIntegralInRange(0, 6));
        l.attrs.delim = static_cast<ListNumberDelim>(p.ConsumeIntegralInRange(0, 3));
        int n = p.ConsumeIntegralInRange(0, 3);
        for (int i = 0; i < n; ++i) l.items.push_back(blocks(depth + 1));
        return l;
      }
      case 8: {
        BulletList l;
        int n = p.ConsumeIntegralInRange(0, 3);
        for (int i = 0; i < n; ++i) l.items.push_back(blocks(depth + 1));
        return l;
      }
      case 9: {
        DefinitionList l;
        int n = p.ConsumeIntegralInRange(0, 2);
        for (int i = 0; i < n; ++i) l.items.push_back(DefinitionItem{inlines(depth + 1), {blocks(depth + 1)}});
        return l;
      }
      case 10: return HorizontalRule{};
      case 11: {
        Table t;
        t.attr = attr();
        if (p.ConsumeBool()) t.caption.short_caption = inlines(depth + 1);
        t.caption.long_caption = blocks(depth + 1);
        int nc = p.ConsumeIntegralInRange(0, 4);
        for (int i = 0; i < nc; ++i) {
          ColSpec c;
          c.align = static_cast<Alignment>(p.ConsumeIntegralInRange(0, 3));
          if (p.ConsumeBool()) c.width = p.ConsumeFloatingPoint<double>();
          t.colspecs.push_back(c);
        }
        t.head = TableHead{attr(), rows(depth)};
        int nb = p.ConsumeIntegralInRange(0, 2);
        for (int i = 0; i < nb; ++i)
          t.bodies.push_back(TableBody{attr(), p.ConsumeIntegralInRange(-1, 3), rows(depth), rows(depth)});
        t.foot = TableFoot{attr(), rows(depth)};
        return t;
      }
      case 12: {
        Figure f;
        f.attr = attr();
        f.caption.long_caption = blocks(depth + 1);
        f.content = blocks(depth + 1);
        return f;
      }
      default: return Div{attr(), blocks(depth + 1)};
    }
  }
  MetaValue meta(int depth) {
    int k = p.ConsumeIntegralInRange(0, depth > 3 ? 3 : 5);
    switch (k) {
      case 0: return MetaString{str()};
      case 1: return MetaInlines{inlines(depth + 1)};
      case 2: return MetaBool{p.ConsumeBool()};
      case 3: return MetaBlocks{blocks(depth + 1)};
      case 4: {
        MetaList l;
        int n = p.ConsumeIntegralInRange(0, 3);
        for (int i = 0; i < n; ++i) l.items.push_back(meta(depth + 1));
        return l;
      }
      default: {
        MetaMap m;
        int n = p.ConsumeIntegralInRange(0, 3);
        for (int i = 0; i < n; ++i) {
          std::string k = key();  // see attr(): one draw per statement
          m.entries.emplace(std::move(k), meta(depth + 1));
        }
        return m;
      }
    }
  }
  std::string key() {
    static const char* keys[] = {"title", "subtitle", "author", "date", "lang", "abstract", "keywords", "kicker",
                                 "dateline", "lede", "description", "publisher", "rights", "license", "identifier",
                                 "doi", "journal", "volume", "issue", "cover-image", "dir", "image", "source-url",
                                 "byline", "name", "affiliation", "email", "institute", "subject", "section"};
    return p.ConsumeBool() ? std::string(keys[p.ConsumeIntegralInRange<size_t>(0, std::size(keys) - 1)]) : str();
  }
  Document doc() {
    Document d;
    int nm = p.ConsumeIntegralInRange(0, 6);
    for (int i = 0; i < nm; ++i) {
      std::string k = key();  // see attr(): one draw per statement
      d.meta.emplace(std::move(k), meta(0));
    }
    d.blocks = blocks(0);
    while (p.remaining_bytes() > 0 && budget > 0) d.blocks.push_back(blk(0));
    return d;
  }
};

// The checks scan every output byte; without coverage instrumentation they cost a tenth of
// what they did (they were 10% of each execution), and their branches are not galley's anyway.
#if defined(__clang__)
#define GALLEY_FUZZ_UNTRACED __attribute__((no_sanitize("coverage")))
#else
#define GALLEY_FUZZ_UNTRACED
#endif

// Case-insensitive search for `needle` in `hay` from `from`; npos when absent.
GALLEY_FUZZ_UNTRACED std::size_t ifind(std::string_view hay, std::string_view needle, std::size_t from = 0) {
  if (from > hay.size()) return std::string_view::npos;
  auto it = std::search(hay.begin() + static_cast<std::ptrdiff_t>(from), hay.end(), needle.begin(), needle.end(),
                        [](char a, char b) { return std::tolower((unsigned char)a) == std::tolower((unsigned char)b); });
  return it == hay.end() ? std::string_view::npos : static_cast<std::size_t>(it - hay.begin());
}

// A <script> start tag: "<script" followed by the end of the tag name (<scriptes> is an
// unknown element to a browser, not a script).
std::size_t find_script_tag(std::string_view out) {
  for (std::size_t at = ifind(out, "<script"); at != std::string_view::npos;) {
    std::size_t after = at + 7;
    if (after >= out.size() || !(std::isalnum(static_cast<unsigned char>(out[after])) || out[after] == '-' ||
                                 out[after] == '_' || out[after] == ':' || out[after] == '.'))
      return at;
    at = ifind(out, "<script", after);
  }
  return std::string_view::npos;
}

void check_html(std::string_view out, const char* what) {
  if (auto at = find_script_tag(out); at != std::string_view::npos) {
    std::size_t from = at > 300 ? at - 300 : 0;
    std::fprintf(stderr, "galley fuzz: <script reached %s output:\n%.*s\n", what,
                 static_cast<int>(std::min(out.size(), at + 100) - from),
                 out.data() + from);
    std::abort();
  }
  // Only inside a tag: text may well say href="javascript:..." (its '<' is escaped, so
  // the nearest '<' or '>' before it is the '>' that closed the last tag; writers escape
  // '>' in attribute values too).
  for (auto attr : {"href=\"javascript:", "src=\"javascript:", "href=\"vbscript:"}) {
    for (std::size_t at = ifind(out, attr); at != std::string_view::npos;) {
      std::size_t open = out.rfind('<', at), close = out.rfind('>', at);
      bool in_tag = open != std::string_view::npos && (close == std::string_view::npos || close < open);
      if (!in_tag) {
        at = ifind(out, attr, at + 1);
        continue;
      }
      std::size_t from = at > 300 ? at - 300 : 0;
      std::fprintf(stderr, "galley fuzz: script URL reached %s output:\n%.*s\n", what,
                   static_cast<int>(std::min(out.size(), at + 100) - from), out.data() + from);
      std::abort();
    }
  }
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Registry reg = builtin_registry();
  if (size < 1) return 0;
  Document doc;
  int mode = data[0] & 3;
  try {
    if (mode < 2) {
      FuzzedDataProvider p(data + 1, size - 1);
      doc = Gen{p}.doc();
    } else {
      auto opt = galley_fuzz::reader_options();
      galley::Diagnostics rd;
      std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
      doc = reg.find_reader(mode == 2 ? "html" : "plain")->make()->read(input, opt, rd);
    }
  } catch (const galley::Error&) {
    return 0;
  }

  if (std::getenv("GALLEY_FUZZ_DUMP")) {  // for studying a finding: the document as Pandoc JSON
    std::string json = galley::write_pandoc_json(doc);
    std::fprintf(stderr, "%s\n", json.c_str());
  }

  WriterOptions wo;
  wo.resources.root = galley_fuzz::empty_root();
  wo.source_date_epoch = 1700000000;
  wo.limits.max_nesting = 200;
  wo.toc = (data[0] & 4) != 0;
  wo.standalone = (data[0] & 8) != 0;
  wo.columns = (data[0] & 16) ? 20 : 72;
  wo.wrap = (data[0] & 32) ? WrapMode::None : WrapMode::Auto;

  for (const char* name : {"json", "plain", "jats_archiving", "jats_publishing", "jats_articleauthoring",
                           "html_print", "epub3", "atom", "rss", "ninjs"}) {
    galley::Diagnostics diag;
    std::string out;
    try {
      out = reg.find_writer(name)->make()->write(doc, wo, diag);
    } catch (const galley::Error&) {
      continue;  // a clear error is an acceptable outcome
    }
    std::string_view n(name);
    if (n == "epub3") {
      auto entries = galley::detail::read_zip(out);
      bool has_opf = false;
      for (auto& e : entries) {
        if (ends_with(e.name, ".xhtml") || ends_with(e.name, ".opf") || ends_with(e.name, ".ncx") ||
            ends_with(e.name, "container.xml")) {
          galley_fuzz::require_well_formed(e.data, e.name.c_str());
          if (ends_with(e.name, ".xhtml")) check_html(e.data, e.name.c_str());
        }
        if (ends_with(e.name, ".opf")) has_opf = true;
      }
      if (!has_opf) {
        std::fprintf(stderr, "galley fuzz: EPUB without a package document\n");
        std::abort();
      }
      continue;
    }
    galley_fuzz::require_utf8(out, name);
    if (n.starts_with("jats") || n == "atom" || n == "rss") galley_fuzz::require_well_formed(out, name);
    if (n == "html_print") check_html(out, name);
    if (n == "json") {
      try {  // what the JSON writer wrote must read back
        (void)galley::read_pandoc_json(out, galley::Limits{});
      } catch (const galley::Error& e) {
        std::fprintf(stderr, "galley fuzz: JSON writer output does not read back: %s\n", e.what());
        std::abort();
      }
    }
  }
  return 0;
}
