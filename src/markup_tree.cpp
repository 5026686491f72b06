// The lenient fragment parser of markup_tree.hpp.
#include "markup_tree.hpp"

#include <algorithm>

#include "galley/text.hpp"

namespace galley::detail {
namespace {

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
    add_text(decode_char_refs(s_.substr(i_, end - i_)));
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
          value = decode_char_refs(s_.substr(i_, e - i_), RefContext::Attribute);
          i_ = std::min(s_.size(), e + 1);
        } else {
          std::size_t b = i_;
          while (i_ < s_.size() && !space(s_[i_]) && s_[i_] != '>') ++i_;
          value = decode_char_refs(s_.substr(b, i_ - b), RefContext::Attribute);
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
