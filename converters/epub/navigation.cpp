// The EPUB 3 navigation document (toc + landmarks) and the EPUB 2 NCX, both
// built from Book::toc, plus the few interface labels in the book's language.
#include <algorithm>
#include <cctype>

#include "epub/internal.hpp"
#include "galley/locale.hpp"

namespace galley::epub {

std::string label(const std::string& lang, const std::string& key) {
  if (key == "contents") return galley::label(Label::Contents, lang);
  if (key == "landmarks") return galley::label(Label::Landmarks, lang);
  if (key == "title-page") return galley::label(Label::TitlePage, lang);
  if (key == "cover") return galley::label(Label::Cover, lang);
  return galley::label(Label::StartOfContent, lang);
}

namespace {
// The lang attribute for interface labels: the book's language when we have
// labels for it, else English.
std::string label_lang(const std::string& lang) { return has_labels(lang) ? std::string() : std::string("en"); }
std::string lang_attr(const std::string& lang) {
  auto l = label_lang(lang);
  return l.empty() ? std::string() : " lang=\"" + l + "\" xml:lang=\"" + l + "\"";
}
struct Node {
  const TocEntry* entry = nullptr;
  std::vector<Node> children;
};
Node build_tree(const std::vector<TocEntry>& toc) {
  Node root;
  std::vector<Node*> stack;  // path of open nodes
  for (auto& e : toc) {
    while (!stack.empty() && stack.back()->entry->level >= e.level) stack.pop_back();
    Node& parent = stack.empty() ? root : *stack.back();
    parent.children.push_back(Node{&e, {}});
    stack.push_back(&parent.children.back());
  }
  return root;
}
template <class F>
std::string render_tree(const Node& n, F item, const char* open, const char* close, const char* li_open,
                        const char* li_close) {
  std::string o = open;
  for (auto& c : n.children) {
    o += li_open;
    o += item(*c.entry);
    if (!c.children.empty()) {
      o += "\n";
      o += render_tree(c, item, open, close, li_open, li_close);
    }
    o += li_close;
  }
  return o + close;
}
int tree_depth(const Node& n) {
  int d = 0;
  for (auto& c : n.children) d = std::max(d, 1 + tree_depth(c));
  return d;
}
void ncx_points(const Node& n, std::string& out, int& order) {
  for (auto& c : n.children) {
    ++order;
    out += "<navPoint id=\"navPoint-" + std::to_string(order) + "\" playOrder=\"" + std::to_string(order) +
           "\">\n<navLabel><text>" + esc(c.entry->label) + "</text></navLabel>\n<content src=\"" +
           esc_attr(c.entry->href) + "\"/>\n";
    ncx_points(c, out, order);
    out += "</navPoint>\n";
  }
}
}  // namespace

std::string nav_xhtml(const Book& book) {
  std::string b;
  const std::string la = lang_attr(book.lang);
  b += "<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\" aria-labelledby=\"toc-title\">\n";
  b += "<h1 id=\"toc-title\"" + la + ">" + esc(label(book.lang, "contents")) + "</h1>\n";
  // Nested ordered lists built from the levels (a deeper entry nests in the one before).
  b += render_tree(build_tree(book.toc), [](const TocEntry& e) {
    return "<a href=\"" + esc_attr(e.href) + "\">" + esc(e.label) + "</a>";
  }, "<ol>\n", "</ol>\n", "<li>", "</li>\n");
  b += "</nav>\n";


  b += "<nav epub:type=\"landmarks\" id=\"landmarks\" aria-labelledby=\"landmarks-title\" hidden=\"hidden\">\n";
  b += "<h2 id=\"landmarks-title\"" + la + ">" + esc(label(book.lang, "landmarks")) + "</h2>\n<ol>\n";
  auto lm = [&](const std::string& type, const std::string& href, const std::string& key) {
    b += "<li><a epub:type=\"" + type + "\" href=\"" + href + "\"" + la + ">" + esc(label(book.lang, key)) +
         "</a></li>\n";
  };
  if (book.cover) lm("cover", "cover.xhtml", "cover");
  lm("titlepage", "title_page.xhtml", "title-page");
  lm("toc", "nav.xhtml#toc", "contents");
  if (!book.chapters.empty()) lm("bodymatter", book.chapters.front().file, "start");
  b += "</ol>\n</nav>\n";
  return xhtml_page(book, label(book.lang, "contents"), b);
}

std::string toc_ncx(const Book& book) {
  std::string o;
  o += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  o += "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"" + esc_attr(book.lang) +
       "\">\n";
  const Node tree = build_tree(book.toc);
  const int depth = std::max(1, tree_depth(tree));
  std::string points;
  int order = 0;
  ncx_points(tree, points, order);
  o += "  <head>\n";
  o += "    <meta name=\"dtb:uid\" content=\"" + esc_attr(book.identifier) + "\"/>\n";
  o += "    <meta name=\"dtb:depth\" content=\"" + std::to_string(depth) + "\"/>\n";
  o += "    <meta name=\"dtb:totalPageCount\" content=\"0\"/>\n";
  o += "    <meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n";
  o += "  </head>\n";
  o += "  <docTitle><text>" + esc(book.title) + "</text></docTitle>\n";
  o += "  <navMap>\n" + points + "  </navMap>\n</ncx>\n";
  return o;
}

}  // namespace galley::epub
