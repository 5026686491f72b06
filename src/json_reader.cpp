// Pandoc JSON (API 1.22 and 1.23) -> Document. Errors name the JSON path of
// the bad value ("$.blocks[3].c[1]") and never crash on any input.
#include <nlohmann/json.hpp>

#include "galley/error.hpp"
#include "galley/json.hpp"

namespace galley {

namespace {

using json = nlohmann::json;

// The JSON path, kept as a chain of frames on the C++ stack so that the happy
// path builds no strings.
struct Path {
  const Path* parent;
  const char* key;       // object key, or nullptr for an array index
  std::size_t index;
  std::string str() const {
    std::string s = parent ? parent->str() : "$";
    if (key) { s += '.'; s += key; }
    else if (parent) { s += '['; s += std::to_string(index); s += ']'; }
    return s;
  }
};

[[noreturn]] void bad(const Path& p, const std::string& what) {
  throw InputError("galley.json.shape", "wrong shape at " + p.str() + ": " + what);
}

const char* type_name(const json& j) { return j.type_name(); }

struct Reader {
  bool api22 = false;

  const json& arr(const json& j, const Path& p, std::size_t n = std::size_t(-1)) {
    if (!j.is_array()) bad(p, std::string("expected an array, found ") + type_name(j));
    if (n != std::size_t(-1) && j.size() != n)
      bad(p, "expected an array of " + std::to_string(n) + " elements, found " + std::to_string(j.size()));
    return j;
  }
  std::string str(const json& j, const Path& p) {
    if (!j.is_string()) bad(p, std::string("expected a string, found ") + type_name(j));
    return j.get_ref<const std::string&>();
  }
  int integer(const json& j, const Path& p) {
    if (!j.is_number_integer()) bad(p, std::string("expected an integer, found ") + type_name(j));
    auto v = j.get<long long>();
    if (v < -2147483647LL || v > 2147483647LL) bad(p, "integer out of range");
    return static_cast<int>(v);
  }
  // {"t": "...", "c": ...}: returns the tag; `c` is set when present.
  const std::string& tag(const json& j, const Path& p, const json*& c) {
    if (!j.is_object()) bad(p, std::string("expected an object with \"t\", found ") + type_name(j));
    auto t = j.find("t");
    if (t == j.end() || !t->is_string()) bad(p, "missing \"t\" tag");
    auto ci = j.find("c");
    c = ci == j.end() ? nullptr : &*ci;
    return t->get_ref<const std::string&>();
  }
  const json& content(const json* c, const Path& p) {
    if (!c) bad(p, "missing \"c\" contents");
    return *c;
  }
  std::string simple_tag(const json& j, const Path& p) {
    const json* c;
    return tag(j, p, c);
  }

  Attr attr(const json& j, const Path& p) {
    arr(j, p, 3);
    Attr a;
    a.id = str(j[0], Path{&p, nullptr, 0});
    Path pc{&p, nullptr, 1};
    for (std::size_t i = 0; i < arr(j[1], pc).size(); ++i) a.classes.push_back(str(j[1][i], Path{&pc, nullptr, i}));
    Path pk{&p, nullptr, 2};
    for (std::size_t i = 0; i < arr(j[2], pk).size(); ++i) {
      Path pi{&pk, nullptr, i};
      arr(j[2][i], pi, 2);
      a.attributes.emplace_back(str(j[2][i][0], Path{&pi, nullptr, 0}), str(j[2][i][1], Path{&pi, nullptr, 1}));
    }
    return a;
  }
  Target target(const json& j, const Path& p) {
    arr(j, p, 2);
    return Target{str(j[0], Path{&p, nullptr, 0}), str(j[1], Path{&p, nullptr, 1})};
  }

  Inlines inlines(const json& j, const Path& p) {
    arr(j, p);
    Inlines out;
    out.reserve(j.size());
    for (std::size_t i = 0; i < j.size(); ++i) out.push_back(inl(j[i], Path{&p, nullptr, i}));
    return out;
  }
  Blocks blocks(const json& j, const Path& p) {
    arr(j, p);
    Blocks out;
    out.reserve(j.size());
    for (std::size_t i = 0; i < j.size(); ++i) out.push_back(blk(j[i], Path{&p, nullptr, i}));
    return out;
  }
  std::vector<Blocks> block_lists(const json& j, const Path& p) {
    arr(j, p);
    std::vector<Blocks> out;
    for (std::size_t i = 0; i < j.size(); ++i) out.push_back(blocks(j[i], Path{&p, nullptr, i}));
    return out;
  }

