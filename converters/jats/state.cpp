// State helpers: element output, raw pass-through, ids.
#include <string>

#include "galley/detail/xml.hpp"
#include "galley/text.hpp"
#include "galley/walk.hpp"
#include "jats/state.hpp"

namespace galley::jats {

void State::start_tag(El e, std::initializer_list<Attribute> attrs) {
  out += '<';
  out += element_name(e);
  for (const Attribute& a : attrs) {
    if (a.value.empty()) continue;  // an empty value means "no attribute" to every caller
    out += ' ';
    out += a.name;
    out += "=\"";
    detail::append_escaped(out, a.value, true, &removed_chars);
    out += '"';
    if (a.name == "id") emitted_ids.insert(std::string(a.value));
  }
}

void State::open(El e, std::initializer_list<Attribute> attrs, bool newline) {
  start_tag(e, attrs);
  out += '>';
  if (newline) out += '\n';
  if (!kids.empty()) ++kids.back();
  stack.push_back(e);
  kids.push_back(0);
}

void State::close(bool newline) {
  out += "</";
  out += element_name(stack.back());
  out += '>';
  if (newline) out += '\n';
  stack.pop_back();
  kids.pop_back();
}

void State::empty(El e, std::initializer_list<Attribute> attrs) {
  start_tag(e, attrs);
  out += " />";
  if (!kids.empty()) ++kids.back();
}

void State::text(std::string_view s) { detail::append_escaped(out, s, false, &removed_chars); }

void State::raw(std::string_view s) {
  // Raw JATS is the author's markup: not escaped, but characters XML 1.0
  // forbids (C0 controls, U+FFFE/U+FFFF, bad UTF-8) still never reach the output.
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ++removed_chars;
      else out += static_cast<char>(c);
      ++i;
      continue;
    }
    std::size_t j = i;
    char32_t cp = next_codepoint(s, j);
    bool bad = (cp == 0xFFFD && !(j - i == 3 && c == 0xEF)) || cp == 0xFFFE || cp == 0xFFFF;
    if (bad) ++removed_chars;
    else out.append(s.substr(i, j - i));
    i = j;
  }
}

const std::string* State::id_for(const Attr& a) const {
  auto it = attr_ids.find(&a);
  return it == attr_ids.end() ? nullptr : &it->second;
}

std::string State::fresh_id(std::string_view base) {
  std::string id = detail::xml_id(base);
  if (used_ids.insert(id).second) return id;
  int& n = next_suffix[id];  // remembers where the search stopped: no quadratic rescans
  for (;;) {
    std::string c = id + "-" + std::to_string(++n);
    if (used_ids.insert(c).second) return c;
  }
}

void State::warn_once(const std::string& kind, const std::string& message) {
  if (warned.insert(kind + '\0' + message).second) pending.push_back({kind, message});
}

namespace {

void add_id(State& st, const Attr& a, std::size_t& rewritten) {
  if (a.id.empty() || st.attr_ids.count(&a)) return;
  std::string id = st.fresh_id(a.id);
  if (id != a.id) ++rewritten;
  st.attr_ids.emplace(&a, id);
  st.source_ids.emplace(a.id, id);
}

}  // namespace

// Ids of the elements that carry one in JATS: sec (Header), boxed-text (Div),
// fig (Figure), table-wrap (Table), preformat/code (CodeBlock), named-content (Span).
// Body first so that body ids keep their spelling when metadata repeats one.
void assign_ids(State& st, const Document& doc) {
  std::size_t rewritten = 0;
  auto on_block = [&](const Block& b) {
    if (auto h = b.as<Header>()) add_id(st, h->attr, rewritten);
    else if (auto d = b.as<Div>()) add_id(st, d->attr, rewritten);
    else if (auto f = b.as<Figure>()) add_id(st, f->attr, rewritten);
    else if (auto t = b.as<Table>()) add_id(st, t->attr, rewritten);
    else if (auto c = b.as<CodeBlock>()) add_id(st, c->attr, rewritten);
  };
  auto on_inline = [&](const Inline& x) {
    if (auto s = x.as<Span>()) add_id(st, s->attr, rewritten);
  };
  query_blocks(doc.blocks, on_block);
  query_inlines(doc.blocks, on_inline);
  query_blocks(doc, on_block);   // metadata (abstract); body ids are already taken
  query_inlines(doc, on_inline);
  if (rewritten)
    st.diag.warn("rewritten-id", std::to_string(rewritten) +
                                     " identifier(s) rewritten to be valid and unique XML ids in JATS output");
  for (auto& [attr, id] : st.attr_ids) st.valid_targets.insert(id);
}

}  // namespace galley::jats
