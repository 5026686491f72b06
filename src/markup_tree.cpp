// The lenient fragment parser of markup_tree.hpp.
#include "markup_tree.hpp"

#include <algorithm>
#include <cstdint>

#include "galley/text.hpp"

namespace galley::detail {
namespace {

// Named references MathML and HTML fragments use in formulas; anything else
// is kept as written (the serialiser escapes its '&').
struct NamedRef {
  std::string_view name;
  char32_t cp;
};
constexpr NamedRef kNamedRefs[] = {
    {"amp", '&'},          {"lt", '<'},           {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
    {"nbsp", 0xA0},        {"minus", 0x2212},     {"times", 0xD7},    {"divide", 0xF7},   {"middot", 0xB7},
    {"plusmn", 0xB1},      {"pm", 0xB1},          {"deg", 0xB0},      {"prime", 0x2032},  {"Prime", 0x2033},
    {"le", 0x2264},        {"ge", 0x2265},        {"ne", 0x2260},     {"equiv", 0x2261},  {"asymp", 0x2248},
    {"infin", 0x221E},     {"sum", 0x2211},       {"prod", 0x220F},   {"int", 0x222B},    {"part", 0x2202},
    {"nabla", 0x2207},     {"radic", 0x221A},     {"isin", 0x2208},   {"notin", 0x2209},  {"sub", 0x2282},
    {"sup", 0x2283},       {"cap", 0x2229},       {"cup", 0x222A},    {"and", 0x2227},    {"or", 0x2228},
    {"rarr", 0x2192},      {"larr", 0x2190},      {"harr", 0x2194},   {"rArr", 0x21D2},   {"hArr", 0x21D4},
    {"forall", 0x2200},    {"exist", 0x2203},     {"empty", 0x2205},  {"sdot", 0x22C5},   {"hellip", 0x2026},
    {"lang", 0x27E8},      {"rang", 0x27E9},      {"ndash", 0x2013},  {"mdash", 0x2014},  {"thinsp", 0x2009},
    {"ensp", 0x2002},      {"emsp", 0x2003},      {"alpha", 0x3B1},   {"beta", 0x3B2},    {"gamma", 0x3B3},
    {"delta", 0x3B4},      {"epsilon", 0x3B5},    {"theta", 0x3B8},   {"lambda", 0x3BB},  {"mu", 0x3BC},
    {"pi", 0x3C0},         {"sigma", 0x3C3},      {"tau", 0x3C4},     {"phi", 0x3C6},     {"omega", 0x3C9},
    {"Delta", 0x394},      {"Sigma", 0x3A3},      {"Omega", 0x3A9},   {"Gamma", 0x393},   {"Pi", 0x3A0},
    {"InvisibleTimes", 0x2062}, {"it", 0x2062},   {"ApplyFunction", 0x2061}, {"af", 0x2061},
    {"InvisibleComma", 0x2063}, {"ic", 0x2063},   {"PlusMinus", 0xB1},  {"ThinSpace", 0x2009},
    {"MediumSpace", 0x205F}, {"NoBreak", 0x2060}, {"DoubleRightArrow", 0x21D2}, {"RightArrow", 0x2192},
    {"LeftArrow", 0x2190}, {"Element", 0x2208},   {"Integral", 0x222B}, {"Sum", 0x2211},  {"PartialD", 0x2202},
    {"dd", 0x2146},        {"DifferentialD", 0x2146}, {"ee", 0x2147}, {"ExponentialE", 0x2147},
    {"ii", 0x2148},        {"ImaginaryI", 0x2148}, {"CenterDot", 0xB7}, {"Cross", 0x2A2F}, {"VerticalBar", 0x2223},
    {"LeftAngleBracket", 0x27E8}, {"RightAngleBracket", 0x27E9}, {"lbrace", '{'}, {"rbrace", '}'},
    {"lpar", '('},         {"rpar", ')'},         {"lsqb", '['},      {"rsqb", ']'},      {"verbar", '|'},
    {"sol", '/'},          {"colon", ':'},        {"comma", ','},     {"period", '.'},    {"excl", '!'},
};

bool name_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || (u >= '0' && u <= '9') || c == ':' || c == '-' ||
         c == '_' || c == '.';
}
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

class Parser {
 public:
  Parser(std::string_view s, std::size_t max_depth) : s_(s), max_depth_(max_depth) {}

  std::vector<MarkupNode> run() {
    std::vector<MarkupNode> top;
    stack_.clear();
    top_ = &top;
    while (i_ < s_.size()) {
      if (s_[i_] == '<') tag();
      else text();
    }
    return top;
  }

 private:
  std::vector<MarkupNode>& current() { return stack_.empty() ? *top_ : stack_.back()->children; }

  void add_text(std::string t) {
    if (t.empty()) return;
    auto& c = current();
    if (!c.empty() && !c.back().element) c.back().text += t;
    else c.push_back(MarkupNode{false, {}, {}, std::move(t), {}});
  }

  void text() {
    std::size_t end = s_.find('<', i_);
    if (end == std::string_view::npos) end = s_.size();
    add_text(decode_markup_refs(s_.substr(i_, end - i_)));
    i_ = end;
  }

