// See raw_html.hpp.
#include "galley/raw_html.hpp"

#include <cstring>

#include "galley/markup_pieces.hpp"
#include "galley/safety.hpp"
#include "galley/text.hpp"

namespace galley {

namespace {

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The quoted value of the first non-empty src= or data= attribute in a tag's
// attribute text, else of data-src= (players loaded lazily keep their URL there,
// with an empty src).
std::optional<std::string> src_attribute(std::string_view tag) {
  std::optional<std::string> lazy;
  for (std::size_t i = 0; i < tag.size();) {
    if (!name_char(tag[i])) {
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < tag.size() && name_char(tag[e])) ++e;
    std::string_view name = tag.substr(i, e - i);
    bool wanted = ascii_iequals(name, "src") || ascii_iequals(name, "data");
    bool lazy_name = ascii_iequals(name, "data-src");
    i = e;
    while (i < tag.size() && space(tag[i])) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && space(tag[i])) ++i;
    if (i >= tag.size()) break;
    char q = tag[i];
    std::size_t vstart = q == '"' || q == '\'' ? i + 1 : i;
    std::size_t vend = q == '"' || q == '\'' ? tag.find(q, vstart) : tag.find_first_of(" \t\n\r\f", vstart);
    if (vend == std::string_view::npos) vend = tag.size();
    bool quoted_value = (q == '"' || q == '\'') && vend > vstart && vend < tag.size();
    if (wanted && quoted_value) return std::string(tag.substr(vstart, vend - vstart));
    if (lazy_name && quoted_value && !lazy) lazy = std::string(tag.substr(vstart, vend - vstart));
    i = vend + 1;
  }
  return lazy;
}

}  // namespace

std::pair<std::size_t, std::size_t> find_start_tag(std::string_view t, std::span<const std::string_view> names) {
  for (std::size_t lt = t.find('<'); lt != std::string_view::npos; lt = t.find('<', lt + 1)) {
    std::size_t a = lt + 1;
    while (a < t.size() && space(t[a])) ++a;
    std::size_t b = a;
    while (b < t.size() && name_char(t[b])) ++b;
    for (auto n : names)
      if (ascii_iequals(t.substr(a, b - a), n)) return {lt, b};
  }
  return {std::string_view::npos, std::string_view::npos};
}

std::optional<std::string> embedded_media_url(std::string_view t) {
  std::size_t base = 0;
  for (;;) {
    auto found = find_start_tag(t.substr(base), {"iframe", "video", "audio", "object", "embed", "source"});
    if (found.first == std::string_view::npos) return std::nullopt;
    std::size_t p = base + found.second, gt = t.find('>', p);
    if (auto url = src_attribute(t.substr(p, gt == std::string_view::npos ? std::string_view::npos : gt - p)))
      return url;
    if (gt == std::string_view::npos) return std::nullopt;
    base = gt;
  }
}

}  // namespace galley

namespace galley {

std::string clean_raw_html_attributes(std::string_view html, std::size_t* removed) {
  std::string out;
  out.reserve(html.size());
  std::size_t dropped = 0;
  MarkupPieces pieces(html);
  MarkupPiece piece;
  while (pieces.next(piece)) {
    if (piece.kind != MarkupPiece::Kind::start_tag) {
      out.append(piece.text);
      continue;
    }
    std::string element = ascii_lower(piece.name);
    out += '<';
    out.append(piece.name);
    TagAttributes attributes(piece);
    TagAttribute a;
    while (attributes.next(a)) {
      std::string decoded = decode_char_refs(a.value, RefContext::Attribute);
      auto kept = safe_attribute(element, ascii_lower(a.name), decoded);
      if (!kept) {
        ++dropped;
        continue;
      }
      out.append(a.before);
      out.append(a.name);
      if (!a.has_value) continue;
      // the original bytes when nothing changed, else the cleaned value re-quoted
      if (*kept == decoded) {
        out += '=';
        if (a.quote) out += a.quote;
        out.append(a.value);
        if (a.quote) out += a.quote;
      } else {
        out += "=\"";
        for (char c : *kept) {
          if (c == '"') out += "&quot;";
          else if (c == '&') out += "&amp;";
          else if (c == '<') out += "&lt;";
          else out += c;
        }
        out += '"';
      }
    }
    out.append(attributes.closing());
  }
  if (removed) *removed = dropped;
  return out;
}

namespace {

// Whether some '=' in the tag follows "id" (any case) that is not the end of a longer name:
// most tags have no id, and skip reading their attributes (a finished EPUB page has tens of
// thousands of tags).
bool may_have_id(std::string_view tag) {
  const char* data = tag.data();
  for (const void* hit = std::memchr(data, '=', tag.size()); hit;
       hit = std::memchr(static_cast<const char*>(hit) + 1, '=', tag.size() - (static_cast<const char*>(hit) + 1 - data))) {
    std::size_t k = static_cast<std::size_t>(static_cast<const char*>(hit) - data);
    while (k > 0 && space(tag[k - 1])) --k;
    if (k < 3 || (tag[k - 1] | 0x20) != 'd' || (tag[k - 2] | 0x20) != 'i') continue;
    char c = tag[k - 3];
    if (!name_char(c) && c != ':' && c != '.') return true;
  }
  return false;
}

// The value of a start tag's first id attribute, if it has one.
const TagAttribute* id_attribute(const MarkupPiece& tag, TagAttribute& a) {
  if (!may_have_id(tag.text)) return nullptr;
  TagAttributes attributes(tag);
  while (attributes.next(a))
    if (a.has_value && ascii_iequals(a.name, "id")) return &a;
  return nullptr;
}

}  // namespace

std::string rename_repeated_ids(std::string_view html, IdentifierSet& ids, std::size_t* renamed) {
  // Copied a run at a time: only up to each renamed value, and the rest at the end.
  std::string out;
  std::size_t copied = 0, count = 0;
  bool rest_reserved = false;
  MarkupPieces pieces(html);
  MarkupPiece piece;
  TagAttribute a;
  while (pieces.next(piece)) {
    const TagAttribute* id = piece.kind == MarkupPiece::Kind::start_tag ? id_attribute(piece, a) : nullptr;
    if (!id) continue;
    if (!ids.contains(id->value)) {
      ids.insert(std::string(id->value));
      continue;
    }
    // A new name must not take one the markup uses further on: those ids are read once,
    // at the first repeat (most markup has none, and pays nothing).
    if (!rest_reserved) {
      MarkupPieces rest(html.substr(pieces.position()));
      MarkupPiece later;
      TagAttribute b;
      while (rest.next(later))
        if (later.kind == MarkupPiece::Kind::start_tag && id_attribute(later, b)) ids.reserve(b.value);
      rest_reserved = true;
      out.reserve(html.size() + 16);
    }
    std::size_t at = static_cast<std::size_t>(id->value.data() - html.data());
    out.append(html.substr(copied, at - copied));
    out += ids.unique(std::string(id->value));
    copied = at + id->value.size();
    ++count;
  }
  out.append(html.substr(copied));
  if (renamed) *renamed = count;
  return out;
}

}  // namespace galley
