// Pandoc JSON (API 1.22 and 1.23) -> Document, parsed directly from the text
// into the AST (no intermediate JSON tree: that tree cost more than the rest
// of a conversion). Errors name the JSON path of the bad value
// ("$.blocks[3].c[1]") or the byte offset of a syntax error; no input crashes it.
#include <initializer_list>
#include <type_traits>
#include <utility>
#include <vector>

#include "json_lexer.hpp"
#include "galley/json.hpp"

namespace galley {

namespace {

using pandoc_json::Path;

// The pandoc types, read through the lexer.
class Parser : public pandoc_json::Lexer {
 public:
  using Lexer::Lexer;
  bool api22 = false;

  // ---- pandoc types ----
  Attr attr(const Path& path) {
    Attr a;
    tuple(path, 3, [&](std::size_t i) {
      Path pi = path.at(i);
      if (i == 0) a.id = string_value(pi);
      else if (i == 1) array(pi, [&](std::size_t k) { a.classes.push_back(string_value(pi.at(k))); });
      else array(pi, [&](std::size_t k) {
        Path pk = pi.at(k);
        std::pair<std::string, std::string> kv;
        tuple(pk, 2, [&](std::size_t m) { (m ? kv.second : kv.first) = string_value(pk.at(m)); });
        a.attributes.push_back(std::move(kv));
      });
    });
    return a;
  }
  Target target(const Path& path) {
    Target t;
    tuple(path, 2, [&](std::size_t i) { (i ? t.title : t.url) = string_value(path.at(i)); });
    return t;
  }
  Inlines inlines(const Path& path) {
    Inlines out;
    array(path, [&](std::size_t i) { out.push_back(inl(path.at(i))); });
    return out;
  }
  Blocks blocks(const Path& path) {
    Blocks out;
    array(path, [&](std::size_t i) { out.push_back(blk(path.at(i))); });
    return out;
  }
  std::vector<Blocks> block_lists(const Path& path) {
    std::vector<Blocks> out;
    array(path, [&](std::size_t i) { out.push_back(blocks(path.at(i))); });
    return out;
  }
  std::string str2(const Path& path, std::string& second) {
    std::string first;
    tuple(path, 2, [&](std::size_t i) { (i ? second : first) = string_value(path.at(i)); });
    return first;
  }

  Citation citation(const Path& path) {
    if (peek() != '{') bad(path, std::string("expected a citation object, found ") + kind());
    ++p_;
    enter(path);
    Citation c;
    int seen = 0;
    std::string key;
    if (peek() != '}') {
      for (;;) {
        key.clear();
        string_into(key);
        expect(':');
        if (key == "citationId") { c.id = string_value(path.field("citationId")); seen |= 1; }
        else if (key == "citationPrefix") { c.prefix = inlines(path.field("citationPrefix")); seen |= 2; }
        else if (key == "citationSuffix") { c.suffix = inlines(path.field("citationSuffix")); seen |= 4; }
        else if (key == "citationMode") {
          c.mode = enum_tag<CitationMode>(path.field("citationMode"),
                                          {{"AuthorInText", CitationMode::AuthorInText},
                                           {"SuppressAuthor", CitationMode::SuppressAuthor},
                                           {"NormalCitation", CitationMode::NormalCitation}},
                                          "citation mode");
          seen |= 8;
        } else if (key == "citationNoteNum") { c.note_num = int_value(path.field("citationNoteNum")); seen |= 16; }
        else if (key == "citationHash") { c.hash = int_value(path.field("citationHash")); seen |= 32; }
        else skip_value();
        char d = peek();
        ++p_;
        if (d == '}') break;
        if (d != ',') { --p_; syntax("expected ',' or '}'"); }
      }
    } else ++p_;
    --depth_;
    if (seen != 63) bad(path, "citation lacks one of citationId, citationPrefix, citationSuffix, citationMode, citationNoteNum, citationHash");
    return c;
  }

  [[noreturn]] void missing_c(const Path& path) { bad(path, "missing \"c\" contents"); }

  // A nullary constructor standing for an enum value ("DoubleQuote", "AlignLeft"): the
  // value `names` gives it; any other tag is an error "unknown <what> <tag>".
  template <class E>
  E enum_tag(const Path& path, std::initializer_list<std::pair<std::string_view, E>> names, const char* what) {
    auto s = simple_tag(path);
    for (const auto& [name, value] : names)
      if (s == name) return value;
    bad(path, std::string("unknown ") + what + " " + s);
  }

