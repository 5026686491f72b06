// +smart, after parsing (cmark's own smart option would leave curly quote
// characters; pandoc makes Quoted nodes): "..." and '...' pairs become Quoted,
// other apostrophes ’, --- —, -- –, ... …. Code, math, raw content and URLs are
// never touched. Pairing follows pandoc's flanking idea: an opening quote is
// followed by a non-space and not preceded by a letter or digit; a closing quote
// follows a non-space and is not followed by a letter or digit.
#include "galley/walk.hpp"
#include "markdown/reader_detail.hpp"

namespace galley::markdown {

namespace {

bool alnum(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80; }

bool has_quote_char(std::string_view s) { return s.find_first_of("\"'") != std::string_view::npos; }
bool has_dashes(std::string_view s) { return s.find("--") != std::string_view::npos || s.find("...") != std::string_view::npos; }

std::string dashes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "---") == 0) { out += "\u2014"; i += 2; }
    else if (s.compare(i, 2, "--") == 0) { out += "\u2013"; i += 1; }
    else if (s.compare(i, 3, "...") == 0) { out += "\u2026"; i += 2; }
    else out += s[i];
  }
  return out;
}

void push_text(Inlines& out, std::string text) {
  if (text.empty()) return;
  if (!out.empty())
    if (auto* s = out.back().as<Str>()) { s->text += text; return; }
  out.emplace_back(Str{std::move(text)});
}

struct Frame {
  char mark;  // '"' or '\''; 0 for the bottom
  Inlines content;
};

class Quoter {
 public:
  Inlines run(Inlines& in) {
    frames_.push_back({0, {}});
    for (std::size_t k = 0; k < in.size(); ++k) {
      Inline& x = in[k];
      if (auto* s = x.as<Str>()) { str(in, k, s->text); continue; }
      recurse(x);
      frames_.back().content.push_back(std::move(x));
    }
    while (frames_.size() > 1) unwind();
    return std::move(frames_.back().content);
  }

 private:
  std::vector<Frame> frames_;

  // The character before / after position i of Str k, looking into the
  // neighbouring inlines: spaces and the list's ends count as space (' '), other
  // inlines (emphasis, links) as a letter ('a').
  static unsigned char before(const Inlines& in, std::size_t k, const std::string& s, std::size_t i) {
    if (i > 0) return static_cast<unsigned char>(s[i - 1]);
    if (k == 0) return ' ';
    const Inline& p = in[k - 1];
    if (p.is<Space>() || p.is<SoftBreak>() || p.is<LineBreak>()) return ' ';
    if (auto* ps = p.as<Str>()) return ps->text.empty() ? ' ' : static_cast<unsigned char>(ps->text.back());
    return 'a';
  }
  static unsigned char after(const Inlines& in, std::size_t k, const std::string& s, std::size_t i) {
    if (i + 1 < s.size()) return static_cast<unsigned char>(s[i + 1]);
    if (k + 1 >= in.size()) return ' ';
    const Inline& n = in[k + 1];
    if (n.is<Space>() || n.is<SoftBreak>() || n.is<LineBreak>()) return ' ';
    if (auto* ns = n.as<Str>()) return ns->text.empty() ? ' ' : static_cast<unsigned char>(ns->text.front());
    return 'a';
  }

  void str(const Inlines& in, std::size_t k, const std::string& s) {
    if (!has_quote_char(s)) {
      push_text(frames_.back().content, has_dashes(s) ? dashes(s) : s);
      return;
    }
    std::string run;
    for (std::size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (c != '"' && c != '\'') { run += c; continue; }
      unsigned char b = before(in, k, s, i), a = after(in, k, s, i);
      bool space_b = b == ' ' || b == '\t', space_a = a == ' ' || a == '\t';
      if (c == '\'' && alnum(b) && alnum(a)) { run += "\u2019"; continue; }  // it's, don't
      bool can_close = !space_b && !alnum(a) && open_with(c);
      bool can_open = !space_a && !alnum(b) && b != ')' && b != ']';
      if (can_close) {
        push_text(frames_.back().content, dashes(run));
        run.clear();
        close(c);
        continue;
      }
      if (can_open) {
        push_text(frames_.back().content, dashes(run));
        run.clear();
        frames_.push_back({c, {}});
        continue;
      }
      run += c == '\'' ? "\u2019" : "\"";
    }
    push_text(frames_.back().content, dashes(run));
  }