  Citation citation(const json& j, const Path& p) {
    if (!j.is_object()) bad(p, "expected a citation object");
    Citation c;
    auto field = [&](const char* k) -> const json& {
      auto it = j.find(k);
      if (it == j.end()) bad(p, std::string("missing \"") + k + "\"");
      return *it;
    };
    c.id = str(field("citationId"), Path{&p, "citationId", 0});
    c.prefix = inlines(field("citationPrefix"), Path{&p, "citationPrefix", 0});
    c.suffix = inlines(field("citationSuffix"), Path{&p, "citationSuffix", 0});
    Path pm{&p, "citationMode", 0};
    auto m = simple_tag(field("citationMode"), pm);
    if (m == "AuthorInText") c.mode = CitationMode::AuthorInText;
    else if (m == "SuppressAuthor") c.mode = CitationMode::SuppressAuthor;
    else if (m == "NormalCitation") c.mode = CitationMode::NormalCitation;
    else bad(pm, "unknown citation mode " + m);
    c.note_num = integer(field("citationNoteNum"), Path{&p, "citationNoteNum", 0});
    c.hash = integer(field("citationHash"), Path{&p, "citationHash", 0});
    return c;
  }

  Inline inl(const json& j, const Path& p) {
    const json* c;
    const std::string& t = tag(j, p, c);
    Path pc{&p, "c", 0};
    auto cc = [&]() -> const json& { return content(c, p); };
    auto at = [&](std::size_t i) { return Path{&pc, nullptr, i}; };
    switch (t[0]) {
      case 'S':
        if (t == "Str") return Str{str(cc(), pc)};
        if (t == "Space") return Space{};
        if (t == "SoftBreak") return SoftBreak{};
        if (t == "Strong") return Strong{inlines(cc(), pc)};
        if (t == "Strikeout") return Strikeout{inlines(cc(), pc)};
        if (t == "Superscript") return Superscript{inlines(cc(), pc)};
        if (t == "Subscript") return Subscript{inlines(cc(), pc)};
        if (t == "SmallCaps") return SmallCaps{inlines(cc(), pc)};
        if (t == "Span") { arr(cc(), pc, 2); return Span{attr((*c)[0], at(0)), inlines((*c)[1], at(1))}; }
        break;
      case 'E':
        if (t == "Emph") return Emph{inlines(cc(), pc)};
        break;
      case 'U':
        if (t == "Underline") return Underline{inlines(cc(), pc)};
        break;
      case 'Q':
        if (t == "Quoted") {
          arr(cc(), pc, 2);
          auto q = simple_tag((*c)[0], at(0));
          QuoteType qt;
          if (q == "DoubleQuote") qt = QuoteType::DoubleQuote;
          else if (q == "SingleQuote") qt = QuoteType::SingleQuote;
          else bad(at(0), "unknown quote type " + q);
          return Quoted{qt, inlines((*c)[1], at(1))};
        }
        break;
      case 'C':
        if (t == "Code") { arr(cc(), pc, 2); return Code{attr((*c)[0], at(0)), str((*c)[1], at(1))}; }
        if (t == "Cite") {
          arr(cc(), pc, 2);
          Cite out;
          Path pl = at(0);
          arr((*c)[0], pl);
          for (std::size_t i = 0; i < (*c)[0].size(); ++i) out.citations.push_back(citation((*c)[0][i], Path{&pl, nullptr, i}));
          out.content = inlines((*c)[1], at(1));
          return out;
        }
        break;
      case 'L':
        if (t == "LineBreak") return LineBreak{};
        if (t == "Link") { arr(cc(), pc, 3); return Link{attr((*c)[0], at(0)), inlines((*c)[1], at(1)), target((*c)[2], at(2))}; }
        break;
      case 'I':
        if (t == "Image") { arr(cc(), pc, 3); return Image{attr((*c)[0], at(0)), inlines((*c)[1], at(1)), target((*c)[2], at(2))}; }
        break;
      case 'M':
        if (t == "Math") {
          arr(cc(), pc, 2);
          auto m = simple_tag((*c)[0], at(0));
          MathType mt;
          if (m == "InlineMath") mt = MathType::InlineMath;
          else if (m == "DisplayMath") mt = MathType::DisplayMath;
          else bad(at(0), "unknown math type " + m);
          return Math{mt, str((*c)[1], at(1))};
        }
        break;
      case 'R':
        if (t == "RawInline") { arr(cc(), pc, 2); return RawInline{str((*c)[0], at(0)), str((*c)[1], at(1))}; }
        break;
      case 'N':
        if (t == "Note") return Note{blocks(cc(), pc)};
        break;
      default: break;
    }
    bad(p, "unknown Inline constructor \"" + t + "\"");
  }

