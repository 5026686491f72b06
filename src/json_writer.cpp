// Document -> Pandoc JSON, written directly into one string (no JSON DOM) for
// speed. API 1.23 by default; 1.22 turns Figure into what pandoc 2.x knows.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

#include "galley/json.hpp"

namespace galley {

namespace {

// The output buffer: raw malloc'd storage behind a cursor, so that each piece costs a
// bounds check and a memcpy rather than a std::string::append call (appends were 40%
// of plain->json, measured with callgrind). It grows with realloc, which extends the
// block in place when it ends the heap (the usual case for the one big buffer) and
// never zero-fills: a std::string resized by doubling cleared and copied every step
// (16% of jats->json's time). finish() copies the text into the string once.
class Out {
 public:
  explicit Out(std::string& s) : s_(s) {
    buf_ = static_cast<char*>(std::malloc(4096));  // small documents stay small
    if (!buf_) throw std::bad_alloc();
    p_ = buf_;
    end_ = buf_ + 4096;
  }
  ~Out() { std::free(buf_); }
  Out(const Out&) = delete;
  Out& operator=(const Out&) = delete;
  void finish() { s_.assign(buf_, static_cast<std::size_t>(p_ - buf_)); }
  void need(std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n) grow(n);
  }
  void operator+=(char c) { need(1); *p_++ = c; }
  void operator+=(const char* z) { append(std::string_view(z)); }
  void append(const char* d, std::size_t n) { need(n); std::memcpy(p_, d, n); p_ += n; }
  void append(std::string_view v) { append(v.data(), v.size()); }
  // Direct access for the string escaper, after need().
  char* cursor() { return p_; }
  void advance_to(char* q) { p_ = q; }

 private:
  void grow(std::size_t n) {
    auto used = static_cast<std::size_t>(p_ - buf_);
    auto cap = std::max(static_cast<std::size_t>(end_ - buf_) * 2, used + n + 4096);
    auto* b = static_cast<char*>(std::realloc(buf_, cap));
    if (!b) throw std::bad_alloc();
    buf_ = b;
    p_ = b + used;
    end_ = b + cap;
  }
  std::string& s_;
  char* buf_;
  char* p_;
  char* end_;
};

// For each byte: 0 = copied as is; otherwise the letter of its two-character
// escape (a backslash and that letter), or 'u' for the six-character \u00XX form.
constexpr std::array<char, 256> escape_table() {
  std::array<char, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = 'u';
  t['"'] = '"'; t['\\'] = '\\'; t['\n'] = 'n'; t['\t'] = 't'; t['\r'] = 'r'; t['\b'] = 'b'; t['\f'] = 'f';
  return t;
}
constexpr std::array<char, 256> kEscape = escape_table();

struct JsonWriter {
  Out& out;
  bool api22;

  void str(std::string_view s) {
    out.need(s.size() * 6 + 2);  // worst case: every byte escaped as \u00XX
    char* p = out.cursor();
    *p++ = '"';
    for (char ch : s) {
      char e = kEscape[static_cast<unsigned char>(ch)];
      if (!e) { *p++ = ch; continue; }
      *p++ = '\\';
      if (e != 'u') { *p++ = e; continue; }
      static constexpr char hex[] = "0123456789abcdef";
      auto c = static_cast<unsigned char>(ch);
      *p++ = 'u'; *p++ = '0'; *p++ = '0'; *p++ = hex[c >> 4]; *p++ = hex[c & 15];
    }
    *p++ = '"';
    out.advance_to(p);
  }
  void integer(long long v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
  }
  // Literals are appended with their length known at compile time (appending
  // a const char* costs a strlen each time: 9% of a conversion, measured).
  template <std::size_t N>
  void lit(const char (&s)[N]) {
    out.need(N - 1);
    std::memcpy(out.cursor(), s, N - 1);  // a constant size: inlined, no call
    out.advance_to(out.cursor() + N - 1);
  }
  void tag_only(std::string_view t) { lit("{\"t\":\""); out.append(t); lit("\"}"); }
  void open(std::string_view t) { lit("{\"t\":\""); out.append(t); lit("\",\"c\":"); }
  void close() { out += '}'; }

  void attr(const Attr& a) {
    out += '[';
    str(a.id);
    lit(",[");
    for (std::size_t i = 0; i < a.classes.size(); ++i) { if (i) out += ','; str(a.classes[i]); }
    lit("],[");
    for (std::size_t i = 0; i < a.attributes.size(); ++i) {
      if (i) out += ',';
      out += '[';
      str(a.attributes[i].first);
      out += ',';
      str(a.attributes[i].second);
      out += ']';
    }
    lit("]]");
  }