  // The values inside a constructor's contents, by the C++ type they fill.
  template <class V>
  V read(const Path& path) {
    if constexpr (std::is_same_v<V, Attr>) return attr(path);
    else if constexpr (std::is_same_v<V, std::string>) return string_value(path);
    else if constexpr (std::is_same_v<V, Inlines>) return inlines(path);
    else if constexpr (std::is_same_v<V, Blocks>) return blocks(path);
    else if constexpr (std::is_same_v<V, std::vector<Citation>>) {
      std::vector<Citation> out;
      array(path, [&](std::size_t i) { out.push_back(citation(path.at(i))); });
      return out;
    } else if constexpr (std::is_same_v<V, QuoteType>)
      return enum_tag<QuoteType>(path, {{"DoubleQuote", QuoteType::DoubleQuote}, {"SingleQuote", QuoteType::SingleQuote}},
                                 "quote type");
    else {
      static_assert(std::is_same_v<V, MathType>);
      return enum_tag<MathType>(path, {{"InlineMath", MathType::InlineMath}, {"DisplayMath", MathType::DisplayMath}},
                                "math type");
    }
  }
  // Contents that are a pair [a, b] (most constructors): a T whose two members are read
  // from them in order.
  template <class T, class A, class B>
  T pair_of(const Path& pc, A T::*first, B T::*second) {
    T v;
    tuple(pc, 2, [&](std::size_t i) {
      if (i == 0) v.*first = read<A>(pc.at(0));
      else v.*second = read<B>(pc.at(1));
    });
    return v;
  }

  Inline inl(const Path& path) {
    Inline result = Space{};
    tagged(path, [&](std::string_view t, const Path& pc, bool has_c) {
      auto need = [&] { if (!has_c) missing_c(*pc.parent); };
      if (t == "Str") { need(); result = Str{string_value(pc)}; }
      else if (t == "Space" || t == "SoftBreak" || t == "LineBreak") {
        if (has_c) skip_value();
        if (t == "Space") result = Space{};
        else if (t == "SoftBreak") result = SoftBreak{};
        else result = LineBreak{};
      }
      else if (t == "Emph") { need(); result = Emph{inlines(pc)}; }
      else if (t == "Strong") { need(); result = Strong{inlines(pc)}; }
      else if (t == "Underline") { need(); result = Underline{inlines(pc)}; }
      else if (t == "Strikeout") { need(); result = Strikeout{inlines(pc)}; }
      else if (t == "Superscript") { need(); result = Superscript{inlines(pc)}; }
      else if (t == "Subscript") { need(); result = Subscript{inlines(pc)}; }
      else if (t == "SmallCaps") { need(); result = SmallCaps{inlines(pc)}; }
      else if (t == "Quoted") { need(); result = pair_of(pc, &Quoted::type, &Quoted::content); }
      else if (t == "Cite") { need(); result = pair_of(pc, &Cite::citations, &Cite::content); }
      else if (t == "Code") { need(); result = pair_of(pc, &Code::attr, &Code::text); }
      else if (t == "Math") { need(); result = pair_of(pc, &Math::type, &Math::text); }
      else if (t == "RawInline") {
        need();
        RawInline r;
        r.format = str2(pc, r.text);
        result = std::move(r);
      } else if (t == "Link" || t == "Image") {
        need();
        Attr a;
        Inlines xs;
        Target tg;
        tuple(pc, 3, [&](std::size_t i) {
          if (i == 0) a = attr(pc.at(0));
          else if (i == 1) xs = inlines(pc.at(1));
          else tg = target(pc.at(2));
        });
        if (t == "Link") result = Link{std::move(a), std::move(xs), std::move(tg)};
        else result = Image{std::move(a), std::move(xs), std::move(tg)};
      } else if (t == "Note") { need(); result = Note{blocks(pc)}; }
      else if (t == "Span") { need(); result = pair_of(pc, &Span::attr, &Span::content); }
      else bad(*pc.parent, "unknown Inline constructor \"" + std::string(t) + "\"");
    });
    return result;
  }