  Alignment alignment(const json& j, const Path& p) {
    auto a = simple_tag(j, p);
    if (a == "AlignDefault") return Alignment::AlignDefault;
    if (a == "AlignLeft") return Alignment::AlignLeft;
    if (a == "AlignRight") return Alignment::AlignRight;
    if (a == "AlignCenter") return Alignment::AlignCenter;
    bad(p, "unknown alignment " + a);
  }
  Caption caption(const json& j, const Path& p) {
    arr(j, p, 2);
    Caption c;
    if (!j[0].is_null()) c.short_caption = inlines(j[0], Path{&p, nullptr, 0});
    c.long_caption = blocks(j[1], Path{&p, nullptr, 1});
    return c;
  }
  std::vector<Row> rows(const json& j, const Path& p) {
    arr(j, p);
    std::vector<Row> out;
    for (std::size_t i = 0; i < j.size(); ++i) {
      Path pr{&p, nullptr, i};
      arr(j[i], pr, 2);
      Row r;
      r.attr = attr(j[i][0], Path{&pr, nullptr, 0});
      Path pcs{&pr, nullptr, 1};
      arr(j[i][1], pcs);
      for (std::size_t k = 0; k < j[i][1].size(); ++k) {
        Path pcell{&pcs, nullptr, k};
        const json& cj = j[i][1][k];
        arr(cj, pcell, 5);
        Cell cell;
        cell.attr = attr(cj[0], Path{&pcell, nullptr, 0});
        cell.align = alignment(cj[1], Path{&pcell, nullptr, 1});
        cell.row_span = integer(cj[2], Path{&pcell, nullptr, 2});
        cell.col_span = integer(cj[3], Path{&pcell, nullptr, 3});
        cell.content = blocks(cj[4], Path{&pcell, nullptr, 4});
        r.cells.push_back(std::move(cell));
      }
      out.push_back(std::move(r));
    }
    return out;
  }

  Block table(const json& c, const Path& pc) {
    arr(c, pc, 6);
    auto at = [&](std::size_t i) { return Path{&pc, nullptr, i}; };
    Table t;
    t.attr = attr(c[0], at(0));
    t.caption = caption(c[1], at(1));
    Path ps = at(2);
    arr(c[2], ps);
    for (std::size_t i = 0; i < c[2].size(); ++i) {
      Path pi{&ps, nullptr, i};
      arr(c[2][i], pi, 2);
      ColSpec cs;
      cs.align = alignment(c[2][i][0], Path{&pi, nullptr, 0});
      Path pw{&pi, nullptr, 1};
      const json* wc;
      auto w = tag(c[2][i][1], pw, wc);
      if (w == "ColWidth") {
        if (!wc || !wc->is_number()) bad(pw, "ColWidth needs a number");
        cs.width = wc->get<double>();
      } else if (w != "ColWidthDefault") bad(pw, "unknown column width " + w);
      t.colspecs.push_back(cs);
    }
    Path ph = at(3);
    arr(c[3], ph, 2);
    t.head.attr = attr(c[3][0], Path{&ph, nullptr, 0});
    t.head.rows = rows(c[3][1], Path{&ph, nullptr, 1});
    Path pb = at(4);
    arr(c[4], pb);
    for (std::size_t i = 0; i < c[4].size(); ++i) {
      Path pi{&pb, nullptr, i};
      arr(c[4][i], pi, 4);
      TableBody b;
      b.attr = attr(c[4][i][0], Path{&pi, nullptr, 0});
      b.row_head_columns = integer(c[4][i][1], Path{&pi, nullptr, 1});
      b.head = rows(c[4][i][2], Path{&pi, nullptr, 2});
      b.body = rows(c[4][i][3], Path{&pi, nullptr, 3});
      t.bodies.push_back(std::move(b));
    }
    Path pf = at(5);
    arr(c[5], pf, 2);
    t.foot.attr = attr(c[5][0], Path{&pf, nullptr, 0});
    t.foot.rows = rows(c[5][1], Path{&pf, nullptr, 1});
    return t;
  }

