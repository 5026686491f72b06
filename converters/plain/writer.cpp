// The plain writer: readable text in pandoc's plain style (paragraphs
// separated by blank lines, wrapped at --columns, lists with hanging indents,
// footnotes as [n] with the notes at the end).
#include <algorithm>

#include "galley/math.hpp"
#include "galley/meta.hpp"
#include "galley/text.hpp"
#include "plain/plain.hpp"

namespace galley::plain {

namespace {

// Display width in code points (combining marks count zero). Close enough for
// wrapping; East Asian wide characters count one.
std::size_t width(std::string_view s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = next_codepoint(s, i);
    if (!(cp >= 0x300 && cp <= 0x36F)) ++w;
  }
  return w;
}

// Inline content as "words": pieces separated by breakable spaces.
// A "\n" piece means a forced line break.
struct InlineText {
  std::vector<std::string> words;
  std::string cur;
  bool preserve = false;
  void brk() {
    if (!cur.empty()) { words.push_back(std::move(cur)); cur.clear(); }
  }
  void hard() { brk(); words.emplace_back("\n"); }
};

class PlainWriter {
 public:
  PlainWriter(const WriterOptions& o, Diagnostics& d) : opt_(o), diag_(d) {}

  std::string document(const Document& doc) {
    std::vector<std::string> parts;
    if (opt_.standalone) {
      std::string head;
      if (auto t = meta_text(doc.meta, "title")) head += *t + "\n";
      for (auto& a : meta_authors(doc.meta)) head += a.name_text + "\n";
      if (auto d = meta_text(doc.meta, "date")) head += *d + "\n";
      if (!head.empty()) parts.push_back(head.substr(0, head.size() - 1));
      // The lede (abstract) opens the article in a standalone text.
      if (auto a = meta_blocks(doc.meta, "abstract")) parts.push_back(blocks(*a, opt_.columns));
    }
    std::string body = blocks(doc.blocks, opt_.columns);
    if (!body.empty()) parts.push_back(body);
    if (!notes_.empty()) {
      std::string n;
      for (std::size_t i = 0; i < notes_.size(); ++i) {
        if (i) n += "\n\n";
        n += notes_[i];
      }
      parts.push_back(n);
    }
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i) out += "\n\n";
      out += parts[i];
    }
    if (!out.empty()) out += '\n';
    return out;
  }

 private:
  const WriterOptions& opt_;
  Diagnostics& diag_;
  std::vector<std::string> notes_;
  int note_no_ = 0;

  void inl(InlineText& t, const Inline& x) {
    galley::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, Str>) t.cur += n.text;
          else if constexpr (std::is_same_v<T, Space>) t.brk();
          else if constexpr (std::is_same_v<T, SoftBreak>) {
            if (opt_.wrap == WrapMode::Preserve) t.hard();
            else t.brk();
          } else if constexpr (std::is_same_v<T, LineBreak>) t.hard();
          else if constexpr (std::is_same_v<T, Code>) t.cur += n.text;
          else if constexpr (std::is_same_v<T, Math>) t.cur += formula_reading(Formula{n.type, n.text, {}});
          else if constexpr (std::is_same_v<T, RawInline>) {
            if (n.format == "plain") t.cur += n.text;
          } else if constexpr (std::is_same_v<T, Quoted>) {
            t.cur += n.type == QuoteType::DoubleQuote ? "\u201C" : "\u2018";
            inls(t, n.content);
            t.cur += n.type == QuoteType::DoubleQuote ? "\u201D" : "\u2019";
          } else if constexpr (std::is_same_v<T, Superscript>) { t.cur += "^("; inls(t, n.content); t.cur += ")"; }
          else if constexpr (std::is_same_v<T, Subscript>) { t.cur += "_("; inls(t, n.content); t.cur += ")"; }
          else if constexpr (std::is_same_v<T, Image>) { t.cur += "["; inls(t, n.content); t.cur += "]"; }
          else if constexpr (std::is_same_v<T, Note>) {
            int no = ++note_no_;
            t.cur += "[" + std::to_string(no) + "]";
            std::string label = "[" + std::to_string(no) + "] ";
            std::string body = blocks(n.content, opt_.columns - static_cast<int>(label.size()));
            notes_.push_back(indent(body, label, std::string(label.size(), ' ')));
          } else if constexpr (std::is_same_v<T, Cite>) inls(t, n.content);
          else if constexpr (std::is_same_v<T, Span>) {
            if (auto f = formula_of(n)) t.cur += formula_reading(*f);
            else inls(t, n.content);
          } else inls(t, n.content);
        }, x);
  }
  void inls(InlineText& t, const Inlines& xs) {
    for (auto& x : xs) inl(t, x);
  }

  std::string wrap(const Inlines& xs, int columns) {
    InlineText t;
    inls(t, xs);
    t.brk();
    std::string out, line;
    std::size_t line_w = 0;
    bool nowrap = opt_.wrap != WrapMode::Auto;
    for (auto& w : t.words) {
      if (w == "\n") {
        out += line;
        out += '\n';
        line.clear();
        line_w = 0;
        continue;
      }
      std::size_t ww = width(w);
      if (!line.empty() && !nowrap && line_w + 1 + ww > static_cast<std::size_t>(std::max(columns, 1))) {
        out += line;
        out += '\n';
        line.clear();
        line_w = 0;
      }
      if (!line.empty()) { line += ' '; ++line_w; }
      line += w;
      line_w += ww;
    }
    out += line;
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }

  static std::string indent(const std::string& s, const std::string& first, const std::string& rest) {
    std::string out = first;
    for (std::size_t i = 0; i < s.size(); ++i) {
      out += s[i];
      if (s[i] == '\n' && i + 1 < s.size() && s[i + 1] != '\n') out += rest;
      else if (s[i] == '\n' && i + 1 < s.size()) {}
    }
    // indent lines following blank lines too
    std::string fixed;
    fixed.reserve(out.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
      fixed += out[i];
      if (out[i] == '\n' && i + 1 < out.size() && out[i + 1] == '\n') {
        fixed += '\n';
        ++i;
        if (i + 1 < out.size() && out[i + 1] != '\n') fixed += rest;
      }
    }
    return fixed;
  }

  std::string blocks(const Blocks& bs, int columns) {
    std::string out;
    bool first = true;
    for (auto& b : bs) {
      std::string s = block(b, columns);
      if (s.empty()) continue;
      if (!first) out += "\n\n";
      out += s;
      first = false;
    }
    return out;
  }

  std::string list_items(const std::vector<Blocks>& items, const std::vector<std::string>& markers, int columns, bool tight) {
    std::size_t w = 4;
    for (auto& m : markers) w = std::max(w, width(m) + 2);
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::string marker = markers[i];
      marker += std::string(w - width(marker), ' ');
      std::string body = blocks(items[i], columns - static_cast<int>(w));
      if (i) out += tight ? "\n" : "\n\n";
      out += indent(body, marker, std::string(w, ' '));
    }
    return out;
  }

  static bool is_tight(const std::vector<Blocks>& items) {
    for (auto& it : items)
      for (auto& b : it)
        if (b.is<Para>()) return false;
    return true;
  }

  std::string table(const Table& t, int columns) {
    std::vector<std::vector<std::string>> rows;
    std::size_t head_rows = 0;
    auto add = [&](const std::vector<Row>& rs) {
      for (auto& r : rs) {
        std::vector<std::string> cells;
        for (auto& c : r.cells) {
          std::string s = stringify(c.content);
          std::replace(s.begin(), s.end(), '\n', ' ');
          cells.push_back(s);
          for (int k = 1; k < c.col_span; ++k) cells.emplace_back();
        }
        rows.push_back(std::move(cells));
      }
    };
    add(t.head.rows);
    head_rows = rows.size();
    for (auto& b : t.bodies) { add(b.head); add(b.body); }
    add(t.foot.rows);
    std::size_t ncols = 0;
    for (auto& r : rows) ncols = std::max(ncols, r.size());
    std::vector<std::size_t> w(ncols, 1);
    for (auto& r : rows)
      for (std::size_t c = 0; c < r.size(); ++c) w[c] = std::max(w[c], width(r[c]));
    std::string out;
    auto line = [&](const std::vector<std::string>& r) {
      std::string l = "  ";
      for (std::size_t c = 0; c < ncols; ++c) {
        std::string cell = c < r.size() ? r[c] : "";
        l += cell;
        if (c + 1 < ncols) l += std::string(w[c] - width(cell) + 2, ' ');
      }
      while (!l.empty() && l.back() == ' ') l.pop_back();
      return l;
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (!out.empty()) out += '\n';
      out += line(rows[i]);
      if (i + 1 == head_rows) {
        out += "\n  ";
        for (std::size_t c = 0; c < ncols; ++c) { out += std::string(w[c], '-'); if (c + 1 < ncols) out += "  "; }
      }
    }
    std::string cap = blocks(t.caption.long_caption, columns);
    if (!cap.empty()) out += "\n\n  " + cap;
    return out;
  }

  std::string block(const Block& b, int columns) {
    return galley::visit(
        [&](const auto& n) -> std::string {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, Plain> || std::is_same_v<T, Para>) return wrap(n.content, columns);
          else if constexpr (std::is_same_v<T, Header>) return wrap(n.content, columns);
          else if constexpr (std::is_same_v<T, LineBlock>) {
            std::string out;
            for (std::size_t i = 0; i < n.lines.size(); ++i) {
              if (i) out += '\n';
              out += wrap(n.lines[i], 1 << 20);
            }
            return out;
          } else if constexpr (std::is_same_v<T, CodeBlock>) {
            std::string body = n.text;
            while (!body.empty() && body.back() == '\n') body.pop_back();
            return indent(body, "    ", "    ");
          } else if constexpr (std::is_same_v<T, RawBlock>) {
            if (n.format == "plain") return n.text;
            diag_.info("lost-content", "raw " + n.format + " block not written to plain text");
            return "";
          } else if constexpr (std::is_same_v<T, BlockQuote>) return indent(blocks(n.content, columns - 2), "  ", "  ");
          else if constexpr (std::is_same_v<T, BulletList>) {
            return list_items(n.items, std::vector<std::string>(n.items.size(), "-"), columns, false);
          } else if constexpr (std::is_same_v<T, OrderedList>) {
            std::vector<std::string> markers;
            for (std::size_t i = 0; i < n.items.size(); ++i) {
              std::string num = std::to_string(static_cast<long long>(n.attrs.start) + static_cast<long long>(i));
              switch (n.attrs.delim) {
                case ListNumberDelim::OneParen: markers.push_back(num + ")"); break;
                case ListNumberDelim::TwoParens: markers.push_back("(" + num + ")"); break;
                default: markers.push_back(num + ".");
              }
            }
            return list_items(n.items, markers, columns, is_tight(n.items));
          } else if constexpr (std::is_same_v<T, DefinitionList>) {
            std::string out;
            for (std::size_t i = 0; i < n.items.size(); ++i) {
              if (i) out += "\n\n";
              out += wrap(n.items[i].term, columns);
              for (auto& d : n.items[i].definitions) out += "\n" + indent(blocks(d, columns - 4), "    ", "    ");
            }
            return out;
          } else if constexpr (std::is_same_v<T, HorizontalRule>) return std::string(static_cast<std::size_t>(std::max(columns, 3)), '-');
          else if constexpr (std::is_same_v<T, Table>) return table(n, columns);
          else if constexpr (std::is_same_v<T, Figure>) {
            std::string content = blocks(n.content, columns);
            std::string cap = blocks(n.caption.long_caption, columns);
            if (content.empty()) return cap;
            if (cap.empty()) return content;
            return content + "\n\n" + cap;
          } else if constexpr (std::is_same_v<T, Div>) return blocks(n.content, columns);
          else return "";
        },
        b);
  }
};

struct Writer_ : Writer {
  std::string write(const Document& doc, const WriterOptions& options, Diagnostics& diag) const override {
    return PlainWriter(options, diag).document(doc);
  }
};

}  // namespace

std::unique_ptr<Writer> make_writer() { return std::make_unique<Writer_>(); }

}  // namespace galley::plain