  void inlines(const Inlines& xs) {
    out += '[';
    for (std::size_t i = 0; i < xs.size(); ++i) {
      if (i) out += ',';
      // Words and spaces are most of any text: written without the visit.
      if (auto* w = xs[i].as<Str>()) { lit("{\"t\":\"Str\",\"c\":"); str(w->text); out += '}'; }
      else if (xs[i].is<Space>()) lit("{\"t\":\"Space\"}");
      else inl(xs[i]);
    }
    out += ']';
  }
  void blocks(const Blocks& bs) {
    out += '[';
    for (std::size_t i = 0; i < bs.size(); ++i) { if (i) out += ','; blk(bs[i]); }
    out += ']';
  }
  void block_lists(const std::vector<Blocks>& ls) {
    out += '[';
    for (std::size_t i = 0; i < ls.size(); ++i) { if (i) out += ','; blocks(ls[i]); }
    out += ']';
  }
  void wrap_inlines(const char* t, const Inlines& xs) { open(t); inlines(xs); close(); }

  void citation(const Citation& c) {
    static const char* modes[] = {"AuthorInText", "SuppressAuthor", "NormalCitation"};
    lit("{\"citationId\":");
    str(c.id);
    lit(",\"citationPrefix\":");
    inlines(c.prefix);
    lit(",\"citationSuffix\":");
    inlines(c.suffix);
    lit(",\"citationMode\":");
    tag_only(modes[static_cast<int>(c.mode)]);
    lit(",\"citationNoteNum\":");
    integer(c.note_num);
    lit(",\"citationHash\":");
    integer(c.hash);
    out += '}';
  }

