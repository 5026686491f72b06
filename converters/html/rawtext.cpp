// HTML5 raw-text elements found and rewritten before libxml2 parses the page
// (see rawtext.hpp). The states follow the tokenizer of the WHATWG HTML standard
// (section 13.2.5): data, markup declarations, tag open, attributes, and the script
// data, RAWTEXT, RCDATA and PLAINTEXT states; the tree builder only as far as it
// decides which tokenizer state a start tag switches to.
#include "html/rawtext.hpp"

#include <cstring>

namespace galley::html {
namespace {

constexpr std::size_t npos = std::string_view::npos;

inline bool ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
inline bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char lower_c(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::size_t find_char(std::string_view s, std::size_t from, char c) {
  if (from >= s.size()) return npos;
  const void* p = std::memchr(s.data() + from, c, s.size() - from);
  return p ? static_cast<std::size_t>(static_cast<const char*>(p) - s.data()) : npos;
}

// s[i] == '<', s[i + 1] == '/': is this the end tag of `name` (case-insensitive, followed
// by whitespace, '/' or '>')? HTML5's "appropriate end tag".
bool end_tag_of(std::string_view s, std::size_t i, std::string_view name) {
  std::size_t j = i + 2;
  if (name.empty() || j + name.size() >= s.size()) return false;  // EOF right after the name: not a tag
  for (std::size_t k = 0; k < name.size(); ++k)
    if (lower_c(s[j + k]) != name[k]) return false;
  char d = s[j + name.size()];
  return ws(d) || d == '/' || d == '>';
}

// A run of ASCII letters from i, lower-cased into buf (at most 8 kept: enough for "script").
std::size_t letters(std::string_view s, std::size_t i, std::string& buf) {
  buf.clear();
  while (i < s.size() && alpha(s[i])) {
    if (buf.size() < 8) buf += lower_c(s[i]);
    ++i;
  }
  return i;
}

std::size_t script_end(std::string_view s, std::size_t i, std::string_view name) {
  enum { kData, kEscaped, kDoubleEscaped } st = kData;
  int dashes = 0;
  std::string buf;
  const std::size_t n = s.size();
  while (i < n) {
    if (st == kData) {
      i = find_char(s, i, '<');
      if (i == npos) return n;
      if (i + 1 < n && s[i + 1] == '/') {
        if (end_tag_of(s, i, name)) return i;
        i += 2;
      } else if (s.compare(i, 4, "<!--") == 0) {
        st = kEscaped;  // script data escaped dash dash state
        dashes = 2;
        i += 4;
      } else {
        ++i;
      }
      continue;
    }
    char c = s[i];
    if (c == '-') {
      if (dashes < 2) ++dashes;
      ++i;
    } else if (c == '>') {
      if (dashes >= 2) st = kData;
      dashes = 0;
      ++i;
    } else if (c == '<') {
      dashes = 0;
      if (st == kEscaped) {
        if (i + 1 < n && s[i + 1] == '/') {
          if (end_tag_of(s, i, name)) return i;
          i += 2;
        } else if (i + 1 < n && alpha(s[i + 1])) {
          std::size_t j = letters(s, i + 1, buf);
          if (buf == "script" && j < n && (ws(s[j]) || s[j] == '/' || s[j] == '>')) {
            st = kDoubleEscaped;
            i = j + 1;
          } else {
            i = j;
          }
        } else {
          ++i;
        }
      } else {  // double escaped: "</script" + delimiter goes back to escaped
        if (i + 1 < n && s[i + 1] == '/') {
          std::size_t j = letters(s, i + 2, buf);
          if (buf == "script" && j < n && (ws(s[j]) || s[j] == '/' || s[j] == '>')) {
            st = kEscaped;
            i = j + 1;
          } else {
            i = j;
          }
        } else {
          ++i;
        }
      }
    } else {
      dashes = 0;
      ++i;
    }
  }
  return n;
}

// From just after a tag name to after the tag's '>': HTML5's attribute states. Returns npos
// at EOF inside the tag (no tag is emitted then). `slash`: the '/' of a self-closing tag;
// `type`: the value of the first "type" attribute (when asked).
std::size_t tag_rest(std::string_view s, std::size_t i, std::size_t& slash, std::string_view* type) {
  const std::size_t n = s.size();
  slash = npos;
  bool have_type = false;
  while (true) {
    while (i < n && ws(s[i])) ++i;  // before attribute name
    if (i >= n) return npos;
    if (s[i] == '>') return i + 1;
    if (s[i] == '/') {  // self-closing start tag state
      if (i + 1 < n && s[i + 1] == '>') {
        slash = i;
        return i + 2;
      }
      ++i;
      continue;
    }
    std::size_t name_begin = i;
    ++i;  // the first character of a name may be '=' (or anything but ws / >)
    while (i < n && !ws(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') ++i;
    std::string_view attr_name = s.substr(name_begin, i - name_begin);
    while (i < n && ws(s[i])) ++i;  // after attribute name
    if (i >= n) return npos;
    if (s[i] != '=') continue;
    ++i;
    while (i < n && ws(s[i])) ++i;  // before attribute value
    if (i >= n) return npos;
    std::size_t vb, ve;
    if (s[i] == '"' || s[i] == '\'') {
      std::size_t q = find_char(s, i + 1, s[i]);
      if (q == npos) return npos;
      vb = i + 1;
      ve = q;
      i = q + 1;
    } else if (s[i] == '>') {
      return i + 1;
    } else {
      vb = i;
      while (i < n && !ws(s[i]) && s[i] != '>') ++i;
      ve = i;
    }
    if (type && !have_type && attr_name.size() == 4 && lower_c(attr_name[0]) == 't' && lower_c(attr_name[1]) == 'y' &&
        lower_c(attr_name[2]) == 'p' && lower_c(attr_name[3]) == 'e') {
      have_type = true;
      *type = s.substr(vb, ve - vb);
    }
  }
}

bool is_json_ld(std::string_view type) {
  while (!type.empty() && ws(type.front())) type.remove_prefix(1);
  while (!type.empty() && ws(type.back())) type.remove_suffix(1);
  constexpr std::string_view want = "application/ld+json";
  if (type.size() != want.size()) return false;
  for (std::size_t k = 0; k < want.size(); ++k)
    if (lower_c(type[k]) != want[k]) return false;
  return true;
}

// Start tags that leave foreign content (svg, math) in HTML5's tree builder.
bool breaks_out(std::string_view t) {
  static constexpr std::string_view kTags[] = {
      "b",   "big",  "blockquote", "body", "br",   "center", "code",    "dd",   "div",  "dl",    "dt",
      "em",  "embed", "h1",        "h2",   "h3",   "h4",     "h5",      "h6",   "head", "hr",    "i",
      "img", "li",   "listing",    "menu", "meta", "nobr",   "ol",      "p",    "pre",  "ruby",  "s",
      "small", "span", "strong",   "strike", "sub", "sup",   "table",   "tt",   "u",    "ul",    "var"};
  for (auto k : kTags)
    if (t == k) return true;
  return false;
}

}  // namespace

bool raw_text_kind(std::string_view t, RawKind& kind) {
  if (t == "script") kind = RawKind::script;
  else if (t == "style" || t == "xmp" || t == "iframe" || t == "noembed" || t == "noframes") kind = RawKind::rawtext;
  else if (t == "textarea" || t == "title") kind = RawKind::rcdata;
  else if (t == "plaintext") kind = RawKind::plaintext;
  else return false;
  return true;
}

std::size_t raw_text_end(std::string_view s, std::size_t from, std::string_view name, RawKind kind) {
  if (from >= s.size()) return s.size();
  if (kind == RawKind::plaintext) return s.size();
  if (kind == RawKind::script) return script_end(s, from, name);
  for (std::size_t i = from;;) {
    i = find_char(s, i, '<');
    if (i == npos) return s.size();
    if (i + 1 < s.size() && s[i + 1] == '/' && end_tag_of(s, i, name)) return i;
    ++i;
  }
}

std::vector<RawSpan> scan_raw_text(std::string_view s) {
  std::vector<RawSpan> spans;
  const std::size_t n = s.size();
  int foreign = 0;  // open <svg>/<math> elements
  std::string name;
  std::size_t i = 0;
  while (true) {
    std::size_t lt = find_char(s, i, '<');
    if (lt == npos || lt + 1 >= n) break;
    char c = s[lt + 1];
    if (c == '!') {
      if (s.compare(lt, 4, "<!--") == 0) {
        std::size_t j = lt + 4;
        if (j < n && s[j] == '>') {  // <!-->
          i = j + 1;
          continue;
        }
        if (j + 1 < n && s[j] == '-' && s[j + 1] == '>') {  // <!--->
          i = j + 2;
          continue;
        }
        while (true) {  // to "-->" or "--!>"
          std::size_t d = s.find("--", j);
          if (d == npos) return spans;
          if (d + 2 < n && s[d + 2] == '>') {
            i = d + 3;
            break;
          }
          if (d + 3 < n && s[d + 2] == '!' && s[d + 3] == '>') {
            i = d + 4;
            break;
          }
          j = d + 1;
        }
        continue;
      }
      if (foreign > 0 && s.compare(lt, 9, "<![CDATA[") == 0) {
        std::size_t e = s.find("]]>", lt + 9);
        if (e == npos) return spans;
        i = e + 3;
        continue;
      }
      std::size_t gt = find_char(s, lt + 2, '>');  // doctype, bogus comment
      if (gt == npos) return spans;
      i = gt + 1;
      continue;
    }
    if (c == '?') {
      std::size_t gt = find_char(s, lt + 2, '>');
      if (gt == npos) return spans;
      i = gt + 1;
      continue;
    }
    if (c == '/') {
      if (lt + 2 >= n) break;
      if (alpha(s[lt + 2])) {
        std::size_t j = lt + 2;
        name.clear();
        while (j < n && !ws(s[j]) && s[j] != '/' && s[j] != '>') name += lower_c(s[j++]);
        std::size_t slash;
        std::size_t e = tag_rest(s, j, slash, nullptr);
        if (e == npos) break;
        if (foreign > 0 && (name == "svg" || name == "math")) --foreign;
        i = e;
        continue;
      }
      if (s[lt + 2] == '>') {
        i = lt + 3;
        continue;
      }
      std::size_t gt = find_char(s, lt + 2, '>');  // bogus comment
      if (gt == npos) return spans;
      i = gt + 1;
      continue;
    }
    if (!alpha(c)) {
      i = lt + 1;
      continue;
    }
    std::size_t j = lt + 1;
    name.clear();
    while (j < n && !ws(s[j]) && s[j] != '/' && s[j] != '>') name += lower_c(s[j++]);
    std::size_t slash;
    std::string_view type;
    std::size_t e = tag_rest(s, j, slash, name == "script" ? &type : nullptr);
    if (e == npos) break;
    i = e;
    if (name == "svg" || name == "math") {
      if (slash == npos) ++foreign;
      continue;
    }
    if (foreign > 0 && breaks_out(name)) foreign = 0;
    RawKind kind;
    if (!raw_text_kind(name, kind)) continue;
    if (foreign > 0 && name != "script" && name != "style") continue;
    RawSpan sp;
    static constexpr std::string_view kNames[] = {"script", "style",    "xmp",   "iframe",   "noembed",
                                                  "noframes", "textarea", "title", "plaintext"};
    for (auto k : kNames)
      if (k == name) sp.name = k;
    sp.kind = kind;
    sp.tag_begin = lt;
    sp.content_begin = e;
    sp.slash = slash;
    sp.json_ld = name == "script" && is_json_ld(type);
    sp.content_end = raw_text_end(s, e, sp.name, kind);
    sp.end_tag_end = sp.content_end;
    if (sp.content_end < n) {
      std::size_t k = sp.content_end + 2 + sp.name.size(), sl;
      std::size_t ee = tag_rest(s, k, sl, nullptr);
      sp.end_tag_end = ee == npos ? n : ee;
    }
    spans.push_back(sp);
    if (sp.end_tag_end >= n) break;
    i = sp.end_tag_end;
  }
  return spans;
}

bool neutralise_raw_text(std::string_view s, std::string& out) {
  std::vector<RawSpan> spans = scan_raw_text(s);
  if (spans.empty()) return false;
  std::string r;
  r.reserve(s.size());
  std::size_t at = 0;
  bool changed = false;
  for (const RawSpan& sp : spans) {
    // The start tag, without a self-closing '/'.
    if (sp.slash != npos) {
      r.append(s, at, sp.slash - at);
      at = sp.slash + 1;
      changed = true;
    }
    r.append(s, at, sp.content_begin - at);
    std::string_view body = s.substr(sp.content_begin, sp.content_end - sp.content_begin);
    if (sp.kind == RawKind::script && sp.json_ld) {
      for (std::size_t k = 0; k < body.size(); ++k) {
        r += body[k];
        if (body[k] == '<' && k + 1 < body.size() && body[k + 1] == '/') {
          r += '\\';
          changed = true;
        }
      }
    } else if (sp.kind == RawKind::script || sp.name == "style") {
      for (char ch : body)
        if (ch == '\n') r += ch;
      if (body.find_first_not_of('\n') != npos) changed = true;
    } else {
      bool amp = sp.kind != RawKind::rcdata;
      for (char ch : body) {
        if (ch == '<') {
          r += "&lt;";
          changed = true;
        } else if (ch == '&' && amp) {
          r += "&amp;";
          changed = true;
        } else {
          r += ch;
        }
      }
    }
    if (sp.content_end < s.size()) {
      std::string_view end_tag = s.substr(sp.content_end, sp.end_tag_end - sp.content_end);
      if (end_tag.size() != sp.name.size() + 3 || end_tag.back() != '>' ||
          end_tag.compare(2, sp.name.size(), sp.name) != 0)
        changed = true;
      r += "</";
      r += sp.name;
      r += '>';
    }
    at = sp.end_tag_end;
  }
  if (!changed) return false;
  r.append(s, at, npos);
  out = std::move(r);
  return true;
}

}  // namespace galley::html
