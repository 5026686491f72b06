// The commonmark and gfm writers' inlines: emphasis with its spaces outside the
// delimiters, links and images with their destinations, code spans, formulas, and
// the escaping of text wherever CommonMark or GFM would read markup.
#include <algorithm>
#include <cctype>
#include <string>

#include "galley/detail/xml.hpp"
#include "galley/text.hpp"
#include "markdown/markdown.hpp"
#include "markdown/writer_class.hpp"
#include "markdown/writer_detail.hpp"

namespace galley::markdown {

bool MdWriter::touching_same(const Inlines& ils) {
  for (std::size_t i = 0; i + 1 < ils.size(); ++i)
    if ((ils[i].is<Emph>() && ils[i + 1].is<Emph>()) || (ils[i].is<Strong>() && ils[i + 1].is<Strong>()) ||
        (ils[i].is<Strikeout>() && ils[i + 1].is<Strikeout>()))
      return true;
  return false;
}

Inlines MdWriter::merge_touching(const Inlines& ils) {
  Inlines out;
  for (auto& x : ils) {
    if (!out.empty()) {
      Inlines* prev = nullptr;
      const Inlines* next = nullptr;
      if (x.is<Emph>() && out.back().is<Emph>()) { prev = &out.back().as<Emph>()->content; next = &x.as<Emph>()->content; }
      if (x.is<Strong>() && out.back().is<Strong>()) { prev = &out.back().as<Strong>()->content; next = &x.as<Strong>()->content; }
      if (x.is<Strikeout>() && out.back().is<Strikeout>()) {
        prev = &out.back().as<Strikeout>()->content;
        next = &x.as<Strikeout>()->content;
      }
      if (prev) { prev->insert(prev->end(), next->begin(), next->end()); continue; }
    }
    out.push_back(x);
  }
  return out;
}

std::string MdWriter::inlines(const Inlines& given, bool heading) {
  Inlines merged;
  const Inlines& ils = touching_same(given) ? (merged = merge_touching(given)) : given;
  std::string out;
  for (std::size_t i = 0; i < ils.size(); ++i) {
    next_is_word_ = i + 1 < ils.size() && starts_with_word_char(ils[i + 1]);
    inline_(ils[i], out, heading);
  }
  next_is_word_ = false;
  return out;
}

bool MdWriter::starts_with_word_char(const Inline& x) {
  if (auto* s = x.as<Str>(); s && !s->text.empty()) {
    unsigned char c = static_cast<unsigned char>(s->text[0]);
    return std::isalnum(c) || c >= 0x80;
  }
  return false;
}

void MdWriter::wrapped(const Inlines& content, const std::string& open, const std::string& close, std::string& out, bool heading) {
  bool next_word = next_is_word_;  // of the inline after this one (inlines() below resets it)
  std::string inner = inlines(content, heading);
  std::size_t a = 0, b = inner.size();
  // CommonMark's flanking rules count Unicode white space (a no-break space too)
  auto space_at = [&](std::size_t i) -> std::size_t {  // its length in bytes, 0 if none
    unsigned char c = static_cast<unsigned char>(inner[i]);
    if (c == ' ' || c == '\n' || c == '\t') return 1;
    if (c == 0xC2 && i + 1 < inner.size() && static_cast<unsigned char>(inner[i + 1]) == 0xA0) return 2;
    if (c == 0xE2 && i + 2 < inner.size() && static_cast<unsigned char>(inner[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(inner[i + 2]) <= 0x8A || static_cast<unsigned char>(inner[i + 2]) == 0xAF))
      return 3;  // U+2000..U+200A, U+202F
    if (c == 0xE3 && i + 2 < inner.size() && static_cast<unsigned char>(inner[i + 1]) == 0x80 &&
        static_cast<unsigned char>(inner[i + 2]) == 0x80)
      return 3;  // U+3000
    return 0;
  };
  auto space_before = [&](std::size_t end) -> std::size_t {
    for (std::size_t len = 1; len <= 3 && len <= end - a; ++len)
      if (space_at(end - len) == len) return len;
    return 0;
  };
  while (a < b) { std::size_t n = space_at(a); if (!n) break; a += n; }
  while (b > a) {
    std::size_t n = b - a >= 2 && inner.compare(b - 2, 2, "\\\n") == 0 ? 2 : space_before(b);  // line breaks go outside too
    if (!n) break;
    b -= n;
  }
  if (a == b) { out += inner; return; }  // nothing but spaces (or nothing): no delimiters
  // *** is ambiguous in CommonMark: emphasis next to strong emphasis uses underscores
  std::string o = open, c = close;
  // An opener after a letter cannot be followed by punctuation ("word*.x*" is no
  // emphasis): HTML tags say it instead.
  auto alnum_end = [&]() {
    if (out.empty()) return false;
    unsigned char l = static_cast<unsigned char>(out.back());
    return std::isalnum(l) || l >= 0x80;
  };
  auto punct = [](unsigned char ch) { return ch < 0x80 && std::ispunct(ch) && ch != '*' && ch != '_'; };
  // and a closer before a letter cannot follow punctuation ("*(CNN)*It")
  bool closer_blocked = b == inner.size() && next_word && punct(static_cast<unsigned char>(inner[b - 1]));
  if ((open == "*" || open == "**") && ((alnum_end() && punct(static_cast<unsigned char>(inner[a]))) || closer_blocked)) {
    o = open == "*" ? "<em>" : "<strong>";
    c = open == "*" ? "</em>" : "</strong>";
  }
  else if ((open == "*" || open == "**") && (inner[a] == '*' || inner[b - 1] == '*')) {
    o.assign(open.size(), '_');
    c.assign(close.size(), '_');
  }
  out += inner.substr(0, a) + o + inner.substr(a, b - a) + c + inner.substr(b);
}

void MdWriter::inline_(const Inline& x, std::string& out, bool heading) {
  if (auto* s = x.as<Str>()) { out += escape_text(s->text, heading); return; }
  if (x.is<Space>()) { out += ' '; return; }
  if (x.is<SoftBreak>()) { out += heading ? ' ' : '\n'; return; }
  if (x.is<LineBreak>()) { out += heading ? " " : "\\\n"; return; }
  if (auto* e = x.as<Emph>()) { wrapped(e->content, "*", "*", out, heading); return; }
  if (auto* s = x.as<Strong>()) { wrapped(s->content, "**", "**", out, heading); return; }
  if (auto* u = x.as<Underline>()) { wrapped(u->content, "<u>", "</u>", out, heading); return; }
  if (auto* st = x.as<Strikeout>()) {
    if (syn_.strikeout) wrapped(st->content, "~~", "~~", out, heading);
    else wrapped(st->content, "<del>", "</del>", out, heading);
    return;
  }
  if (auto* sup = x.as<Superscript>()) { wrapped(sup->content, "<sup>", "</sup>", out, heading); return; }
  if (auto* sub = x.as<Subscript>()) { wrapped(sub->content, "<sub>", "</sub>", out, heading); return; }
  if (auto* sc = x.as<SmallCaps>()) { out += inlines(sc->content, heading); return; }
  if (auto* q = x.as<Quoted>()) {
    bool dbl = q->type == QuoteType::DoubleQuote;
    // markdown is read with +smart: straight quotes come back as Quoted
    const char* open = syn_.attributes ? (dbl ? "\"" : "'") : (dbl ? "\u201C" : "\u2018");
    const char* close = syn_.attributes ? (dbl ? "\"" : "'") : (dbl ? "\u201D" : "\u2019");
    out += open;
    out += inlines(q->content, heading);
    out += close;
    return;
  }
  if (auto* c = x.as<Cite>()) { out += inlines(c->content, heading); return; }
  if (auto* c = x.as<Code>()) { out += code_span(c->text); return; }
  if (auto* m = x.as<Math>()) {
    // Without tex_math_dollars (commonmark, gfm) the reader would keep the dollars as
    // text: the formula is written as its text (TeX, or the MathML's linear reading).
    if (!syn_.math_dollars) {
      std::string text = m->text;
      for (auto& ch : text) if (ch == '\n') ch = ' ';
      out += escape_text(text, heading);
      return;
    }
    // TeX between dollars, as Markdown readers with math expect it
    std::string tex = m->text;
    for (auto& ch : tex) if (ch == '\n') ch = ' ';
    std::string d = m->type == MathType::DisplayMath ? "$$" : "$";
    out += d + escape_math(tex) + d;
    return;
  }
  if (auto* r = x.as<RawInline>()) {
    if (r->format == "html" || r->format == "html5") {
      for (char ch : r->text) out += ch == '\n' ? ' ' : ch;
    } else {
      warn_raw(r->format);
    }
    return;
  }
  if (auto* l = x.as<Link>()) { link(l->content, l->target, l->attr, false, out, heading); return; }
  if (auto* im = x.as<Image>()) { link(im->content, im->target, im->attr, true, out, heading); return; }
  if (auto* n = x.as<Note>()) {
    notes_.push_back(n->content);
    out += "[^" + std::to_string(notes_.size()) + "]";
    return;
  }
  if (auto* sp = x.as<Span>()) {
    std::string attrs = syn_.attributes ? inline_attribute_text(sp->attr) : std::string();
    if (attrs.empty()) out += inlines(sp->content, heading);
    else out += "[" + inlines(sp->content, heading) + "]" + attrs;
    return;
  }
}

void MdWriter::link(const Inlines& content, const Target& t, const Attr& attr, bool image, std::string& out, bool heading) {
  std::string text = inlines(content, heading);
  // the classes the reader gives autolinks are implied by the <...> form
  Attr rest = attr;
  std::erase_if(rest.classes, [](const std::string& c) { return c == "uri" || c == "email"; });
  std::string attrs = syn_.attributes ? inline_attribute_text(rest) : std::string();
  // <https://example.org>: an autolink when the text is the address itself
  if (!image && attrs.empty() && t.title.empty() && content.size() == 1)
    if (auto* s = content[0].as<Str>(); s && (s->text == t.url || "mailto:" + s->text == t.url) && autolinkable(t.url)) {
      out += "<" + (s->text == t.url ? t.url : s->text) + ">";
      return;
    }
  out += image ? "![" : "[";
  out += text;
  out += "](" + destination(t.url);
  if (!t.title.empty()) {
    out += " \"";
    for (char c : t.title) {
      if (c == '"' || c == '\\') out += '\\';
      out += c == '\n' ? ' ' : c;
    }
    out += '"';
  }
  out += ')';
  out += attrs;
}

bool MdWriter::autolinkable(const std::string& url) {
  std::size_t colon = url.find(':');
  if (colon == std::string::npos || colon < 2) return false;
  for (char c : url)
    if (c == '<' || c == '>' || c == ' ' || static_cast<unsigned char>(c) < 0x20) return false;
  return true;
}

std::string MdWriter::destination(const std::string& url) {
  bool angle = url.empty();
  int depth = 0;
  for (char c : url) {
    if (c == ' ' || c == '\n' || c == '\t') angle = true;
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) angle = true;
  }
  if (depth != 0) angle = true;
  std::string out;
  if (angle) out += '<';
  for (char c : url) {
    if (c == '\n') continue;
    if (angle && (c == '<' || c == '>' || c == '\\')) out += '\\';
    if (!angle && (c == '\\')) out += '\\';
    out += c;
  }
  if (angle) out += '>';
  return out;
}

std::string MdWriter::code_span(const std::string& text) {
  std::string t = text;
  for (auto& c : t) if (c == '\n') c = ' ';
  std::size_t run = 0, longest = 0;
  for (char c : t) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string ticks(longest + 1, '`');
  bool pad = !t.empty() && (t.front() == '`' || t.back() == '`' || (t.front() == ' ' && t.back() == ' ' &&
                                                                       t.find_first_not_of(' ') != std::string::npos));
  return ticks + (pad ? " " : "") + t + (pad ? " " : "") + ticks;
}

std::string MdWriter::escape_math(const std::string& tex) const {
  // inside $...$ the Markdown readers that know math take the text as it is; only a
  // closing dollar would end it early
  std::string out;
  for (char c : tex) {
    if (c == '$') out += '\\';
    out += c;
  }
  return out;
}

std::string MdWriter::escape_text(std::string_view s, bool heading) const {
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': out += '\\'; break;
      case '&':  // only where it could start a character reference
        if (i + 1 < s.size() && (std::isalnum(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '#')) out += '\\';
        break;
      case '|': if (syn_.pipe_tables) out += '\\'; break;
      case '~': if (syn_.strikeout) out += '\\'; break;
      case '$': if (syn_.math_dollars) out += '\\'; break;
      case '#': if (heading) out += '\\'; break;
      case '!': if (i + 1 < s.size() && s[i + 1] == '[') out += '\\'; break;
      // GFM turns bare addresses into links: an escape breaks what it looks for
      case '@': if (syn_.bare_autolinks) out += '\\'; break;
      case ':': if (syn_.bare_autolinks && s.compare(i + 1, 2, "//") == 0) out += '\\'; break;
      case '.':
        if (syn_.bare_autolinks && i >= 3 && (s.compare(i - 3, 3, "www") == 0 || s.compare(i - 3, 3, "WWW") == 0)) out += '\\';
        break;
      default: break;
    }
    out += c;
  }
  return out;
}

std::string MdWriter::one_line(std::string s) {
  for (std::size_t p; (p = s.find("\\\n")) != std::string::npos;) s.replace(p, 2, " ");  // line breaks
  for (auto& c : s) if (c == '\n') c = ' ';
  return s;
}

}  // namespace galley::markdown
