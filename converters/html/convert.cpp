// DOM -> pandoc AST, following pandoc's HTML reader where it has an answer
// (see tests/conformance/html_pandoc_differences.md for where galley differs).
// The helpers shared by the converter's parts and the reader's entry points;
// the Converter class itself is in converter.hpp.
#include "html/converter.hpp"

namespace galley::html {

namespace conv {

bool ascii_only(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}


void set_flag(xmlNode* n, std::uintptr_t f) {
  n->_private = reinterpret_cast<void*>(reinterpret_cast<std::uintptr_t>(n->_private) | f);
}

// One pass: mark elements that contain block-level elements.
void mark_blocks(xmlNode* root) {
  xmlNode* cur = root->children;
  if (!cur) return;
  while (cur) {
    if (cur->type == XML_ELEMENT_NODE) cur->_private = nullptr;
    if (cur->type == XML_ELEMENT_NODE && cur->children) {
      cur = cur->children;
      continue;
    }
    // leaving cur (a leaf); propagate up while leaving parents
    while (true) {
      if (cur->type == XML_ELEMENT_NODE && cur->parent && cur->parent != root &&
          (is_block_tag(name(cur)) || flag(cur, kHasBlock)))
        set_flag(cur->parent, kHasBlock);
      if (cur->next) {
        cur = cur->next;
        break;
      }
      cur = cur->parent;
      if (!cur || cur == root) return;
    }
  }
}

// Every attribute kept in the AST passes safe_attribute (galley/safety.hpp)
// under the key it will have there (data-x as x): event handlers, script and
// navigation hooks and refused URLs are dropped, style is reduced.
// Keys in `skip` (read by the caller itself) are left out.
Attr attributes_of(const xmlNode* n, Dropped& dropped, std::initializer_list<std::string_view> skip) {
  Attr a;
  std::string_view el = name(n);
  for (const xmlAttr* p = n->properties; p; p = p->next) {
    std::string k = p->name ? lower(reinterpret_cast<const char*>(p->name)) : std::string();
    if (std::find(skip.begin(), skip.end(), k) != skip.end()) continue;
    std::string_view v = (p->children && p->children->content)
                             ? std::string_view(reinterpret_cast<const char*>(p->children->content))
                             : std::string_view();
    if (k == "id") {
      a.id = std::string(v);
    } else if (k == "class") {
      std::size_t i = 0;
      while (i < v.size()) {
        while (i < v.size() && is_space(v[i])) ++i;
        std::size_t j = i;
        while (j < v.size() && !is_space(v[j])) ++j;
        if (j > i) a.classes.emplace_back(v.substr(i, j - i));
        i = j;
      }
    } else {
      if (k.rfind("data-", 0) == 0) k.erase(0, 5);
      std::string& key = k;
      auto keep = reader_attribute(el, key, v);
      if (!keep) {
        ++dropped.attributes;
        continue;
      }
      if (key == "style" && *keep != v) ++dropped.attributes;
      a.attributes.emplace_back(std::move(key), std::move(*keep));
    }
  }
  return a;
}

Alignment align_of(const xmlNode* n) {
  std::string a = lower(attr_or(n, "align"));
  std::string style = lower(attr_or(n, "style"));
  auto ta = style.find("text-align");
  if (a.empty() && ta != std::string::npos) {
    auto colon = style.find(':', ta);
    if (colon != std::string::npos) {
      std::size_t i = colon + 1;
      while (i < style.size() && is_space(style[i])) ++i;
      std::size_t j = i;
      while (j < style.size() && std::isalpha(static_cast<unsigned char>(style[j]))) ++j;
      a = style.substr(i, j - i);
    }
  }
  if (a == "left") return Alignment::AlignLeft;
  if (a == "right") return Alignment::AlignRight;
  if (a == "center") return Alignment::AlignCenter;
  return Alignment::AlignDefault;
}

bool is_placeholder_src(std::string_view src) {
  if (src.empty()) return true;
  if (src.rfind("data:", 0) == 0) return src.size() < 200;  // 1x1 gifs and svg placeholders
  return contains_word_ci(src, "placeholder") || contains_word_ci(src, "blank.gif") ||
         contains_word_ci(src, "spacer.gif") || (contains_word_ci(src, "lazy") && contains_word_ci(src, ".svg"));
}


Blocks Converter::blocks(xmlNode* parent, int depth, bool loose_as_para) {
  Blocks out;
  Run run;
  block_children(parent, out, run, depth, loose_as_para);
  flush(out, run, loose_as_para);
  return out;
}

void Converter::finish(Blocks& out) {
  (void)out;
  dropped_.report(diag_);
  if (deep_warned_) diag_.warn("deep-nesting", "HTML nested deeper than " + std::to_string(limit()) +
                                                   " levels: the deeper content was flattened to text");
}

std::optional<std::string> Converter::safe_url(std::string_view u, UrlKind kind, std::size_t& count) {
  auto ok = reader_url(u, kind);
  if (ok && kind == UrlKind::Image && ok->starts_with("data:image/svg+xml;base64,") &&
      *ok != strip_url_controls(attribute_text(u)))
    ++dropped_.svg;
  if (ok) {
    std::string r = url(*ok);
    if (!is_dangerous_url(r)) return r;  // (a --source-url could be anything)
  }
  dropped_.url(count, u);
  return std::nullopt;
}

}  // namespace conv

Inlines words(std::string_view s) {
  conv::Run r;
  r.text(s);
  return r.take_trimmed();
}


Blocks convert_blocks(xmlNode* root, const ConvertOptions& options, Diagnostics& diag) {
  conv::Converter c(options, diag);
  c.prepare(root);
  Blocks b = c.blocks(root, 0, true);
  c.finish(b);
  return b;
}

Inlines convert_inlines(xmlNode* root, const ConvertOptions& options, Diagnostics& diag) {
  conv::Converter c(options, diag);
  c.prepare(root);
  return c.inlines(root, 0);
}

}  // namespace galley::html