  Block blk(const json& j, const Path& p) {
    const json* c;
    const std::string& t = tag(j, p, c);
    Path pc{&p, "c", 0};
    auto cc = [&]() -> const json& { return content(c, p); };
    auto at = [&](std::size_t i) { return Path{&pc, nullptr, i}; };
    if (t == "Para") {
      Para para{inlines(cc(), pc)};
      if (api22) {
        // 1.22's implicit figure: a Para holding one Image titled "fig:...".
        if (para.content.size() == 1) {
          if (auto img = para.content[0].as<Image>(); img && img->target.title.rfind("fig:", 0) == 0) {
            Figure f;
            f.attr.id = std::move(img->attr.id);
            Image plain_img = *img;
            plain_img.target.title = img->target.title.substr(4);
            if (!img->content.empty()) f.caption.long_caption.push_back(Plain{img->content});
            f.content.push_back(Plain{Inlines{std::move(plain_img)}});
            return f;
          }
        }
      }
      return para;
    }
    if (t == "Plain") return Plain{inlines(cc(), pc)};
    if (t == "Header") {
      arr(cc(), pc, 3);
      return Header{integer((*c)[0], at(0)), attr((*c)[1], at(1)), inlines((*c)[2], at(2))};
    }
    if (t == "BulletList") return BulletList{block_lists(cc(), pc)};
    if (t == "OrderedList") {
      arr(cc(), pc, 2);
      Path pa = at(0);
      arr((*c)[0], pa, 3);
      ListAttributes la;
      la.start = integer((*c)[0][0], Path{&pa, nullptr, 0});
      Path pst{&pa, nullptr, 1};
      auto st = simple_tag((*c)[0][1], pst);
      static const char* styles[] = {"DefaultStyle", "Example", "Decimal", "LowerRoman", "UpperRoman", "LowerAlpha", "UpperAlpha"};
      bool ok = false;
      for (int i = 0; i < 7; ++i) if (st == styles[i]) { la.style = static_cast<ListNumberStyle>(i); ok = true; }
      if (!ok) bad(pst, "unknown list number style " + st);
      Path pd{&pa, nullptr, 2};
      auto dl = simple_tag((*c)[0][2], pd);
      static const char* delims[] = {"DefaultDelim", "Period", "OneParen", "TwoParens"};
      ok = false;
      for (int i = 0; i < 4; ++i) if (dl == delims[i]) { la.delim = static_cast<ListNumberDelim>(i); ok = true; }
      if (!ok) bad(pd, "unknown list number delimiter " + dl);
      return OrderedList{la, block_lists((*c)[1], at(1))};
    }
    if (t == "BlockQuote") return BlockQuote{blocks(cc(), pc)};
    if (t == "Div") { arr(cc(), pc, 2); return Div{attr((*c)[0], at(0)), blocks((*c)[1], at(1))}; }
    if (t == "CodeBlock") { arr(cc(), pc, 2); return CodeBlock{attr((*c)[0], at(0)), str((*c)[1], at(1))}; }
    if (t == "RawBlock") { arr(cc(), pc, 2); return RawBlock{str((*c)[0], at(0)), str((*c)[1], at(1))}; }
    if (t == "HorizontalRule") return HorizontalRule{};
    if (t == "LineBlock") {
      arr(cc(), pc);
      LineBlock lb;
      for (std::size_t i = 0; i < c->size(); ++i) lb.lines.push_back(inlines((*c)[i], at(i)));
      return lb;
    }
    if (t == "DefinitionList") {
      arr(cc(), pc);
      DefinitionList dl;
      for (std::size_t i = 0; i < c->size(); ++i) {
        Path pi = at(i);
        arr((*c)[i], pi, 2);
        dl.items.push_back({inlines((*c)[i][0], Path{&pi, nullptr, 0}), block_lists((*c)[i][1], Path{&pi, nullptr, 1})});
      }
      return dl;
    }
    if (t == "Table") return table(cc(), pc);
    if (t == "Figure") {
      arr(cc(), pc, 3);
      return Figure{attr((*c)[0], at(0)), caption((*c)[1], at(1)), blocks((*c)[2], at(2))};
    }
    bad(p, "unknown Block constructor \"" + t + "\"");
  }

