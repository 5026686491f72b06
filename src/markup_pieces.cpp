// See markup_pieces.hpp.
#include "galley/markup_pieces.hpp"

#include <cstring>

namespace galley {

namespace {

bool tag_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
}
bool html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
// s[from, to) with the bounds already known to hold (substr checks them and was a tenth of
// an EPUB page's id pass)
std::string_view part(std::string_view s, std::size_t from, std::size_t to) { return {s.data() + from, to - from}; }

}  // namespace

TagAttributes::TagAttributes(const MarkupPiece& start_tag) : s_(start_tag.text.substr(1 + start_tag.name.size())) {}

bool TagAttributes::next(TagAttribute& a) {
  if (done_) return false;
  const std::size_t n = s_.size();
  for (;;) {
    std::size_t ws = j_;
    while (j_ < n && html_space(s_[j_])) ++j_;
    auto close = [&](std::size_t end) {
      close_begin_ = ws;
      close_end_ = j_ = end;
      done_ = true;
      return false;
    };
    if (j_ >= n) return close(n);
    if (s_[j_] == '>') return close(j_ + 1);
    if (s_[j_] == '/' && j_ + 1 < n && s_[j_ + 1] == '>') return close(j_ + 2);
    std::size_t name_start = j_;
    while (j_ < n && !html_space(s_[j_]) && s_[j_] != '=' && s_[j_] != '>' &&
           !(s_[j_] == '/' && j_ + 1 < n && s_[j_ + 1] == '>'))
      ++j_;
    if (j_ == name_start) {  // a stray '=' or '/'
      ++j_;
      continue;
    }
    a.before = part(s_, ws, name_start);
    a.name = part(s_, name_start, j_);
    a.value = {};
    a.quote = 0;
    a.has_value = false;
    std::size_t k = j_;
    while (k < n && html_space(s_[k])) ++k;
    if (k < n && s_[k] == '=') {
      ++k;
      while (k < n && html_space(s_[k])) ++k;
      a.has_value = true;
      if (k < n && (s_[k] == '"' || s_[k] == '\'')) {
        a.quote = s_[k];
        const void* hit = std::memchr(s_.data() + k + 1, a.quote, n - k - 1);
        std::size_t e = hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - s_.data()) : n;
        a.value = part(s_, k + 1, e);
        k = e < n ? e + 1 : n;
      } else {
        std::size_t e = k;
        while (e < n && !html_space(s_[e]) && s_[e] != '>') ++e;
        a.value = part(s_, k, e);
        k = e;
      }
      j_ = k;
    }
    a.text = part(s_, name_start, j_);
    return true;
  }
}

bool MarkupPieces::next(MarkupPiece& piece) {
  const std::size_t n = html_.size();
  if (pos_ >= n) return false;
  const char* data = html_.data();
  // where byte c next occurs from `from` on, else n (memchr itself: a finished EPUB page is
  // cut into tens of thousands of pieces, and string_view::find was not inlined)
  auto find = [&](char c, std::size_t from) {
    const void* hit = std::memchr(data + from, c, n - from);
    return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - data) : n;
  };
  auto give = [&](MarkupPiece::Kind kind, std::size_t end, std::string_view name = {}) {
    piece.kind = kind;
    piece.text = part(html_, pos_, end);
    piece.name = name;
    pos_ = end;
    return true;
  };
  if (data[pos_] != '<') return give(MarkupPiece::Kind::text, find('<', pos_));
  char next = pos_ + 1 < n ? data[pos_ + 1] : '\0';
  if (next == '!' && pos_ + 3 < n && data[pos_ + 2] == '-' && data[pos_ + 3] == '-') {
    std::size_t e = html_.find("-->", pos_ + 4);
    return give(MarkupPiece::Kind::other, e == std::string_view::npos ? n : e + 3);
  }
  if (syntax_ == MarkupSyntax::xml && (next == '?' || html_.compare(pos_, 9, "<![CDATA[") == 0)) {
    std::string_view close = next == '?' ? "?>" : "]]>";
    std::size_t e = html_.find(close, pos_ + 2);
    return give(MarkupPiece::Kind::other, e == std::string_view::npos ? n : e + close.size());
  }
  if (next == '!' || next == '?' || next == '/') {
    std::size_t e = find('>', pos_);
    return give(MarkupPiece::Kind::other, e == n ? n : e + 1);
  }
  std::size_t j = pos_ + 1;
  while (j < n && tag_name_char(data[j])) ++j;
  if (j == pos_ + 1) return give(MarkupPiece::Kind::text, j);
  std::string_view name = part(html_, pos_ + 1, j);
  // The attributes are read to find the tag's end: a quoted value may hold '>'.
  TagAttributes attributes(part(html_, j, n));
  TagAttribute skipped;
  while (attributes.next(skipped)) {
  }
  return give(MarkupPiece::Kind::start_tag, j + attributes.consumed(), name);
}

}  // namespace galley