  bool open_with(char c) const {
    for (std::size_t i = frames_.size(); i-- > 1;)
      if (frames_[i].mark == c) return true;
    return false;
  }

  void close(char c) {
    while (frames_.back().mark != c) unwind();
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    Quoted q{c == '"' ? QuoteType::DoubleQuote : QuoteType::SingleQuote, std::move(f.content)};
    frames_.back().content.push_back(std::move(q));
  }

  // An opening quote that found no partner: its character goes back as text.
  void unwind() {
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    Inlines& to = frames_.back().content;
    push_text(to, f.mark == '\'' ? "\u2019" : "\"");
    for (auto& x : f.content) {
      if (auto* s = x.as<Str>()) push_text(to, std::move(s->text));
      else to.push_back(std::move(x));
    }
  }

  static void recurse(Inline& x) {
    auto inner = [](Inlines& v) { smarten(v); };
    if (auto* e = x.as<Emph>()) inner(e->content);
    else if (auto* s = x.as<Strong>()) inner(s->content);
    else if (auto* st = x.as<Strikeout>()) inner(st->content);
    else if (auto* l = x.as<Link>()) inner(l->content);
    else if (auto* im = x.as<Image>()) inner(im->content);
    else if (auto* sp = x.as<Span>()) inner(sp->content);
    else if (auto* q = x.as<Quoted>()) inner(q->content);
    else if (auto* sup = x.as<Superscript>()) inner(sup->content);
    else if (auto* sub = x.as<Subscript>()) inner(sub->content);
    // a Note's blocks are reached by smarten(Blocks)'s walk, which enters notes
  }
};

}  // namespace

namespace {




// Does any Str of this list (not of nested lists) hold a quote?
bool quotes_here(const Inlines& v) {
  for (auto& x : v)
    if (auto* s = x.as<Str>(); s && has_quote_char(s->text)) return true;
  return false;
}

Inlines* children_of(Inline& x) {
  if (auto* e = x.as<Emph>()) return &e->content;
  if (auto* s = x.as<Strong>()) return &s->content;
  if (auto* st = x.as<Strikeout>()) return &st->content;
  if (auto* l = x.as<Link>()) return &l->content;
  if (auto* im = x.as<Image>()) return &im->content;
  if (auto* sp = x.as<Span>()) return &sp->content;
  if (auto* q = x.as<Quoted>()) return &q->content;
  if (auto* sup = x.as<Superscript>()) return &sup->content;
  if (auto* sub = x.as<Subscript>()) return &sub->content;
  return nullptr;
}

}  // namespace

// Most lists hold no straight quote: their Strs are fixed in place (dashes,
// ellipses) and nothing is rebuilt; the Quoter runs only where quotes are.
void smarten(Inlines& inlines) {
  if (quotes_here(inlines)) {
    inlines = Quoter().run(inlines);
    return;
  }
  for (auto& x : inlines) {
    if (auto* s = x.as<Str>()) {
      if (has_dashes(s->text)) s->text = dashes(s->text);
    } else if (Inlines* c = children_of(x)) {
      smarten(*c);
    }
  }
}

void smarten(Blocks& blocks) {
  // Blocks that hold inlines directly; the walk reaches those in notes, cells and captions.
  walk_blocks(blocks, [](Block& b) {
    if (auto* p = b.as<Para>()) smarten(p->content);
    else if (auto* pl = b.as<Plain>()) smarten(pl->content);
    else if (auto* h = b.as<Header>()) smarten(h->content);
  });
}

}  // namespace galley::markdown
