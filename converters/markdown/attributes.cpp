// Pandoc's attribute syntax, {#id .class key=value key="quoted value"}, used by
// header, link, image, code and div attributes and bracketed spans.
#include "markdown/reader_detail.hpp"

namespace galley::markdown {

namespace {

bool name_char(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':' || c == '.';
}

}  // namespace

std::size_t attribute_block_length(std::string_view s) {
  if (s.empty() || s[0] != '{') return 0;
  char quote = 0;
  for (std::size_t i = 1; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == '\\' && i + 1 < s.size()) ++i;
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '{' || c == '\n') {
      return 0;
    } else if (c == '}') {
      Attr probe;
      return parse_attributes(s.substr(0, i + 1), probe) ? i + 1 : 0;
    }
  }
  return 0;
}

bool parse_attributes(std::string_view s, Attr& attr) {
  if (s.size() < 2 || s.front() != '{' || s.back() != '}') return false;
  std::string_view b = s.substr(1, s.size() - 2);
  Attr out;
  std::size_t i = 0;
  auto skip = [&] { while (i < b.size() && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n')) ++i; };
  skip();
  while (i < b.size()) {
    char c = b[i];
    if (c == '#' || c == '.') {
      std::size_t j = i + 1;
      while (j < b.size() && name_char(b[j])) ++j;
      if (j == i + 1) return false;
      std::string word(b.substr(i + 1, j - i - 1));
      if (c == '#') out.id = word;
      else out.classes.push_back(word);
      i = j;
    } else if (c == '-' && (i + 1 == b.size() || b[i + 1] == ' ')) {
      out.classes.emplace_back("unnumbered");  // pandoc's shorthand {-}
      ++i;
    } else if (name_char(c)) {
      std::size_t j = i;
      while (j < b.size() && name_char(b[j])) ++j;
      std::string key(b.substr(i, j - i));
      if (j >= b.size() || b[j] != '=') return false;
      ++j;
      std::string value;
      if (j < b.size() && (b[j] == '"' || b[j] == '\'')) {
        char q = b[j++];
        bool closed = false;
        while (j < b.size()) {
          if (b[j] == '\\' && j + 1 < b.size()) { value += b[j + 1]; j += 2; continue; }
          if (b[j] == q) { closed = true; ++j; break; }
          value += b[j++];
        }
        if (!closed) return false;
      } else {
        while (j < b.size() && b[j] != ' ' && b[j] != '\t' && b[j] != '\n') value += b[j++];
      }
      if (key == "id") out.id = value;
      else if (key == "class") {
        std::size_t k = 0;
        while (k < value.size()) {
          std::size_t e = value.find(' ', k);
          if (e == std::string::npos) e = value.size();
          if (e > k) out.classes.push_back(value.substr(k, e - k));
          k = e + 1;
        }
      } else out.attributes.emplace_back(std::move(key), std::move(value));
      i = j;
    } else {
      return false;
    }
    std::size_t before = i;
    skip();
    if (i < b.size() && i == before) return false;  // items are separated by spaces
  }
  attr = std::move(out);
  return true;
}

}  // namespace galley::markdown
