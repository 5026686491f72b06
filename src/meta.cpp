// Accessors for the article metadata contract (docs/METADATA.md).
#include "galley/meta.hpp"

#include "galley/builder.hpp"
#include "galley/text.hpp"

namespace galley {

const MetaValue* meta_get(const Meta& meta, const std::string& key) {
  auto it = meta.find(key);
  return it == meta.end() ? nullptr : &it->second;
}

namespace {
Inlines flatten_blocks(const Blocks& blocks) {
  Inlines out;
  for (auto& b : blocks) {
    const Inlines* xs = nullptr;
    if (auto p = b.as<Para>()) xs = &p->content;
    else if (auto q = b.as<Plain>()) xs = &q->content;
    if (!xs) { auto t = stringify(Blocks{b}); if (t.empty()) continue; if (!out.empty()) out.emplace_back(Space{}); for (auto& x : text(t)) out.push_back(x); continue; }
    if (!out.empty()) out.emplace_back(Space{});
    out.insert(out.end(), xs->begin(), xs->end());
  }
  return out;
}

Inlines value_inlines(const MetaValue& v) {
  if (auto p = v.as<MetaInlines>()) return p->content;
  if (auto p = v.as<MetaString>()) return text(p->text);
  if (auto p = v.as<MetaBlocks>()) return flatten_blocks(p->content);
  return text(stringify(v));
}
}  // namespace

std::optional<Inlines> meta_inlines(const Meta& meta, const std::string& key) {
  auto v = meta_get(meta, key);
  if (!v) return std::nullopt;
  auto xs = value_inlines(*v);
  if (xs.empty()) return std::nullopt;
  return xs;
}

std::optional<std::string> meta_text(const Meta& meta, const std::string& key) {
  auto v = meta_get(meta, key);
  if (!v) return std::nullopt;
  auto s = std::string(trim(stringify(*v)));
  if (s.empty()) return std::nullopt;
  return s;
}

std::optional<Blocks> meta_blocks(const Meta& meta, const std::string& key) {
  auto v = meta_get(meta, key);
  if (!v) return std::nullopt;
  if (auto p = v->as<MetaBlocks>()) {
    if (p->content.empty()) return std::nullopt;
    return p->content;
  }
  auto xs = value_inlines(*v);
  if (xs.empty()) return std::nullopt;
  return Blocks{Para{std::move(xs)}};
}

namespace {
std::string map_text(const MetaMap& m, const char* key) {
  auto it = m.entries.find(key);
  return it == m.entries.end() ? std::string() : std::string(trim(stringify(it->second)));
}

Person person_from(const MetaValue& v) {
  Person p;
  if (auto m = v.as<MetaMap>()) {
    auto it = m->entries.find("name");
    if (it != m->entries.end()) p.name = value_inlines(it->second);
    p.given = map_text(*m, "given");
    if (p.given.empty()) p.given = map_text(*m, "given-names");
    p.surname = map_text(*m, "surname");
    if (p.surname.empty()) p.surname = map_text(*m, "family");
    p.email = map_text(*m, "email");
    p.affiliation = map_text(*m, "affiliation");
    p.orcid = map_text(*m, "orcid");
    if (p.name.empty() && (!p.given.empty() || !p.surname.empty()))
      p.name = text(p.given + (p.given.empty() || p.surname.empty() ? "" : " ") + p.surname);
  } else {
    p.name = value_inlines(v);
  }
  p.name_text = std::string(trim(stringify(p.name)));
  return p;
}
}  // namespace

std::vector<Person> meta_authors(const Meta& meta, const std::string& key) {
  std::vector<Person> out;
  auto v = meta_get(meta, key);
  if (!v) return out;
  if (auto l = v->as<MetaList>()) {
    for (auto& item : l->items) {
      auto p = person_from(item);
      if (!p.name_text.empty()) out.push_back(std::move(p));
    }
  } else {
    auto p = person_from(*v);
    if (!p.name_text.empty()) out.push_back(std::move(p));
  }
  return out;
}

std::vector<std::string> meta_text_list(const Meta& meta, const std::string& key) {
  std::vector<std::string> out;
  auto v = meta_get(meta, key);
  if (!v) return out;
  if (auto l = v->as<MetaList>()) {
    for (auto& item : l->items) {
      auto s = std::string(trim(stringify(item)));
      if (!s.empty()) out.push_back(s);
    }
  } else {
    auto s = std::string(trim(stringify(*v)));
    if (!s.empty()) out.push_back(s);
  }
  return out;
}

std::string DateParts::iso_date() const {
  char buf[32];
  if (month && day) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  else if (month) std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else std::snprintf(buf, sizeof buf, "%04d", year);
  return buf;
}

std::optional<DateParts> parse_iso_date(const std::string& raw) {
  std::string s(trim(raw));
  auto digits = [&](std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
  };
  DateParts d;
  if (!digits(0, 4, d.year)) return std::nullopt;
  std::size_t pos = 4;
  if (pos < s.size() && s[pos] == '-') {
    if (!digits(pos + 1, 2, d.month) || d.month < 1 || d.month > 12) return std::nullopt;
    pos += 3;
    if (pos < s.size() && s[pos] == '-') {
      if (!digits(pos + 1, 2, d.day) || d.day < 1 || d.day > 31) return std::nullopt;
      pos += 3;
    }
  }
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ')) {
    int h = 0, m = 0, sec = 0;
    if (!digits(pos + 1, 2, h) || pos + 3 >= s.size() || s[pos + 3] != ':' || !digits(pos + 4, 2, m)) return std::nullopt;
    d.time = s.substr(pos + 1, 5);
    pos += 6;
    if (pos < s.size() && s[pos] == ':' && digits(pos + 1, 2, sec)) {
      d.time = s.substr(pos - 5, 8);
      pos += 3;
      if (pos < s.size() && s[pos] == '.') { ++pos; while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos; }
    }
    (void)h;
  }
  if (pos < s.size()) {
    if (s[pos] == 'Z') { d.zone = "Z"; ++pos; }
    else if (s[pos] == '+' || s[pos] == '-') { d.zone = s.substr(pos); pos = s.size(); }
  }
  if (pos != s.size()) return std::nullopt;
  return d;
}

}  // namespace galley
