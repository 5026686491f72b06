// The markdown writers' inlines: emphasis with its spaces outside the delimiters and
// its delimiters chosen so that CommonMark reads them back, links and images with
// their destinations, code spans, formulas, and the escaping of text wherever
// CommonMark or GFM would read markup.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

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
  std::string out;
  inlines_into(given, out, heading, Lead{true, Side::Punct, false, in_tildes_});
  return out;
}

void MdWriter::inlines_into(const Inlines& given, std::string& out, bool heading, Lead after) {
  Inlines merged;
  const Inlines& ils = touching_same(given) ? (merged = merge_touching(given)) : given;
  // what follows each inline: the next one that writes something (found back to
  // front, so that a run of empty spans costs no more than one pass)
  std::vector<Lead> next(ils.size() + 1, after);
  for (std::size_t i = ils.size(); i-- > 0;) {
    Lead l = lead(ils[i], heading);
    next[i] = l.writes ? l : next[i + 1];
  }
  for (std::size_t i = 0; i < ils.size(); ++i) {
    after_ = next[i + 1];
    inline_(ils[i], out, heading);
  }
}

MdWriter::Lead MdWriter::lead(const Inlines& ils, std::size_t from, bool heading) const {
  for (std::size_t i = from; i < ils.size(); ++i)
    if (Lead l = lead(ils[i], heading); l.writes) return l;
  return {};
}

MdWriter::Lead MdWriter::lead(const Inline& x, bool heading) const {
  auto of_text = [&](std::string_view s) -> Lead {
    if (s.empty()) return {};
    if (needs_escape(s, 0, heading)) return {true, Side::Punct, false};
    return {true, side_of(first_code_point(s).value), true};
  };
  auto content = [&](const Inlines& c) { return lead(c, 0, heading); };
  auto delimited = [&](const Inlines& c) -> Lead {
    // emphasis of nothing but spaces is written without its delimiters
    Lead l = content(c);
    return l.writes && l.side != Side::Space ? Lead{true, Side::Punct, false} : l;
  };
  if (auto* s = x.as<Str>()) return of_text(s->text);
  if (x.is<Space>() || x.is<SoftBreak>()) return {true, Side::Space, false};
  if (x.is<LineBreak>()) return {true, heading ? Side::Space : Side::Punct, false};
  if (auto* e = x.as<Emph>()) return delimited(e->content);
  if (auto* e = x.as<Strong>()) return delimited(e->content);
  if (auto* e = x.as<Strikeout>()) {
    Lead l = delimited(e->content);
    l.tildes = syn_.strikeout && l.writes && l.side == Side::Punct && !l.text;
    return l;
  }
  if (auto* e = x.as<Underline>()) return delimited(e->content);
  if (auto* e = x.as<Superscript>()) return delimited(e->content);
  if (auto* e = x.as<Subscript>()) return delimited(e->content);
  if (auto* e = x.as<SmallCaps>()) return content(e->content);
  if (auto* e = x.as<Cite>()) return content(e->content);
  if (auto* sp = x.as<Span>())
    return syn_.attributes && !(sp->attr.id.empty() && sp->attr.classes.empty() && sp->attr.attributes.empty()) &&
                   !inline_attribute_text(sp->attr).empty()
               ? Lead{true, Side::Punct, false}
               : content(sp->content);
  if (auto* m = x.as<Math>()) return syn_.math_dollars ? Lead{true, Side::Punct, false} : of_text(m->text);
  if (auto* r = x.as<RawInline>()) {
    if ((r->format != "html" && r->format != "html5") || r->text.empty()) return {};
    return {true, side_of(first_code_point(r->text).value), false};
  }
  return {true, Side::Punct, false};  // quotes, code, math, links, images, notes: punctuation first
}

void MdWriter::text(std::string_view s, std::string& out, bool heading) {
  if (reference_next_ && !s.empty()) {
    reference_next_ = false;
    CodePoint c = first_code_point(s);
    if (side_of(c.value) == Side::Other) {
      out += character_reference(c.value);
      s.remove_prefix(c.length);
    }
  }
  escape_text_into(s, heading, out);
}