  void inl(const Inline& x) {
    galley::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, Str>) { open("Str"); str(n.text); close(); }
          else if constexpr (std::is_same_v<T, Space>) tag_only("Space");
          else if constexpr (std::is_same_v<T, SoftBreak>) tag_only("SoftBreak");
          else if constexpr (std::is_same_v<T, LineBreak>) tag_only("LineBreak");
          else if constexpr (std::is_same_v<T, Emph>) wrap_inlines("Emph", n.content);
          else if constexpr (std::is_same_v<T, Underline>) wrap_inlines("Underline", n.content);
          else if constexpr (std::is_same_v<T, Strong>) wrap_inlines("Strong", n.content);
          else if constexpr (std::is_same_v<T, Strikeout>) wrap_inlines("Strikeout", n.content);
          else if constexpr (std::is_same_v<T, Superscript>) wrap_inlines("Superscript", n.content);
          else if constexpr (std::is_same_v<T, Subscript>) wrap_inlines("Subscript", n.content);
          else if constexpr (std::is_same_v<T, SmallCaps>) wrap_inlines("SmallCaps", n.content);
          else if constexpr (std::is_same_v<T, Quoted>) {
            open("Quoted");
            out += '[';
            tag_only(n.type == QuoteType::DoubleQuote ? "DoubleQuote" : "SingleQuote");
            out += ',';
            inlines(n.content);
            out += ']';
            close();
          } else if constexpr (std::is_same_v<T, Cite>) {
            open("Cite");
            lit("[[");
            for (std::size_t i = 0; i < n.citations.size(); ++i) { if (i) out += ','; citation(n.citations[i]); }
            lit("],");
            inlines(n.content);
            out += ']';
            close();
          } else if constexpr (std::is_same_v<T, Code>) {
            open("Code"); out += '['; attr(n.attr); out += ','; str(n.text); out += ']'; close();
          } else if constexpr (std::is_same_v<T, Math>) {
            open("Math"); out += '[';
            tag_only(n.type == MathType::DisplayMath ? "DisplayMath" : "InlineMath");
            out += ','; str(n.text); out += ']'; close();
          } else if constexpr (std::is_same_v<T, RawInline>) {
            open("RawInline"); out += '['; str(n.format); out += ','; str(n.text); out += ']'; close();
          } else if constexpr (std::is_same_v<T, Link> || std::is_same_v<T, Image>) {
            open(std::is_same_v<T, Link> ? "Link" : "Image");
            out += '['; attr(n.attr); out += ','; inlines(n.content); lit(",[");
            str(n.target.url); out += ','; str(n.target.title); lit("]]"); close();
          } else if constexpr (std::is_same_v<T, Note>) { open("Note"); blocks(n.content); close(); }
          else if constexpr (std::is_same_v<T, Span>) {
            open("Span"); out += '['; attr(n.attr); out += ','; inlines(n.content); out += ']'; close();
          }
        }, x);
  }

  void alignment(Alignment a) {
    static const char* names[] = {"AlignLeft", "AlignRight", "AlignCenter", "AlignDefault"};
    tag_only(names[static_cast<int>(a)]);
  }
  void caption(const Caption& c) {
    out += '[';
    if (c.short_caption) inlines(*c.short_caption);
    else lit("null");
    out += ',';
    blocks(c.long_caption);
    out += ']';
  }
  void rows(const std::vector<Row>& rs) {
    out += '[';
    for (std::size_t i = 0; i < rs.size(); ++i) {
      if (i) out += ',';
      out += '[';
      attr(rs[i].attr);
      lit(",[");
      for (std::size_t k = 0; k < rs[i].cells.size(); ++k) {
        const Cell& c = rs[i].cells[k];
        if (k) out += ',';
        out += '[';
        attr(c.attr); out += ','; alignment(c.align); out += ',';
        integer(c.row_span); out += ','; integer(c.col_span); out += ',';
        blocks(c.content);
        out += ']';
      }
      lit("]]");
    }
    out += ']';
  }
  void number(double d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", d);
    // Prefer the shortest representation that reads back exactly.
    for (int prec = 1; prec <= 17; ++prec) {
      char b2[32];
      std::snprintf(b2, sizeof b2, "%.*g", prec, d);
      if (std::strtod(b2, nullptr) == d) { out += b2; return; }
    }
    out += buf;
  }

  void figure_as_22(const Figure& f) {
    // A single image with a plain caption: pandoc 2.x's implicit figure.
    const Image* img = nullptr;
    if (f.content.size() == 1)
      if (auto p = f.content[0].as<Plain>(); p && p->content.size() == 1) img = p->content[0].as<Image>();
    if (!img && f.content.size() == 1)
      if (auto p = f.content[0].as<Para>(); p && p->content.size() == 1) img = p->content[0].as<Image>();
    const Inlines* cap = nullptr;
    Inlines empty;
    if (f.caption.long_caption.empty()) cap = &empty;
    else if (f.caption.long_caption.size() == 1) {
      if (auto p = f.caption.long_caption[0].as<Plain>()) cap = &p->content;
      else if (auto q = f.caption.long_caption[0].as<Para>()) cap = &q->content;
    }
    if (img && cap && f.attr.classes.empty() && f.attr.attributes.empty() &&
        (f.attr.id.empty() || img->attr.id.empty())) {
      Image i2 = *img;
      if (!f.attr.id.empty()) i2.attr.id = f.attr.id;
      i2.content = *cap;
      i2.target.title = "fig:" + img->target.title;
      open("Para");
      out += '[';
      inl(Inline{std::move(i2)});
      out += ']';
      close();
      return;
    }
    // Otherwise a Div with class "figure", the caption in a Div "figcaption".
    Div d;
    d.attr = f.attr;
    d.attr.classes.insert(d.attr.classes.begin(), "figure");
    d.content = f.content;
    if (!f.caption.long_caption.empty()) d.content.push_back(Div{Attr{"", {"figcaption"}, {}}, f.caption.long_caption});
    blk(Block{std::move(d)});
  }

  void blk(const Block& b) {
    galley::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, Plain>) wrap_inlines("Plain", n.content);
          else if constexpr (std::is_same_v<T, Para>) wrap_inlines("Para", n.content);
          else if constexpr (std::is_same_v<T, LineBlock>) {
            open("LineBlock");
            out += '[';
            for (std::size_t i = 0; i < n.lines.size(); ++i) { if (i) out += ','; inlines(n.lines[i]); }
            out += ']';
            close();
          } else if constexpr (std::is_same_v<T, CodeBlock>) {
            open("CodeBlock"); out += '['; attr(n.attr); out += ','; str(n.text); out += ']'; close();
          } else if constexpr (std::is_same_v<T, RawBlock>) {
            open("RawBlock"); out += '['; str(n.format); out += ','; str(n.text); out += ']'; close();
          } else if constexpr (std::is_same_v<T, BlockQuote>) { open("BlockQuote"); blocks(n.content); close(); }
          else if constexpr (std::is_same_v<T, OrderedList>) {
            static const char* styles[] = {"DefaultStyle", "Example", "Decimal", "LowerRoman", "UpperRoman", "LowerAlpha", "UpperAlpha"};
            static const char* delims[] = {"DefaultDelim", "Period", "OneParen", "TwoParens"};
            open("OrderedList");
            lit("[[");
            integer(n.attrs.start); out += ',';
            tag_only(styles[static_cast<int>(n.attrs.style)]); out += ',';
            tag_only(delims[static_cast<int>(n.attrs.delim)]);
            lit("],");
            block_lists(n.items);
            out += ']';
            close();
          } else if constexpr (std::is_same_v<T, BulletList>) { open("BulletList"); block_lists(n.items); close(); }
          else if constexpr (std::is_same_v<T, DefinitionList>) {
            open("DefinitionList");
            out += '[';
            for (std::size_t i = 0; i < n.items.size(); ++i) {
              if (i) out += ',';
              out += '[';
              inlines(n.items[i].term);
              out += ',';
              block_lists(n.items[i].definitions);
              out += ']';
            }
            out += ']';
            close();
          } else if constexpr (std::is_same_v<T, Header>) {
            open("Header"); out += '['; integer(n.level); out += ','; attr(n.attr); out += ','; inlines(n.content); out += ']'; close();
          } else if constexpr (std::is_same_v<T, HorizontalRule>) tag_only("HorizontalRule");
          else if constexpr (std::is_same_v<T, Table>) {
            open("Table");
            out += '[';
            attr(n.attr); out += ',';
            caption(n.caption); lit(",[");
            for (std::size_t i = 0; i < n.colspecs.size(); ++i) {
              if (i) out += ',';
              out += '[';
              alignment(n.colspecs[i].align);
              out += ',';
              if (n.colspecs[i].width) { open("ColWidth"); number(*n.colspecs[i].width); close(); }
              else tag_only("ColWidthDefault");
              out += ']';
            }
            lit("],[");
            attr(n.head.attr); out += ','; rows(n.head.rows);
            lit("],[");
            for (std::size_t i = 0; i < n.bodies.size(); ++i) {
              if (i) out += ',';
              out += '[';
              attr(n.bodies[i].attr); out += ',';
              integer(n.bodies[i].row_head_columns); out += ',';
              rows(n.bodies[i].head); out += ',';
              rows(n.bodies[i].body);
              out += ']';
            }
            lit("],[");
            attr(n.foot.attr); out += ','; rows(n.foot.rows);
            lit("]]");
            close();
          } else if constexpr (std::is_same_v<T, Figure>) {
            if (api22) { figure_as_22(n); return; }
            open("Figure"); out += '['; attr(n.attr); out += ','; caption(n.caption); out += ','; blocks(n.content); out += ']'; close();
          } else if constexpr (std::is_same_v<T, Div>) {
            open("Div"); out += '['; attr(n.attr); out += ','; blocks(n.content); out += ']'; close();
          }
        }, b);
  }

  void meta_value(const MetaValue& v) {
    std::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, MetaString>) { open("MetaString"); str(n.text); close(); }
          else if constexpr (std::is_same_v<T, MetaBool>) { open("MetaBool"); out += n.value ? "true" : "false"; close(); }
          else if constexpr (std::is_same_v<T, MetaInlines>) { open("MetaInlines"); inlines(n.content); close(); }
          else if constexpr (std::is_same_v<T, MetaBlocks>) { open("MetaBlocks"); blocks(n.content); close(); }
          else if constexpr (std::is_same_v<T, MetaList>) {
            open("MetaList");
            out += '[';
            for (std::size_t i = 0; i < n.items.size(); ++i) { if (i) out += ','; meta_value(n.items[i]); }
            out += ']';
            close();
          } else { open("MetaMap"); meta_map(n.entries); close(); }
        },
        v.base());
  }
  void meta_map(const std::map<std::string, MetaValue>& m) {
    out += '{';
    bool first = true;
    for (auto& [k, v] : m) {
      if (!first) out += ',';
      first = false;
      str(k);
      out += ':';
      meta_value(v);
    }
    out += '}';
  }
};

}  // namespace

std::string write_pandoc_json(const Document& doc, int api_minor) {
  std::string text;
  Out out(text);
  JsonWriter w{out, api_minor == 22};
  out += api_minor == 22 ? "{\"pandoc-api-version\":[1,22,2,1],\"meta\":" : "{\"pandoc-api-version\":[1,23,1],\"meta\":";
  w.meta_map(doc.meta);
  w.lit(",\"blocks\":");
  w.blocks(doc.blocks);
  w.lit("}\n");
  out.finish();
  return text;
}

}  // namespace galley
