// Before cmark sees the text: the YAML metadata block is cut off the top, and
// pandoc's fenced div lines (::: {.aside} ... :::) become HTML-comment markers
// that survive CommonMark parsing as blocks of their own.
#include <string>

#include "markdown/reader_detail.hpp"

namespace galley::markdown {

namespace {

std::string_view line_at(std::string_view s, std::size_t pos, std::size_t& next) {
  std::size_t e = s.find('\n', pos);
  if (e == std::string_view::npos) { next = s.size(); return s.substr(pos); }
  next = e + 1;
  std::string_view l = s.substr(pos, e - pos);
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

bool blank(std::string_view l) {
  for (char c : l) if (c != ' ' && c != '\t') return false;
  return true;
}

std::string_view strip(std::string_view l) {
  while (!l.empty() && (l.front() == ' ' || l.front() == '\t')) l.remove_prefix(1);
  while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
  return l;
}

// A code fence opener (``` or ~~~, up to three spaces in): its character and length.
bool code_fence(std::string_view l, char& ch, std::size_t& len) {
  std::size_t i = 0;
  while (i < l.size() && i < 3 && l[i] == ' ') ++i;
  if (i >= l.size() || (l[i] != '`' && l[i] != '~')) return false;
  char c = l[i];
  std::size_t n = 0;
  while (i + n < l.size() && l[i + n] == c) ++n;
  if (n < 3) return false;
  if (c == '`' && l.substr(i + n).find('`') != std::string_view::npos) return false;
  ch = c;
  len = n;
  return true;
}

std::size_t colons(std::string_view l) {
  std::size_t n = 0;
  while (n < l.size() && l[n] == ':') ++n;
  return n;
}

// "::: {.aside}", "::: aside", "::::: {#id} :::": the attributes of an opening fence.
bool div_open(std::string_view l, Attr& attr) {
  std::size_t n = colons(l);
  if (n < 3) return false;
  std::string_view rest = strip(l.substr(n));
  while (!rest.empty() && rest.back() == ':') rest.remove_suffix(1);
  rest = strip(rest);
  if (rest.empty()) return false;
  if (rest.front() == '{') return parse_attributes(rest, attr);
  for (char c : rest)
    if (c == ' ' || c == '\t' || c == '{' || c == '}') return false;
  attr.classes.emplace_back(rest);
  return true;
}

bool div_close(std::string_view l) { return colons(l) >= 3 && blank(l.substr(colons(l))); }

// pandoc's markdown reader expands tabs to the next multiple of four columns before
// it parses (CommonMark keeps them and counts them as stops of four itself).
std::string expand_tabs(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  std::size_t col = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\t') {
      std::size_t n = 4 - col % 4;
      out.append(n, ' ');
      col += n;
      continue;
    }
    out += c;
    if (c == '\n') col = 0;
    else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++col;  // columns count characters, not bytes
  }
  return out;
}

}  // namespace

Prepared prepare(std::string_view input, const Syntax& syntax) {
  Prepared out;
  std::string expanded;
  if (syntax.pandoc_markdown && input.find('\t') != std::string_view::npos) expanded = expand_tabs(input);
  std::string_view source = expanded.empty() ? input : std::string_view(expanded);
  std::size_t pos = 0;
  if (syntax.yaml) {
    // pandoc's rule: "---" on the first line, not followed by a blank line, closed by "---" or "...".
    std::size_t next;
    std::string_view first = line_at(source, 0, next);
    if (strip(first) == "---" && next < source.size()) {
      std::size_t after;
      std::string_view second = line_at(source, next, after);
      if (!blank(second)) {
        std::size_t p = next;
        while (p < source.size()) {
          std::size_t n2;
          std::string_view l = line_at(source, p, n2);
          if (l == "---" || l == "...") {
            out.yaml.assign(source.substr(next, p - next));
            pos = n2;
            break;
          }
          p = n2;
        }
      }
    }
  }
  if (!syntax.fenced_divs) {
    out.text.assign(source.substr(pos));
    return out;
  }
  out.divs.prefix = "<!--galley-div-";
  while (source.find(out.divs.prefix) != std::string_view::npos) out.divs.prefix.insert(out.divs.prefix.size() - 1, "x");
  out.text.reserve(source.size() - pos + 64);
  char fence_ch = 0;
  std::size_t fence_len = 0;
  int open_divs = 0;
  while (pos < source.size()) {
    std::size_t next;
    std::string_view l = line_at(source, pos, next);
    std::string_view raw = source.substr(pos, next - pos);
    pos = next;
    char ch;
    std::size_t len;
    if (fence_ch) {  // inside a fenced code block: everything is code
      std::string_view t = strip(l);
      if (t.size() >= fence_len && colons(t) == 0 && t.find_first_not_of(fence_ch) == std::string_view::npos) fence_ch = 0;
      out.text.append(raw);
      continue;
    }
    if (code_fence(l, ch, len)) {
      fence_ch = ch;
      fence_len = len;
      out.text.append(raw);
      continue;
    }
    // a fence may sit inside a list item or a block quote: the container's
    // prefix (indentation, '>') stays, so the marker lands in the same container
    std::size_t lead = 0;
    while (lead < l.size() && (l[lead] == ' ' || l[lead] == '\t' || l[lead] == '>')) ++lead;
    std::string_view fence_line = l.substr(lead);
    Attr attr;
    if (div_open(fence_line, attr)) {
      out.text.append(l.substr(0, lead));
      out.text += out.divs.prefix + std::to_string(out.divs.attrs.size()) + "-->\n";
      out.divs.attrs.push_back(std::move(attr));
      ++open_divs;
      continue;
    }
    if (open_divs > 0 && div_close(fence_line)) {
      out.text.append(l.substr(0, lead));
      out.text += out.divs.prefix + "end-->\n";
      --open_divs;
      continue;
    }
    out.text.append(raw);
  }
  return out;
}

}  // namespace galley::markdown