void MdWriter::wrapped(const Inlines& content, const std::string& open, const std::string& close, std::string& out, bool heading) {
  Lead next = after_;  // the inline after this one (inlines() below resets after_)
  Side after_outside = next.side;
  bool after_is_text = next.text;
  std::string outer_risky = std::move(risky_);
  risky_.clear();
  bool outer_tildes = in_tildes_;
  in_tildes_ = open == "~~";
  std::string inner = inlines(content, heading);
  in_tildes_ = outer_tildes;
  std::string inner_risky = std::move(risky_);
  risky_ = outer_risky;  // what stays open to the emphasis around this one
  for (char ch : inner_risky) if (risky_.find(ch) == std::string::npos) risky_ += ch;
  std::size_t a = 0, b = inner.size();
  // CommonMark's flanking rules count Unicode white space (a no-break space too)
  auto space_at = [&](std::size_t i) -> std::size_t {  // its length in bytes, 0 if none
    CodePoint c = first_code_point(std::string_view(inner).substr(i));
    return c.length && side_of(c.value) == Side::Space ? c.length : 0;
  };
  auto space_before = [&](std::size_t end) -> std::size_t {
    CodePoint c = last_code_point(std::string_view(inner).substr(a, end - a));
    return c.length && side_of(c.value) == Side::Space ? c.length : 0;
  };
  while (a < b) { std::size_t n = space_at(a); if (!n) break; a += n; }
  while (b > a) {
    std::size_t n = b - a >= 2 && inner.compare(b - 2, 2, "\\\n") == 0 ? 2 : space_before(b);  // line breaks go outside too
    if (!n) break;
    b -= n;
  }
  if (a == b) { out += inner; return; }  // nothing but spaces (or nothing): no delimiters
  if (open != "*" && open != "**" && open != "~~") {  // HTML tags: no flanking rules
    out += inner.substr(0, a) + open + inner.substr(a, b - a) + close + inner.substr(b);
    return;
  }
  std::string_view body = std::string_view(inner).substr(a, b - a);
  Side first = side_of(first_code_point(body).value), last = side_of(last_code_point(body).value);
  // before the opener: the spaces moved out, else what is written so far (nothing:
  // a line's start or markup, which never stops an opener)
  Side before = a > 0 ? Side::Space : out.empty() ? Side::Punct : side_of(last_code_point(out).value);
  Side after = b < inner.size() ? side_of(first_code_point(std::string_view(inner).substr(b)).value) : after_outside;
  bool before_is_text = a == 0 && before == Side::Other;  // a letter or digit of text: it may go as &#N;
  after_is_text = b == inner.size() && after_is_text && after == Side::Other;
  // A delimiter next to one of the same character would make one run with it
  // (**x*** is not Strong then Emph): * and _ take turns; then the flanking rules.
  auto touches = [&](char ch) {
    if (body.front() == ch || body.back() == ch || inner_risky.find(ch) != std::string::npos) return true;
    return a == 0 && ends_with_markup(out, ch);
  };
  // cmark-gfm reads no * or _ run that could both open and close right beside a ~~ run
  // (~~b~~*(c* stays text)
  bool tildes_before = syn_.strikeout && ((a == 0 && (out.empty() ? outer_tildes : ends_with_markup(out, '~'))) || body.front() == '~');
  bool tildes_after = syn_.strikeout && (body.back() == '~' || (b == inner.size() && next.tildes));
  auto both_ways = [](Side l, Side r) { return can_open('*', l, r) && can_close('*', l, r); };
  char d = 0;
  bool ref_before = false, ref_after = false;
  for (char ch : open[0] == '~' ? std::string("~") : std::string("*_")) {
    if (touches(ch)) continue;
    bool opens = can_open(ch, before, first), closes = can_close(ch, last, after);
    ref_before = !opens && before_is_text && can_open(ch, Side::Punct, first);
    ref_after = !closes && after_is_text && can_close(ch, last, Side::Punct);
    if (ch != '~' && tildes_before && both_ways(ref_before ? Side::Punct : before, first)) continue;
    if (ch != '~' && tildes_after && both_ways(last, ref_after ? Side::Punct : after)) continue;
    if ((opens || ref_before) && (closes || ref_after)) { d = ch; break; }
  }
  if (!d) {
    std::string o = open[0] == '~' ? "<del>" : open.size() == 1 ? "<em>" : "<strong>";
    out += inner.substr(0, a) + o + std::string(body) + "</" + o.substr(1) + inner.substr(b);
    return;
  }
  if (ref_before) {
    CodePoint c = last_code_point(out);
    out.replace(out.size() - c.length, c.length, character_reference(c.value));
  }
  // An opener that could also close would close emphasis of its character around it.
  // Spaces before it that are all its container holds go outside that container's
  // delimiters: the opener then follows markup.
  bool spaces_only = true;  // out and the spaces moved out of this emphasis
  for (std::string_view rest = out; spaces_only && !rest.empty();) {
    CodePoint c = first_code_point(rest);
    spaces_only = side_of(c.value) == Side::Space;
    rest.remove_prefix(c.length);
  }
  Side opener_before = ref_before || spaces_only ? Side::Punct : before;
  if (can_close(d, opener_before, first) && risky_.find(d) == std::string::npos) risky_ += d;
  std::string delim(open.size(), d);
  out += inner.substr(0, a) + delim + std::string(body) + delim + inner.substr(b);
  if (ref_after) reference_next_ = true;
}

