// $...$ and $$...$$ as a cmark-gfm inline extension, so that TeX is taken out
// of the text before emphasis and escapes can touch it (a*b*c inside math is
// not emphasis). pandoc's tex_math_dollars rules: the opening $ is followed by
// a non-space, the closing $ follows a non-space and is not followed by a digit;
// $$ opens display math, closed by the next $$. The first dollar after the
// opening one decides: when it cannot close, there is no math.
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <cmark-gfm/chunk.h>

#include <cstdint>

#include "markdown/reader_detail.hpp"

namespace galley::markdown {

namespace {

cmark_node_type math_node_type() {
  static const cmark_node_type type = cmark_syntax_extension_add_node(1);  // a process-wide counter: once
  return type;
}

bool space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

cmark_node* match(cmark_syntax_extension* ext, cmark_parser* parser, cmark_node* parent, unsigned char ch,
                  cmark_inline_parser* ip) {
  (void)parser;
  if (ch != '$') return nullptr;
  auto* store = static_cast<MathStore*>(cmark_syntax_extension_get_private(ext));
  cmark_chunk* chunk = cmark_inline_parser_get_chunk(ip);
  const unsigned char* d = chunk->data;
  const int n = chunk->len;
  const int start = cmark_inline_parser_get_offset(ip);
  // A $ right after a backslash was escaped; cmark hands escapes over before us,
  // so a '$' here is never escaped.
  bool display = start + 1 < n && d[start + 1] == '$';
  int i = start + (display ? 2 : 1);
  if (i >= n) return nullptr;
  if (!display && space(d[i])) return nullptr;
  int end = -1;
  for (int j = i; j < n; ++j) {
    if (d[j] == '\\' && j + 1 < n) { ++j; continue; }
    if (d[j] != '$') continue;
    if (display) {
      if (j + 1 < n && d[j + 1] == '$') { end = j; break; }
      continue;
    }
    // the first dollar decides, as in pandoc: "$5 and $6" is no math
    if (space(d[j - 1])) break;
    if (j + 1 < n && d[j + 1] >= '0' && d[j + 1] <= '9') break;
    end = j;
    break;
  }
  if (end < 0 || end == i) return nullptr;
  std::string tex(reinterpret_cast<const char*>(d + i), static_cast<std::size_t>(end - i));
  if (display) {
    // trim like pandoc: display math keeps inner text but not surrounding spaces
    while (!tex.empty() && space(static_cast<unsigned char>(tex.front()))) tex.erase(tex.begin());
    while (!tex.empty() && space(static_cast<unsigned char>(tex.back()))) tex.pop_back();
  }
  store->formulas.push_back(std::move(tex));
  store->display.push_back(display);
  (void)parent;
  cmark_node* node = cmark_node_new_with_mem_and_ext(math_node_type(), cmark_get_default_mem_allocator(), ext);
  cmark_node_set_user_data(node, reinterpret_cast<void*>(static_cast<std::uintptr_t>(store->formulas.size())));
  cmark_inline_parser_set_offset(ip, end + (display ? 2 : 1));
  return node;
}

const char* type_string(cmark_syntax_extension*, cmark_node*) { return "galley_math"; }

}  // namespace

bool is_math_node(cmark_node* n) { return cmark_node_get_type(n) == math_node_type(); }

cmark_syntax_extension* make_math_extension(MathStore* store) {
  cmark_syntax_extension* ext = cmark_syntax_extension_new("galley_math");
  math_node_type();
  cmark_syntax_extension_set_match_inline_func(ext, match);
  cmark_syntax_extension_set_get_type_string_func(ext, type_string);
  cmark_syntax_extension_set_private(ext, store, nullptr);
  cmark_mem* mem = cmark_get_default_mem_allocator();
  cmark_llist* chars = cmark_llist_append(mem, nullptr, reinterpret_cast<void*>(static_cast<std::uintptr_t>('$')));
  cmark_syntax_extension_set_special_inline_chars(ext, chars);
  return ext;
}

}  // namespace galley::markdown
