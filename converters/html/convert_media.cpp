// The html reader's DOM -> AST converter (converter.hpp). Figures, images, audio/video (MathML, SVG: convert_foreign.cpp).
#include "html/converter.hpp"

namespace galley::html::conv {

void Converter::figure(xmlNode* n, Blocks& out, int d) {
  Figure f;
  f.attr = attr_of(n);
  Blocks content;
  Run run;
  for (xmlNode* c = n->children; c; c = c->next) {
    if (is(c, "figcaption")) {
      Blocks cap = blocks(c, d + 1, false);
      for (auto& b : cap) f.caption.long_caption.push_back(std::move(b));
    } else {
      block_node(c, content, run, d + 1, false);
    }
  }
  flush(content, run, false);
  f.content = std::move(content);
  if (f.content.empty() && f.caption.long_caption.empty()) return;
  out.push_back(std::move(f));
}

void Converter::media(xmlNode* n, Blocks& out) {
  if (in_note_ < 0) return;
  sanitize_subtree(n, dropped_);
  xmlBufferPtr buf = xmlBufferCreate();
  htmlNodeDump(buf, n->doc, n);
  std::string raw(reinterpret_cast<const char*>(xmlBufferContent(buf)), static_cast<std::size_t>(xmlBufferLength(buf)));
  xmlBufferFree(buf);
  out.push_back(RawBlock{"html", std::move(raw)});
  if (!media_warned_) {
    media_warned_ = true;
    diag_.warn("raw-media", std::string("<") + std::string(name(n)) +
                                "> kept as raw HTML (not fetched); formats without raw HTML drop it");
  }
}

std::optional<Image> Converter::image(xmlNode* img, Inlines* fallback) {
  std::string src(attr_or(img, "src"));
  std::string lazy;
  for (const char* k : {"data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src",
                        "data-lazy", "data-echo", "data-img-src", "data-full-src"}) {
    auto v = attr(img, k);
    if (v && !clean_text(*v).empty()) {
      lazy = clean_text(*v);
      break;
    }
  }
  if (lazy.empty()) {
    for (const char* k : {"data-srcset", "data-lazy-srcset", "srcset"}) {
      auto v = attr(img, k);
      if (v && !v->empty()) {
        lazy = best_srcset(*v);
        if (!lazy.empty() && std::string_view(k) == "srcset" && !is_placeholder_src(src)) lazy.clear();
        if (!lazy.empty()) break;
      }
    }
  }
  if (is_placeholder_src(src) && !lazy.empty()) src = lazy;
  // <picture><source srcset><img></picture> (libxml2 2.9 nests the <img> inside <source>).
  xmlNode* picture = nullptr;
  for (xmlNode* p = img->parent; p && !picture && p->type == XML_ELEMENT_NODE; p = p->parent) {
    if (is(p, "picture")) picture = p;
    else if (!is(p, "source")) break;
  }
  if ((src.empty() || is_placeholder_src(src)) && picture) {
    for (xmlNode* s = picture; s; s = find_first(s, "source")) {
      if (!is(s, "source")) continue;
      std::string b = best_srcset(attr_or(s, "srcset", attr_or(s, "data-srcset")));
      if (!b.empty()) {
        src = b;
        break;
      }
    }
  }
  if (src.empty() || is_placeholder_src(src)) return std::nullopt;
  auto target = safe_url(src, UrlKind::Image, dropped_.images);
  if (!target) {
    if (fallback) *fallback = words(attr_or(img, "alt"));
    return std::nullopt;
  }
  Image im;
  Attr a = attr_of(img, {"src", "srcset", "data-src", "data-srcset", "data-lazy-src", "data-lazy-srcset", "style"});
  std::erase_if(a.attributes, [](auto& kv) {
    static const char* drop[] = {"src", "alt", "title", "srcset", "sizes", "loading", "decoding", "style",
                                 "src",  "lazy-src", "original", "lazy", "lazy-srcset", "srcset", "url",
                                 "hi-res-src", "echo", "img-src", "full-src", "fetchpriority"};
    for (auto* x : drop)
      if (kv.first == x) return true;
    return false;
  });
  im.attr = std::move(a);
  im.content = words(attr_or(img, "alt"));
  im.target.url = std::move(*target);
  im.target.title = std::string(attr_or(img, "title"));
  return im;
}

}  // namespace galley::html::conv