  Alignment alignment(const Path& path) {
    return enum_tag<Alignment>(path,
                               {{"AlignDefault", Alignment::AlignDefault},
                                {"AlignLeft", Alignment::AlignLeft},
                                {"AlignRight", Alignment::AlignRight},
                                {"AlignCenter", Alignment::AlignCenter}},
                               "alignment");
  }
  Caption caption(const Path& path) {
    Caption c;
    tuple(path, 2, [&](std::size_t i) {
      if (i == 0) {
        ws();
        if (literal("null")) return;
        c.short_caption = inlines(path.at(0));
      } else c.long_caption = blocks(path.at(1));
    });
    return c;
  }
  std::vector<Row> rows(const Path& path) {
    std::vector<Row> out;
    array(path, [&](std::size_t r) {
      Path pr = path.at(r);
      Row row;
      tuple(pr, 2, [&](std::size_t i) {
        if (i == 0) { row.attr = attr(pr.at(0)); return; }
        Path pcs = pr.at(1);
        array(pcs, [&](std::size_t k) {
          Path pcell = pcs.at(k);
          Cell cell;
          tuple(pcell, 5, [&](std::size_t m) {
            Path pm = pcell.at(m);
            switch (m) {
              case 0: cell.attr = attr(pm); break;
              case 1: cell.align = alignment(pm); break;
              case 2: cell.row_span = int_value(pm); break;
              case 3: cell.col_span = int_value(pm); break;
              default: cell.content = blocks(pm);
            }
          });
          row.cells.push_back(std::move(cell));
        });
      });
      out.push_back(std::move(row));
    });
    return out;
  }
  Table table(const Path& pc) {
    Table t;
    tuple(pc, 6, [&](std::size_t i) {
      Path pi = pc.at(i);
      switch (i) {
        case 0: t.attr = attr(pi); break;
        case 1: t.caption = caption(pi); break;
        case 2:
          array(pi, [&](std::size_t k) {
            Path pk = pi.at(k);
            ColSpec cs;
            tuple(pk, 2, [&](std::size_t m) {
              if (m == 0) { cs.align = alignment(pk.at(0)); return; }
              Path pw = pk.at(1);
              tagged(pw, [&](std::string_view tag, const Path& pwc, bool has_c) {
                if (tag == "ColWidth") {
                  if (!has_c) missing_c(pw);
                  cs.width = number_value(pwc);
                } else if (tag == "ColWidthDefault") {
                  if (has_c) skip_value();
                } else bad(pw, "unknown column width " + std::string(tag));
              });
            });
            t.colspecs.push_back(cs);
          });
          break;
        case 3:
          tuple(pi, 2, [&](std::size_t m) {
            if (m == 0) t.head.attr = attr(pi.at(0));
            else t.head.rows = rows(pi.at(1));
          });
          break;
        case 4:
          array(pi, [&](std::size_t k) {
            Path pk = pi.at(k);
            TableBody b;
            tuple(pk, 4, [&](std::size_t m) {
              Path pm = pk.at(m);
              if (m == 0) b.attr = attr(pm);
              else if (m == 1) b.row_head_columns = int_value(pm);
              else if (m == 2) b.head = rows(pm);
              else b.body = rows(pm);
            });
            t.bodies.push_back(std::move(b));
          });
          break;
        default:
          tuple(pi, 2, [&](std::size_t m) {
            if (m == 0) t.foot.attr = attr(pi.at(0));
            else t.foot.rows = rows(pi.at(1));
          });
      }
    });
    return t;
  }

  // 1.22's implicit figure: a Para holding one Image titled "fig:...".
  static bool implicit_figure(Para& para, Block& out) {
    if (para.content.size() != 1) return false;
    auto img = para.content[0].as<Image>();
    if (!img || img->target.title.rfind("fig:", 0) != 0) return false;
    Figure f;
    f.attr.id = std::move(img->attr.id);
    img->attr.id.clear();
    img->target.title.erase(0, 4);
    if (!img->content.empty()) f.caption.long_caption.push_back(Plain{img->content});
    f.content.push_back(Plain{std::move(para.content)});
    out = std::move(f);
    return true;
  }
  // 1.22 form of a Figure that was not a lone image: Div ("", ["figure", ...])
  // whose last block is Div ("", ["figcaption"], []) (written by galley).
  static bool figure_div(Div& d, Block& out) {
    if (d.attr.classes.empty() || d.attr.classes[0] != "figure" || d.content.empty()) return false;
    auto cap = d.content.back().as<Div>();
    if (!cap || cap->attr.classes != std::vector<std::string>{"figcaption"} || !cap->attr.id.empty() ||
        !cap->attr.attributes.empty())
      return false;
    Figure f;
    f.caption.long_caption = std::move(cap->content);
    d.content.pop_back();
    f.attr = std::move(d.attr);
    f.attr.classes.erase(f.attr.classes.begin());
    f.content = std::move(d.content);
    out = std::move(f);
    return true;
  }

