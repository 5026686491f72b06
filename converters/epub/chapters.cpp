// Splitting the body into XHTML content documents at WriterOptions::split_level,
// making ids unique valid NCNames across the publication, and rewriting links:
// internal "#id" links point to the file that holds the id; links the package
// cannot resolve (relative files, missing ids) keep their text and lose the link.
#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

#include "epub/internal.hpp"
#include "galley/detail/xml.hpp"
#include "galley/raw_html.hpp"
#include "galley/text.hpp"
#include "galley/walk.hpp"

namespace galley::epub {

std::string esc(const std::string& s) { return detail::escape(s); }
std::string esc_attr(const std::string& s) { return detail::escape(s, true); }

namespace {

struct IdPass {
  IdentifierSet used;  // every id of the publication (core: one de-duplication for all writers)
  std::map<std::string, std::string> renamed;   // original id -> id in the output
  std::map<std::string, std::string> file_of;   // output id -> file
  std::string file;
  int rewritten = 0;

  std::string unique(const std::string& base) { return used.unique(base); }
  int cleaned = 0;
  // Attributes from web pages that EPUB forbids or that make no sense in a book:
  // the CSS properties direction/unicode-bidi (dir= carries the direction),
  // position: fixed, tabindex, contenteditable, spellcheck, event handlers.
  void clean(Attr& a) {
    auto& kv = a.attributes;
    std::string dir;
    for (auto it = kv.begin(); it != kv.end();) {
      std::string key = it->first;
      for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (key == "tabindex" || key == "contenteditable" || key == "spellcheck" || key.rfind("on", 0) == 0) {
        it = kv.erase(it);
        ++cleaned;
        continue;
      }
      if (key == "style") {
        std::string kept, decl;
        std::string& style = it->second;
        std::size_t start = 0;
        while (start <= style.size()) {
          std::size_t end = style.find(';', start);
          if (end == std::string::npos) end = style.size();
          decl = std::string(trim(std::string_view(style).substr(start, end - start)));
          start = end + 1;
          if (decl.empty()) continue;
          auto colon = decl.find(':');
          std::string prop = std::string(trim(std::string_view(decl).substr(0, colon == std::string::npos ? decl.size() : colon)));
          std::string value = colon == std::string::npos ? "" : std::string(trim(std::string_view(decl).substr(colon + 1)));
          for (auto& c : prop) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          if (prop == "direction") {
            if (value == "rtl" || value == "ltr") dir = value;
            ++cleaned;
            continue;
          }
          if (prop == "unicode-bidi" || (prop == "position" && value.find("fixed") != std::string::npos)) {
            ++cleaned;
            continue;
          }
          kept += (kept.empty() ? "" : "; ") + decl;
        }
        if (kept.empty()) {
          it = kv.erase(it);
          continue;
        }
        style = kept;
      }
      ++it;
    }
    if (!dir.empty() && !a.get("dir")) kv.emplace_back("dir", dir);
  }
  void fix(Attr& a) {
    clean(a);
    if (a.id.empty()) return;
    std::string orig = a.id;
    std::string id = unique(detail::xml_id(orig));
    if (id != orig) ++rewritten;
    renamed.emplace(orig, id);
    file_of[id] = file;
    a.id = id;
  }
  void fix_rows(std::vector<Row>& rows) {
    for (auto& r : rows) {
      fix(r.attr);
      for (auto& c : r.cells) fix(c.attr);
    }
  }
  void run(Blocks& blocks) {
    walk_blocks(blocks, [&](Block& b) {
      if (auto* h = b.as<Header>()) {
        if (h->attr.id.empty()) {
          clean(h->attr);
          std::string id = unique(detail::xml_id(make_identifier(stringify(h->content))));
          h->attr.id = id;
          file_of[id] = file;
        } else {
          fix(h->attr);
        }
      } else if (auto* c = b.as<CodeBlock>()) fix(c->attr);
      else if (auto* d = b.as<Div>()) fix(d->attr);
      else if (auto* f = b.as<Figure>()) fix(f->attr);
      else if (auto* t = b.as<Table>()) {
        fix(t->attr);
        fix(t->head.attr);
        fix_rows(t->head.rows);
        for (auto& body : t->bodies) {
          fix(body.attr);
          fix_rows(body.head);
          fix_rows(body.body);
        }
        fix(t->foot.attr);
        fix_rows(t->foot.rows);
      }
    });
    walk_inlines(blocks, [&](Inline& in) {
      if (auto* s = in.as<Span>()) fix(s->attr);
      else if (auto* l = in.as<Link>()) fix(l->attr);
      else if (auto* i = in.as<Image>()) fix(i->attr);
      else if (auto* c = in.as<Code>()) fix(c->attr);
    });
  }
};

bool has_scheme(const std::string& url) {
  if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return false;
  for (std::size_t i = 1; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

// Schemes reading systems (and EPUBCheck's registry) know; others (about:,
// javascript:, chrome:, app-specific ones) lose the link and keep the text.
bool allowed_scheme(const std::string& url) {
  std::string scheme = url.substr(0, url.find(':'));
  for (auto& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::set<std::string> ok = {"http", "https", "mailto", "ftp", "tel", "urn", "news",
                                           "geo",  "sip",   "xmpp",   "irc", "sms", "nntp"};
  return ok.count(scheme) > 0;
}

std::string encode_url(const std::string& url) {
  std::string out;
  for (char c : url) {
    if (c == ' ') out += "%20";
    else if (c == '"') out += "%22";
    else if (c == '<') out += "%3C";
    else if (c == '>') out += "%3E";
    else if (c == '\\') out += "%5C";
    else if (c == '^') out += "%5E";
    else if (c == '`') out += "%60";
    else if (c == '{') out += "%7B";
    else if (c == '|') out += "%7C";
    else if (c == '}') out += "%7D";
    else out += c;
  }
  return out;
}

// Rewrite the links of one file's blocks. Links that cannot work inside the
// package are collected in `missing` / `relative` (reported once per book).
void rewrite_links(Blocks& blocks, const std::string& file, const IdPass& ids, Book& book,
                   std::vector<std::string>& missing, std::vector<std::string>& relative,
                   std::vector<std::string>& unusable) {
  walk_inlines(blocks, [&](Inline& in) {
    auto* l = in.as<Link>();
    if (!l) return;
    std::string& url = l->target.url;
    if (!url.empty() && url[0] == '#') {
      std::string id = url.substr(1);
      if (auto r = ids.renamed.find(id); r != ids.renamed.end()) id = r->second;
      auto f = ids.file_of.find(id);
      if (f != ids.file_of.end()) {
        url = f->second == file ? "#" + id : f->second + "#" + id;
        return;
      }
      missing.push_back(url);
    } else if (has_scheme(url)) {
      if (allowed_scheme(url)) {
        url = encode_url(url);
        return;
      }
      unusable.push_back(url);
    } else {
      relative.push_back(url.empty() ? std::string("(empty)") : url);
    }
    ++book.dropped_links;
    Span span;
    span.attr = l->attr;
    span.content = std::move(l->content);
    in = std::move(span);
  });
}

std::string examples(const std::vector<std::string>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size() && i < 3; ++i) s += (i ? ", \"" : "\"") + v[i] + "\"";
  if (v.size() > 3) s += ", ...";
  return s;
}

}  // namespace

void split_chapters(Document& doc, Blocks& front, Book& book, const WriterOptions& opts, Diagnostics& diag) {
  const int split = std::max(1, opts.split_level);
  // 1. split at headers of level <= split (top-level blocks only)
  for (auto& b : doc.blocks) {
    auto* h = b.as<Header>();
    bool starts = h && h->level <= split;
    if (book.chapters.empty() || (starts && !book.chapters.back().blocks.empty())) book.chapters.emplace_back();
    auto& ch = book.chapters.back();
    if (ch.blocks.empty() && h) ch.starts_with_header = true;
    ch.blocks.push_back(std::move(b));
  }
  doc.blocks.clear();
  char buf[32];
  for (std::size_t i = 0; i < book.chapters.size(); ++i) {
    std::snprintf(buf, sizeof buf, "ch%03zu.xhtml", i + 1);
    book.chapters[i].file = buf;
  }

  // 2. ids, unique across the publication (our own ids reserved)
  IdPass ids;
  for (const char* r : {"toc", "toc-title", "landmarks", "landmarks-title", "titlepage", "title", "cover"})
    ids.used.insert(r);
  ids.file = "title_page.xhtml";
  ids.run(front);
  for (auto& ch : book.chapters) {
    ids.file = ch.file;
    ids.run(ch.blocks);
  }
  if (ids.rewritten > 0)
    diag.warn("rewritten-id", "epub: " + std::to_string(ids.rewritten) +
                                  " identifier(s) changed to be unique, valid XML names");

  // 3. links
  std::vector<std::string> missing, relative, unusable;
  rewrite_links(front, "title_page.xhtml", ids, book, missing, relative, unusable);
  for (auto& ch : book.chapters) rewrite_links(ch.blocks, ch.file, ids, book, missing, relative, unusable);
  if (!unusable.empty())
    diag.warn("lost-content", "epub: " + std::to_string(unusable.size()) +
                                  " link(s) with a scheme e-readers do not support kept as text: " + examples(unusable));
  if (ids.cleaned > 0)
    diag.warn("lost-content", "epub: " + std::to_string(ids.cleaned) +
                                  " attribute(s)/style declaration(s) EPUB does not allow removed");
  if (!missing.empty())
    diag.warn("broken-link", "epub: " + std::to_string(missing.size()) +
                                 " link(s) to ids that do not exist kept as text: " + examples(missing));
  if (!relative.empty())
    diag.warn("lost-content", "epub: " + std::to_string(relative.size()) +
                                  " relative link(s) cannot point into the package, kept as text: " +
                                  examples(relative));

  // 4. table of contents and facts for the accessibility metadata
  int depth = 3;
  try {
    depth = std::stoi(opts.variable("toc-depth", "3"));
  } catch (...) {
  }
  book.toc.push_back({1, book.title, "title_page.xhtml"});
  for (auto& ch : book.chapters) {
    for (auto& b : ch.blocks) {
      if (auto* h = b.as<Header>()) {
        book.has_headers = true;
        if (ch.title.empty()) ch.title = stringify(h->content);
        if (h->level <= depth) {
          std::string text = stringify(h->content);
          if (trim(text).empty()) continue;
          book.toc.push_back({h->level, text, ch.file + "#" + h->attr.id});
        }
      }
    }
    if (ch.title.empty()) ch.title = book.title;
  }
  auto facts = [&](const Blocks& blocks) {
    query_blocks(blocks, [&](const Block& b) {
      if (b.is<Table>()) book.has_tables = true;
      if (auto* r = b.as<RawBlock>(); r && (r->format == "html" || r->format == "html5" || r->format == "xhtml"))
        book.has_raw = true;
    });
    query_inlines(blocks, [&](const Inline& in) {
      if (in.is<Note>()) book.has_notes = true;
      if (auto* r = in.as<RawInline>(); r && (r->format == "html" || r->format == "html5" || r->format == "xhtml"))
        book.has_raw = true;
    });
  };
  facts(front);
  for (auto& ch : book.chapters) facts(ch.blocks);
}

std::string xhtml_page(const Book& book, const std::string& title, const std::string& body,
                       const std::string& body_type) {
  std::string o;
  o += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n";
  o += "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"" +
       esc_attr(book.lang) + "\" xml:lang=\"" + esc_attr(book.lang) + "\"";
  if (!book.dir.empty()) o += " dir=\"" + book.dir + "\"";
  o += ">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>" + esc(title) + "</title>\n";
  for (auto& s : book.styles) o += "<link rel=\"stylesheet\" type=\"text/css\" href=\"" + esc_attr(s.href) + "\"/>\n";
  o += "</head>\n<body";
  if (!body_type.empty()) o += " epub:type=\"" + body_type + "\"";
  o += ">\n" + body + "</body>\n</html>\n";
  return o;
}

std::string chapter_xhtml(const Book& book, const Chapter& ch, detail::HtmlRenderer& r, Diagnostics& diag) {
  std::string body;
  if (ch.starts_with_header) {
    const auto* h = ch.blocks.front().as<Header>();
    body += "<section epub:type=\"chapter\" role=\"doc-chapter\" aria-labelledby=\"" + esc_attr(h->attr.id) + "\">\n";
  } else {
    body += "<section class=\"body\">\n";
  }
  body += r.blocks(ch.blocks);
  body += "</section>\n";
  body += r.take_notes();
  return xhtml_page(book, ch.title, dedupe_ids(body, diag), "bodymatter");
}

std::string content_properties(const std::string& xhtml) {
  std::string p;
  auto add = [&](const char* prop) {
    if (!p.empty()) p += ' ';
    p += prop;
  };
  if (xhtml.find("<math") != std::string::npos) add("mathml");
  // raw HTML passed through by the renderer may hold scripts or forms
  if (xhtml.find("<script") != std::string::npos || xhtml.find("<form") != std::string::npos) add("scripted");
  if (xhtml.find("<svg") != std::string::npos) add("svg");
  return p;
}

std::string dedupe_ids(const std::string& xhtml, Diagnostics& diag) {
  // Ids repeat within a page only through raw HTML; pages may share ids (links name the page).
  IdentifierSet ids;
  std::size_t renamed = 0;
  std::string out = rename_repeated_ids(xhtml, ids, &renamed);
  if (renamed > 0)
    diag.warn("rewritten-id", "epub: " + std::to_string(renamed) + " repeated id(s) in raw HTML renamed");
  return out;
}

}  // namespace galley::epub