void MdWriter::inline_(const Inline& x, std::string& out, bool heading) {
  if (auto* s = x.as<Str>()) { text(s->text, out, heading); return; }
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
  if (auto* sc = x.as<SmallCaps>()) { inlines_into(sc->content, out, heading, after_); return; }
  if (auto* q = x.as<Quoted>()) {
    bool dbl = q->type == QuoteType::DoubleQuote;
    // markdown is read with +smart: straight quotes come back as Quoted
    const char* open = syn_.attributes ? (dbl ? "\"" : "'") : (dbl ? "\u201C" : "\u2018");
    const char* close = syn_.attributes ? (dbl ? "\"" : "'") : (dbl ? "\u201D" : "\u2019");
    out += open;
    inlines_into(q->content, out, heading, Lead{true, Side::Punct, false, false});
    out += close;
    return;
  }
  if (auto* c = x.as<Cite>()) { inlines_into(c->content, out, heading, after_); return; }
  if (auto* c = x.as<Code>()) { out += code_span(c->text); return; }
  if (auto* m = x.as<Math>()) {
    // Without tex_math_dollars (commonmark, gfm) the reader would keep the dollars as
    // text: the formula is written as its text (TeX, or the MathML's linear reading).
    if (!syn_.math_dollars) {
      std::string text = m->text;
      for (auto& ch : text) if (ch == '\n') ch = ' ';
      this->text(text, out, heading);
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
    // without footnotes the reference is text (escaped: no link definition may take it)
    std::string k = std::to_string(notes_.size());
    out += syn_.footnotes ? "[^" + k + "]" : "\\[^" + k + "\\]";
    return;
  }
  if (auto* sp = x.as<Span>()) {
    std::string attrs = syn_.attributes ? inline_attribute_text(sp->attr) : std::string();
    if (attrs.empty()) inlines_into(sp->content, out, heading, after_);
    else {
      bool outer_tildes = std::exchange(in_tildes_, false);  // the content is between brackets
      out += "[" + inlines(sp->content, heading) + "]" + attrs;
      in_tildes_ = outer_tildes;
    }
    return;
  }
}

void MdWriter::link(const Inlines& content, const Target& t, const Attr& attr, bool image, std::string& out, bool heading) {
  // emphasis in a link's text pairs only inside it: none of it stays open outside
  std::string outer_risky = std::move(risky_);
  bool outer_tildes = std::exchange(in_tildes_, false);  // the text is between brackets
  std::string text = inlines(content, heading);
  in_tildes_ = outer_tildes;
  risky_ = std::move(outer_risky);
  // after a ! the link would be an image
  if (!image && ends_with_markup(out, '!')) out.insert(out.size() - 1, "\\");
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

bool MdWriter::ends_with_markup(const std::string& out, char c) {
  if (out.empty() || out.back() != c) return false;
  std::size_t slashes = 0;  // \* is text
  for (std::size_t i = out.size() - 1; i > 0 && out[i - 1] == '\\'; --i) ++slashes;
  return slashes % 2 == 0;
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

bool MdWriter::needs_escape(std::string_view s, std::size_t i, bool heading) const {
  switch (s[i]) {
    case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': return true;
    case '&':  // only where it could start a character reference
      return i + 1 < s.size() && (std::isalnum(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '#');
    case '|': return syn_.pipe_tables;
    case '~': return syn_.strikeout;
    case '$': return syn_.math_dollars;
    case '#': return heading;
    case '!': return i + 1 < s.size() && s[i + 1] == '[';
    // GFM turns bare addresses into links: an escape breaks what it looks for
    case '@': return syn_.bare_autolinks;
    case ':': return syn_.bare_autolinks && s.compare(i + 1, 2, "//") == 0;
    case '.': return syn_.bare_autolinks && i >= 3 && (s.compare(i - 3, 3, "www") == 0 || s.compare(i - 3, 3, "WWW") == 0);
    default: return false;
  }
}

void MdWriter::escape_text_into(std::string_view s, bool heading, std::string& out) const {
  // The bytes needs_escape may escape; runs of other bytes are copied whole (text is most
  // of a document, and a byte at a time was the writer's largest cost).
  static constexpr auto special = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : std::string_view("\\`*_[]<>&|~$#!@:.")) t[c] = true;
    return t;
  }();
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!special[static_cast<unsigned char>(s[i])] || !needs_escape(s, i, heading)) continue;
    out.append(s.data() + run, i - run);
    out += '\\';
    run = i;
  }
  out.append(s.data() + run, s.size() - run);
}

std::string MdWriter::escape_text(std::string_view s, bool heading) const {
  std::string out;
  out.reserve(s.size() + 8);
  escape_text_into(s, heading, out);
  return out;
}

std::string MdWriter::one_line(std::string s) {
  for (std::size_t p; (p = s.find("\\\n")) != std::string::npos;) s.replace(p, 2, " ");  // line breaks
  for (auto& c : s) if (c == '\n') c = ' ';
  return s;
}

}  // namespace galley::markdown