  Block blk(const Path& path) {
    Block result = HorizontalRule{};
    tagged(path, [&](std::string_view t, const Path& pc, bool has_c) {
      auto need = [&] { if (!has_c) missing_c(*pc.parent); };
      if (t == "Para") {
        need();
        Para para{inlines(pc)};
        if (api22 && implicit_figure(para, result)) return;
        result = std::move(para);
      } else if (t == "Plain") { need(); result = Plain{inlines(pc)}; }
      else if (t == "Header") {
        need();
        Header h;
        tuple(pc, 3, [&](std::size_t i) {
          if (i == 0) h.level = int_value(pc.at(0));
          else if (i == 1) h.attr = attr(pc.at(1));
          else h.content = inlines(pc.at(2));
        });
        result = std::move(h);
      } else if (t == "BulletList") { need(); result = BulletList{block_lists(pc)}; }
      else if (t == "OrderedList") {
        need();
        OrderedList ol;
        tuple(pc, 2, [&](std::size_t i) {
          if (i == 1) { ol.items = block_lists(pc.at(1)); return; }
          Path pa = pc.at(0);
          tuple(pa, 3, [&](std::size_t k) {
            Path pk = pa.at(k);
            using S = ListNumberStyle;
            using D = ListNumberDelim;
            if (k == 0) ol.attrs.start = int_value(pk);
            else if (k == 1)
              ol.attrs.style = enum_tag<S>(pk,
                                           {{"DefaultStyle", S::DefaultStyle}, {"Example", S::Example},
                                            {"Decimal", S::Decimal}, {"LowerRoman", S::LowerRoman},
                                            {"UpperRoman", S::UpperRoman}, {"LowerAlpha", S::LowerAlpha},
                                            {"UpperAlpha", S::UpperAlpha}},
                                           "list number style");
            else
              ol.attrs.delim = enum_tag<D>(pk,
                                           {{"DefaultDelim", D::DefaultDelim}, {"Period", D::Period},
                                            {"OneParen", D::OneParen}, {"TwoParens", D::TwoParens}},
                                           "list number delimiter");
          });
        });
        result = std::move(ol);
      } else if (t == "BlockQuote") { need(); result = BlockQuote{blocks(pc)}; }
      else if (t == "Div") {
        need();
        Div d = pair_of(pc, &Div::attr, &Div::content);
        if (api22 && figure_div(d, result)) return;
        result = std::move(d);
      } else if (t == "CodeBlock") {
        need();
        result = pair_of(pc, &CodeBlock::attr, &CodeBlock::text);
      } else if (t == "RawBlock") {
        need();
        RawBlock r;
        r.format = str2(pc, r.text);
        result = std::move(r);
      } else if (t == "HorizontalRule") {
        if (has_c) skip_value();
        result = HorizontalRule{};
      } else if (t == "LineBlock") {
        need();
        LineBlock lb;
        array(pc, [&](std::size_t i) { lb.lines.push_back(inlines(pc.at(i))); });
        result = std::move(lb);
      } else if (t == "DefinitionList") {
        need();
        DefinitionList dl;
        array(pc, [&](std::size_t i) {
          Path pi = pc.at(i);
          DefinitionItem item;
          tuple(pi, 2, [&](std::size_t k) { if (k == 0) item.term = inlines(pi.at(0)); else item.definitions = block_lists(pi.at(1)); });
          dl.items.push_back(std::move(item));
        });
        result = std::move(dl);
      } else if (t == "Table") { need(); result = table(pc); }
      else if (t == "Figure") {
        need();
        Figure f;
        tuple(pc, 3, [&](std::size_t i) {
          if (i == 0) f.attr = attr(pc.at(0));
          else if (i == 1) f.caption = caption(pc.at(1));
          else f.content = blocks(pc.at(2));
        });
        result = std::move(f);
      } else bad(*pc.parent, "unknown Block constructor \"" + std::string(t) + "\"");
    });
    return result;
  }