  // Skip to just after `close`, or to the end.
  void skip_past(std::string_view close) {
    std::size_t e = s_.find(close, i_);
    i_ = e == std::string_view::npos ? s_.size() : e + close.size();
  }

  void tag() {
    std::string_view rest = s_.substr(i_);
    if (rest.starts_with("<!--")) return skip_past("-->");
    if (rest.starts_with("<![CDATA[")) {
      std::size_t start = i_ + 9;
      std::size_t e = s_.find("]]>", start);
      if (e == std::string_view::npos) e = s_.size();
      add_text(std::string(s_.substr(start, e - start)));
      i_ = std::min(s_.size(), e + 3);
      return;
    }
    if (rest.starts_with("<?") || rest.starts_with("<!")) return skip_past(">");
    if (rest.starts_with("</")) return end_tag();
    if (rest.size() < 2 || !name_char(rest[1])) {  // a lone '<' is text
      add_text("<");
      ++i_;
      return;
    }
    start_tag();
  }

  std::string name() {
    std::size_t b = i_;
    while (i_ < s_.size() && name_char(s_[i_])) ++i_;
    return std::string(s_.substr(b, i_ - b));
  }
  void skip_space() {
    while (i_ < s_.size() && space(s_[i_])) ++i_;
  }

  void start_tag() {
    ++i_;
    MarkupNode n;
    n.element = true;
    n.name = name();
    bool self_closing = false;
    while (i_ < s_.size()) {
      skip_space();
      if (i_ >= s_.size()) break;
      if (s_[i_] == '>') {
        ++i_;
        break;
      }
      if (s_[i_] == '/') {
        ++i_;
        skip_space();
        if (i_ < s_.size() && s_[i_] == '>') {
          self_closing = true;
          ++i_;
          break;
        }
        continue;
      }
      std::size_t before = i_;
      std::string key = name();
      if (key.empty()) {  // a character no name holds: skip it
        i_ = before + 1;
        continue;
      }
      skip_space();
      std::string value;
      if (i_ < s_.size() && s_[i_] == '=') {
        ++i_;
        skip_space();
        if (i_ < s_.size() && (s_[i_] == '"' || s_[i_] == '\'')) {
          char q = s_[i_++];
          std::size_t e = s_.find(q, i_);
          if (e == std::string_view::npos) e = s_.size();
          value = decode_markup_refs(s_.substr(i_, e - i_));
          i_ = std::min(s_.size(), e + 1);
        } else {
          std::size_t b = i_;
          while (i_ < s_.size() && !space(s_[i_]) && s_[i_] != '>') ++i_;
          value = decode_markup_refs(s_.substr(b, i_ - b));
        }
      }
      bool dup = std::any_of(n.attributes.begin(), n.attributes.end(), [&](auto& kv) { return kv.first == key; });
      if (!dup) n.attributes.emplace_back(std::move(key), std::move(value));
    }
    if (stack_.size() >= max_depth_) return;  // too deep: the element is not created, its text stays
    auto& c = current();
    c.push_back(std::move(n));
    if (!self_closing) stack_.push_back(&c.back());
  }

  void end_tag() {
    i_ += 2;
    std::string nm = name();
    skip_past(">");
    for (std::size_t k = stack_.size(); k-- > 0;) {
      if (stack_[k]->name == nm) {
        stack_.resize(k);
        return;
      }
    }
  }

  std::string_view s_;
  std::size_t max_depth_;
  std::size_t i_ = 0;
  std::vector<MarkupNode>* top_ = nullptr;
  // The open elements; each lives in its parent's children, which only grow at
  // the end while a deeper element is open, so these pointers stay valid.
  std::vector<MarkupNode*> stack_;
};

}  // namespace

std::string decode_markup_refs(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 32) {
      out += s[i++];
      continue;
    }
    std::string_view body = s.substr(i + 1, semi - i - 1);
    char32_t cp = 0;
    bool ok = false;
    if (body.size() > 1 && body[0] == '#') {
      bool hex = body[1] == 'x' || body[1] == 'X';
      std::string_view digits = body.substr(hex ? 2 : 1);
      std::uint32_t v = 0;
      ok = !digits.empty() && digits.size() <= 8;
      for (char c : digits) {
        int d = c >= '0' && c <= '9' ? c - '0' : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
        if (d < 0) ok = false;
        else v = v * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      }
      // Surrogates, zero and out-of-range become U+FFFD, as a browser reads them.
      if (ok) cp = (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) ? 0xFFFD : static_cast<char32_t>(v);
    } else {
      for (auto& r : kNamedRefs)
        if (r.name == body) {
          cp = r.cp;
          ok = true;
          break;
        }
    }
    if (!ok) {
      out += s[i++];
      continue;
    }
    append_utf8(out, cp);
    i = semi + 1;
  }
  return out;
}

std::vector<MarkupNode> parse_markup(std::string_view s, std::size_t max_depth) { return Parser(s, max_depth).run(); }

std::string markup_local_name(std::string_view qname) {
  std::size_t colon = qname.rfind(':');
  std::string out(colon == std::string_view::npos ? qname : qname.substr(colon + 1));
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

void append_markup_text(const MarkupNode& n, std::string& out) {
  if (!n.element) {
    out += n.text;
    return;
  }
  for (auto& c : n.children) append_markup_text(c, out);
}

}  // namespace galley::detail