  MetaValue meta_value(const json& j, const Path& p) {
    const json* c;
    const std::string& t = tag(j, p, c);
    Path pc{&p, "c", 0};
    if (t == "MetaString") return MetaString{str(content(c, p), pc)};
    if (t == "MetaInlines") return MetaInlines{inlines(content(c, p), pc)};
    if (t == "MetaBlocks") return MetaBlocks{blocks(content(c, p), pc)};
    if (t == "MetaBool") {
      if (!c || !c->is_boolean()) bad(pc, "MetaBool needs true or false");
      return MetaBool{c->get<bool>()};
    }
    if (t == "MetaList") {
      arr(content(c, p), pc);
      MetaList l;
      for (std::size_t i = 0; i < c->size(); ++i) l.items.push_back(meta_value((*c)[i], Path{&pc, nullptr, i}));
      return l;
    }
    if (t == "MetaMap") {
      if (!c || !c->is_object()) bad(pc, "MetaMap needs an object");
      return MetaMap{meta_map(*c, pc)};
    }
    bad(p, "unknown MetaValue constructor \"" + t + "\"");
  }
  std::map<std::string, MetaValue> meta_map(const json& j, const Path& p) {
    std::map<std::string, MetaValue> out;
    for (auto it = j.begin(); it != j.end(); ++it) out.emplace(it.key(), meta_value(it.value(), Path{&p, it.key().c_str(), 0}));
    return out;
  }
};

// Maximum nesting of arrays/objects, found with one cheap pass before parsing
// so that hostile depth is refused before any recursion.
std::size_t max_depth(std::string_view s) {
  std::size_t depth = 0, max = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') in_string = true;
    else if (c == '[' || c == '{') { if (++depth > max) max = depth; }
    else if (c == ']' || c == '}') { if (depth) --depth; }
  }
  return max;
}

}  // namespace

Document read_pandoc_json(std::string_view text, const Limits& limits) {
  if (text.size() > limits.max_input_bytes)
    throw InputError("galley.json.too-large", "JSON input is larger than the limit of " + std::to_string(limits.max_input_bytes) + " bytes");
  // Each AST level costs about two JSON levels ({"t":..,"c":[..]}).
  if (auto d = max_depth(text); d > limits.max_nesting * 2)
    throw InputError("galley.json.depth", "JSON nesting depth " + std::to_string(d) + " exceeds the limit of " +
                                              std::to_string(limits.max_nesting * 2) + " (--max-nesting)");
  json j;
  try {
    j = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    throw InputError("galley.json.parse", std::string("malformed JSON: ") + e.what());
  }
  Path root{nullptr, nullptr, 0};
  if (!j.is_object()) bad(root, std::string("expected a Pandoc document object, found ") + j.type_name());
  auto v = j.find("pandoc-api-version");
  if (v == j.end()) {
    if (j.is_array()) bad(root, "this looks like pre-1.18 Pandoc JSON (an array); only API 1.22 and 1.23 are read");
    throw InputError("galley.json.version", "missing \"pandoc-api-version\" (only API 1.22 and 1.23 are read)");
  }
  if (!v->is_array() || v->size() < 2 || !(*v)[0].is_number_integer() || !(*v)[1].is_number_integer())
    throw InputError("galley.json.version", "\"pandoc-api-version\" must be an array of integers like [1,23,1]");
  int major = (*v)[0].get<int>(), minor = (*v)[1].get<int>();
  if (major != 1 || (minor != 22 && minor != 23))
    throw InputError("galley.json.version", "unsupported pandoc-api-version " + std::to_string(major) + "." +
                                                std::to_string(minor) + " (galley reads 1.22 and 1.23)");
  Reader r;
  r.api22 = minor == 22;
  Document doc;
  auto m = j.find("meta");
  if (m == j.end() || !m->is_object()) bad(Path{&root, "meta", 0}, "expected a \"meta\" object");
  doc.meta = r.meta_map(*m, Path{&root, "meta", 0});
  auto b = j.find("blocks");
  if (b == j.end()) bad(Path{&root, "blocks", 0}, "missing \"blocks\"");
  doc.blocks = r.blocks(*b, Path{&root, "blocks", 0});
  return doc;
}

}  // namespace galley