  MetaValue meta_value(const Path& path) {
    MetaValue result = MetaString{};
    tagged(path, [&](std::string_view t, const Path& pc, bool has_c) {
      if (!has_c) missing_c(*pc.parent);
      if (t == "MetaString") result = MetaString{string_value(pc)};
      else if (t == "MetaInlines") result = MetaInlines{inlines(pc)};
      else if (t == "MetaBlocks") result = MetaBlocks{blocks(pc)};
      else if (t == "MetaBool") result = MetaBool{bool_value(pc)};
      else if (t == "MetaList") {
        MetaList l;
        array(pc, [&](std::size_t i) { l.items.push_back(meta_value(pc.at(i))); });
        result = std::move(l);
      } else if (t == "MetaMap") result = MetaMap{meta_map(pc)};
      else bad(*pc.parent, "unknown MetaValue constructor \"" + std::string(t) + "\"");
    });
    return result;
  }
  std::map<std::string, MetaValue> meta_map(const Path& path) {
    std::map<std::string, MetaValue> out;
    if (peek() != '{') bad(path, std::string("expected an object, found ") + kind());
    ++p_;
    enter(path);
    if (peek() == '}') { ++p_; --depth_; return out; }
    for (;;) {
      std::string key;
      string_into(key);
      expect(':');
      Path pk = path.field(key.c_str());
      out[key] = meta_value(pk);
      char d = peek();
      ++p_;
      if (d == '}') break;
      if (d != ',') { --p_; syntax("expected ',' or '}'"); }
    }
    --depth_;
    return out;
  }

  Document document() {
    Path root{nullptr, nullptr, 0};
    ws();
    if (p_ < end_ && *p_ == '[') bad(root, "this looks like pre-1.18 Pandoc JSON (an array); galley reads API 1.22 and 1.23");
    if (peek() != '{') bad(root, std::string("expected a Pandoc document object, found ") + kind());
    // The version decides how the rest is read, so find it first wherever it is.
    find_version();
    ++p_;
    Document doc;
    bool have_meta = false, have_blocks = false;
    std::string key;
    if (peek() != '}') {
      for (;;) {
        key.clear();
        string_into(key);
        expect(':');
        if (key == "meta") { doc.meta = meta_map(root.field("meta")); have_meta = true; }
        else if (key == "blocks") { doc.blocks = blocks(root.field("blocks")); have_blocks = true; }
        else skip_value();
        char d = peek();
        ++p_;
        if (d == '}') break;
        if (d != ',') { --p_; syntax("expected ',' or '}'"); }
      }
    } else ++p_;
    if (!is_end()) syntax("unexpected data after the document");
    if (!have_meta) bad(root.field("meta"), "missing \"meta\"");
    if (!have_blocks) bad(root.field("blocks"), "missing \"blocks\"");
    return doc;
  }

  void find_version() {
    const char* save = p_;
    ++p_;
    std::string key;
    bool found = false;
    if (peek() != '}') {
      for (;;) {
        key.clear();
        string_into(key);
        expect(':');
        if (key == "pandoc-api-version") {
          std::vector<double> v;
          if (peek() != '[') throw InputError("galley.json.version", "\"pandoc-api-version\" must be an array of integers like [1,23,1]");
          Path pv{nullptr, "pandoc-api-version", 0};
          array(pv, [&](std::size_t i) { v.push_back(number_value(pv.at(i))); });
          if (v.size() < 2) throw InputError("galley.json.version", "\"pandoc-api-version\" must have at least two numbers");
          auto to_int = [](double d) { return d >= -1e6 && d <= 1e6 ? static_cast<int>(d) : -1; };  // no UB on 1e38
          int major = to_int(v[0]), minor = to_int(v[1]);
          if (major != 1 || (minor != 22 && minor != 23))
            throw InputError("galley.json.version", "unsupported pandoc-api-version " + std::to_string(major) + "." +
                                                        std::to_string(minor) + " (galley reads 1.22 and 1.23)");
          api22 = minor == 22;
          found = true;
          break;
        }
        skip_value();
        char d = peek();
        ++p_;
        if (d == '}') break;
        if (d != ',') { --p_; syntax("expected ',' or '}'"); }
      }
    }
    if (!found) throw InputError("galley.json.version", "missing \"pandoc-api-version\" (galley reads API 1.22 and 1.23)");
    p_ = save;
  }
};

}  // namespace

Document read_pandoc_json(std::string_view text, const Limits& limits) {
  if (text.size() > limits.max_input_bytes)
    throw InputError("galley.json.too-large", "JSON input is larger than the limit of " + std::to_string(limits.max_input_bytes) + " bytes");
  Parser parser(text, limits);
  return parser.document();
}

}  // namespace galley
