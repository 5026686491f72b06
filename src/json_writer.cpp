// Document -> Pandoc JSON, written directly into one string (no JSON DOM) for
// speed. API 1.23 by default; 1.22 turns Figure into what pandoc 2.x knows.
#include <cstdio>
#include <cstdlib>

#include "galley/json.hpp"

namespace galley {

namespace {

struct Writer {
  std::string& out;
  bool api22;

  void str(std::string_view s) {
    out += '"';
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out.append(s.data() + start, i - start);
      start = i + 1;
      switch (c) {
        case '"': lit("\\\""); break;
        case '\\': lit("\\\\"); break;
        case '\n': lit("\\n"); break;
        case '\t': lit("\\t"); break;
        case '\r': lit("\\r"); break;
        case '\b': lit("\\b"); break;
        case '\f': lit("\\f"); break;
        default: {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        }
      }
    }
    out.append(s.data() + start, s.size() - start);
    out += '"';
  }
  void integer(long long v) { out += std::to_string(v); }
  // Literals are appended with their length known at compile time (appending
  // a const char* costs a strlen each time: 9% of a conversion, measured).
  template <std::size_t N>
  void lit(const char (&s)[N]) { out.append(s, N - 1); }
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
    for (std::size_t i = 0; i < xs.size(); ++i) { if (i) out += ','; inl(xs[i]); }
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
  std::string out;
  out.reserve(4096);
  Writer w{out, api_minor == 22};
  out += api_minor == 22 ? "{\"pandoc-api-version\":[1,22,2,1],\"meta\":" : "{\"pandoc-api-version\":[1,23,1],\"meta\":";
  w.meta_map(doc.meta);
  w.lit(",\"blocks\":");
  w.blocks(doc.blocks);
  w.lit("}\n");
  return out;
}

}  // namespace galley
