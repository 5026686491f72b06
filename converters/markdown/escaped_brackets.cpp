// Escaped brackets kept apart from the brackets of spans and inline notes. cmark
// hands "\[" over as a plain "[" inside a text node, so the span finder in map.cpp
// could not tell "\[not a span\]{.x}" from "[a span]{.x}", and an escaped bracket
// inside a span threw its nesting off. Before parsing, each "\[" and "\]" becomes a
// stand-in character that cmark treats as the punctuation it replaces (so emphasis
// flanking is unchanged); after mapping, the stand-ins become "[" and "]" again in
// text and link targets (where cmark would have dropped the backslash) and "\[" and
// "\]" in code, formulas and raw HTML (where backslashes are literal).
#include <string>
#include <string_view>

#include "galley/walk.hpp"
#include "markdown/reader_detail.hpp"

namespace galley::markdown {

namespace {

// U+2E28 and U+2E29, LEFT and RIGHT DOUBLE PARENTHESIS: opening and closing
// punctuation, as "[" and "]" are, and next to never in articles.
constexpr std::string_view kOpen = "\xE2\xB8\xA8";
constexpr std::string_view kClose = "\xE2\xB8\xA9";

void restore(std::string& s, bool keep_backslash) {
  if (s.find("\xE2\xB8") == std::string::npos) return;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::string_view rest = std::string_view(s).substr(i);
    bool open = rest.substr(0, 3) == kOpen, close = !open && rest.substr(0, 3) == kClose;
    if (open || close) {
      if (keep_backslash) out += '\\';
      out += open ? '[' : ']';
      i += 2;
      continue;
    }
    out += s[i];
  }
  s = std::move(out);
}

void restore(Attr& a) {
  restore(a.id, false);
  for (auto& c : a.classes) restore(c, false);
  for (auto& [k, v] : a.attributes) {
    restore(k, false);
    restore(v, false);
  }
}

}  // namespace

bool hide_escaped_brackets(std::string& text) {
  if (text.find(kOpen) != std::string::npos || text.find(kClose) != std::string::npos) return false;
  if (text.find("\\[") == std::string::npos && text.find("\\]") == std::string::npos) return false;
  std::string out;
  out.reserve(text.size() + 64);
  // the text between backslashes copied a run at a time (a byte at a time was a tenth of
  // reading a large document)
  std::size_t i = 0;
  for (std::size_t b; (b = text.find('\\', i)) != std::string::npos && b + 1 < text.size(); i = b + 2) {
    out.append(text, i, b - i);
    const char next = text[b + 1];
    if (next == '[' || next == ']') out += next == '[' ? kOpen : kClose;
    else out.append(text, b, 2);  // "\\" and other escapes stay as they are, in pairs
  }
  out.append(text, i, std::string::npos);
  text = std::move(out);
  return true;
}

void restore_escaped_brackets(Blocks& blocks) {
  walk_inlines(blocks, [](Inline& x) {
    if (auto* s = x.as<Str>()) restore(s->text, false);
    else if (auto* c = x.as<Code>()) { restore(c->text, true); restore(c->attr); }
    else if (auto* m = x.as<Math>()) restore(m->text, true);
    else if (auto* r = x.as<RawInline>()) restore(r->text, true);
    else if (auto* l = x.as<Link>()) { restore(l->target.url, false); restore(l->target.title, false); restore(l->attr); }
    else if (auto* im = x.as<Image>()) { restore(im->target.url, false); restore(im->target.title, false); restore(im->attr); }
    else if (auto* sp = x.as<Span>()) restore(sp->attr);
  });
  walk_blocks(blocks, [](Block& b) {
    if (auto* c = b.as<CodeBlock>()) { restore(c->text, true); restore(c->attr); }
    else if (auto* r = b.as<RawBlock>()) restore(r->text, true);
    else if (auto* h = b.as<Header>()) restore(h->attr);
    else if (auto* d = b.as<Div>()) restore(d->attr);
  });
}

}  // namespace galley::markdown
