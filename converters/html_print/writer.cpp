// html_print: one self-contained HTML5 file for CSS paged media (WeasyPrint,
// Chromium's print-to-PDF) that also reads well on screen.
//
// Always standalone (a full document with <head> and the stylesheet inline):
// the format exists to be printed, and a fragment cannot carry @page rules.
// Local images are embedded as data: URIs (variable embed-images=false keeps
// their URLs); remote images are never fetched: each becomes a link with its
// alt text, with a "resource-refused" warning.
//
// Variables: papersize (A4 | A5 | A3 | B5 | letter | legal, optional
// "landscape", or two CSS lengths), margin (1-4 CSS lengths), fontsize (a CSS
// length), columns (1-3 body columns; default 2, 1 on A5), toc-depth (1-6).
// User stylesheets (--css) are read through the resource root and inlined
// after the default stylesheet.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <initializer_list>
#include <string_view>
#include <set>
#include <string>
#include <vector>

#include "galley/provenance.hpp"
#include "galley/builder.hpp"
#include "html_render/html_render.hpp"
#include "galley/detail/xml.hpp"
#include "galley/error.hpp"
#include "galley/io.hpp"
#include "galley/locale.hpp"
#include "galley/meta.hpp"
#include "galley/raw_html.hpp"
#include "galley/text.hpp"
#include "galley/walk.hpp"
#include "html_print/html_print.hpp"
#include "html_print/print_css.hpp"

namespace galley::html_print {

namespace {

using detail::append_escaped;
using detail::escape;

std::string lower(std::string_view s) { return ascii_lower(s); }

// ---- the words the writer adds, in the document's language (galley/locale.hpp) ----
struct Labels {
  std::string contents, notes, source, licence, updated;
  std::string by;      // byline prefix, "" when the language does not use one
  std::string and_;    // between the last two authors
  std::string image;   // remote image link text when there is no alt text
};

Labels labels_for(const std::string& lang) {
  return {label(Label::Contents, lang), label(Label::Notes, lang),   label(Label::Source, lang),
          label(Label::Licence, lang),  label(Label::Updated, lang), label(Label::By, lang),
          label(Label::And, lang),      label(Label::Image, lang)};
}

std::string format_date(const DateParts& d, const std::string& lang) { return display_date(d, lang, DateStyle::Long); }
std::string datetime_attr(const DateParts& d) { return html_datetime(d); }

// ---- CSS values from variables (validated: nothing else reaches the CSS) ----
bool css_length(const std::string& s) {
  std::size_t i = 0;
  bool digits = false;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) {
    digits = digits || s[i] != '.';
    ++i;
  }
  if (!digits) return false;
  std::string unit = s.substr(i);
  static const std::set<std::string> units = {"mm", "cm", "in", "pt", "pc", "px", "q", "em", "rem", ""};
  if (unit.empty()) return std::all_of(s.begin(), s.end(), [](char c) { return c == '0' || c == '.'; });
  return units.count(lower(unit)) > 0;
}

std::vector<std::string> split_ws(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::optional<std::string> css_lengths(const std::string& s, std::size_t max) {
  auto parts = split_ws(s);
  if (parts.empty() || parts.size() > max) return std::nullopt;
  std::string out;
  for (auto& p : parts) {
    if (!css_length(p)) return std::nullopt;
    if (!out.empty()) out += ' ';
    out += p;
  }
  return out;
}

std::optional<std::string> page_size(const std::string& v) {
  static const std::map<std::string, std::string> named = {{"a3", "A3"},         {"a4", "A4"},   {"a5", "A5"},
                                                           {"a6", "A6"},         {"b4", "B4"},   {"b5", "B5"},
                                                           {"letter", "letter"}, {"legal", "legal"},
                                                           {"ledger", "ledger"}};
  auto parts = split_ws(lower(v));
  if (parts.empty()) return std::nullopt;
  std::string orient;
  if (parts.size() == 2 && (parts[1] == "landscape" || parts[1] == "portrait")) {
    orient = " " + parts[1];
    parts.pop_back();
  }
  if (parts.size() == 1) {
    auto it = named.find(parts[0]);
    if (it != named.end()) return it->second + orient;
  }
  if (orient.empty()) return css_lengths(v, 2);
  return std::nullopt;
}

// A CSS string literal from text (for margin boxes).
std::string css_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '<') {
      out += "\\3C ";
    } else if (u < 0x20 || u == 0x7F) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Shorten to about `max` bytes at a space, with an ellipsis.
std::string shorten(const std::string& s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t cut = s.rfind(' ', max);
  if (cut == std::string::npos || cut < max / 2) {
    cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  }
  return s.substr(0, cut) + "\u2026";
}

// ---- images ----
// Remote images that cannot be loaded (not in the document's archive, no
// fetching) become a link carrying the alt text.
void replace_remote_images(Blocks& blocks, const Labels& labels, const Resources& res, Diagnostics& diag) {
  walk_inlines(blocks, [&](Inline& il) {
    auto* img = il.as<Image>();
    if (!img || !is_remote_url(img->target.url) || remote_image_available(img->target.url, res)) return;
    diag.warn("resource-refused", "remote image not fetched, written as a link: " + img->target.url);
    Inlines content = img->content;
    if (content.empty()) content = {Str{labels.image}};  // the link holds the URL: no bare URL line
    Link link{Attr{"", {"image-link"}, {}}, std::move(content), Target{img->target.url, img->target.title}};
    if (link.target.title.starts_with("fig:")) link.target.title.erase(0, 4);
    il = Inline{std::move(link)};
  });
}

class ImageEmbedder {
 public:
  ImageEmbedder(const WriterOptions& o, Diagnostics& d) : opt_(o), diag_(d) {
    std::string v = lower(o.variable("embed-images", "true"));
    embed_ = !(v == "false" || v == "no" || v == "0");
  }
  std::string operator()(const std::string& url) {
    // data: URIs are decoded, sniffed and re-encoded with the type the bytes
    // really have (only images; SVG only without script); local files are
    // embedded the same way; remote ones stay links (never fetched).
    bool data = url.starts_with("data:");
    if (!data && ((is_remote_url(url) && !remote_image_available(url, opt_.resources)) || !embed_)) return url;
    auto it = cache_.find(url);
    if (it != cache_.end()) return it->second;
    std::string result;
    if (auto img = load_image(url, opt_.resources, opt_.limits, diag_))
      result = "data:" + img->media_type + ";base64," + base64_encode(img->bytes);
    if (!data) cache_.emplace(url, result);
    return result;
  }

 private:
  const WriterOptions& opt_;
  Diagnostics& diag_;
  bool embed_ = true;
  std::map<std::string, std::string> cache_;
};

// Headings that skip a level (h1 then h3) are an error for HTML checkers and
// confuse outlines: each heading is raised to at most one level below the
// one before it (the masthead title counts as level 1).
void close_heading_gaps(Blocks& blocks, int shift, bool has_title, Diagnostics& diag) {
  int prev = has_title ? 1 : 0;
  int rewritten = 0;
  walk_blocks(blocks, [&](Block& b) {
    auto* h = b.as<Header>();
    if (!h) return;
    int level = std::clamp(h->level + shift, 1, 6);
    if (level > prev + 1) {
      level = prev + 1;
      h->level = level - shift;
      ++rewritten;
    }
    prev = level;
  });
  if (rewritten)
    diag.info("rewritten-heading", std::to_string(rewritten) + " heading(s) raised so that no heading level is skipped");
}

// Raw HTML from web pages: embedded media cannot print (an iframe, video,
// audio, object or embed becomes a link to its source); scripts, styles and
// form controls are dropped; ids repeated across raw fragments are renamed.
struct RawHtmlCleaner {
  Diagnostics& diag;
  IdentifierSet ids;  // ids of raw fragments, renamed when repeated

  static bool html(const std::string& f) { return detail::is_raw_html_format(f, false); }
  // Returns what replaces a raw fragment (nullopt: keep as is, cleaned in place).
  std::optional<Inlines> clean(std::string& text) {
    if (has_start_tag(text, kEmbeddingTags)) {
      auto url = embedded_media_url(text);
      diag.warn("lost-content", "embedded media cannot print" + (url ? ", written as a link: " + *url : std::string(", dropped")));
      if (url && !is_dangerous_url(*url)) return Inlines{Link{Attr{"", {"embed-link"}, {}}, {Str{*url}}, Target{*url, ""}}};
      return Inlines{};
    }
    if (has_start_tag(text, kActiveTags)) {
      diag.warn("lost-content", "raw HTML with scripts, styles or form controls dropped");
      return Inlines{};
    }
    text = rename_repeated_ids(text, ids);
    return std::nullopt;
  }
  void run(Blocks& blocks) {
    walk_blocks(blocks, [&](Block& b) {
      auto* r = b.as<RawBlock>();
      if (!r || !html(r->format)) return;
      if (auto repl = clean(r->text)) b = Block{Para{std::move(*repl)}};
    });
    walk_inlines(blocks, [&](Inline& il) {
      auto* r = il.as<RawInline>();
      if (!r || !html(r->format)) return;
      if (auto repl = clean(r->text)) il = Inline{Span{Attr{}, std::move(*repl)}};
    });
  }
};

// The top-level blocks that the rewrites before rendering may change: those holding
// a heading (levels are evened out), raw HTML (cleaned) or an image (remote ones become
// links) anywhere inside. Copying the whole document instead was a fifth of the
// writer's time.
std::vector<bool> rewritable_blocks(const Blocks& blocks) {
  std::vector<bool> marks(blocks.size());
  const Block* first = blocks.data();
  std::size_t top = 0;
  query(
      blocks,
      [&](const Inline& il) {
        if (il.is<RawInline>() || il.is<Image>()) marks[top] = true;
      },
      [&](const Block& b) {
        std::less<const Block*> before;  // a total order, also for pointers outside the array
        if (!before(&b, first) && before(&b, first + blocks.size())) top = static_cast<std::size_t>(&b - first);
        if (b.is<Header>() || b.is<RawBlock>()) marks[top] = true;
      });
  return marks;
}

int min_header_level(const Blocks& blocks) {
  int m = 7;
  for (auto& b : blocks)
    if (auto* h = b.as<Header>()) m = std::min(m, h->level);
  return m;
}

std::string join_authors(const std::vector<std::string>& names, const Labels& l) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += (i + 1 == names.size()) ? l.and_ : std::string(", ");
    out += names[i];
  }
  return out;
}

const std::set<std::string>& known_meta_keys() {
  static const std::set<std::string> keys = {
      "title",     "subtitle", "subject",  "author", "date",      "date-modified", "abstract",   "credit",
      "dateline",  "publisher", "site-name", "lang", "keywords", "identifier",    "source-url", "rights",
      "license",   "image",    "description", "pagetitle"};
  return keys;
}

class PrintWriter : public Writer {
 public:
  std::string write(const Document& input, const WriterOptions& options, Diagnostics& diag) const override {
    const Meta& meta = input.meta;
    std::string lang = meta_text(meta, "lang").value_or(options.variable("lang"));
    std::replace(lang.begin(), lang.end(), '_', '-');
    std::string html_lang = lang.empty() ? "und" : lang;
    Labels labels = labels_for(lang);

    // Unmapped metadata is reported, never dropped silently.
    std::vector<std::string> unmapped;
    for (auto& [k, v] : meta)
      if (!known_meta_keys().count(k) && !provenance_keys().count(k)) unmapped.push_back(k);
    if (!unmapped.empty()) {
      std::string list;
      for (auto& k : unmapped) list += (list.empty() ? "" : ", ") + k;
      diag.warn("unmapped-metadata", "metadata not shown in print HTML: " + list);
    }

    // Page settings from variables (validated).
    PageSettings page;
    std::string papersize = options.variable("papersize", "A4");
    if (auto s = page_size(papersize)) page.size = *s;
    else diag.warn("ignored-variable", "papersize \"" + papersize + "\" not understood; using A4");
    if (auto m = options.variable("margin"); !m.empty()) {
      if (auto s = css_lengths(m, 4)) page.margin = *s;
      else diag.warn("ignored-variable", "margin \"" + m + "\" is not 1-4 CSS lengths; using the default");
    }
    if (auto f = options.variable("fontsize"); !f.empty()) {
      if (auto s = css_lengths(f, 1)) page.font_size = *s;
      else diag.warn("ignored-variable", "fontsize \"" + f + "\" is not a CSS length; using 10pt");
    }
    bool small_page = page.size.starts_with("A5") || page.size.starts_with("A6");
    page.columns = small_page ? 1 : 2;
    if (auto c = options.variable("columns"); !c.empty()) {
      if (c.size() == 1 && c[0] >= '1' && c[0] <= '3') page.columns = c[0] - '0';
      else diag.warn("ignored-variable", "columns \"" + c + "\" must be 1, 2 or 3");
    }
    int toc_depth = 3;
    if (auto t = options.variable("toc-depth"); t.size() == 1 && t[0] >= '1' && t[0] <= '6') toc_depth = t[0] - '0';

    // The rewrites below work on copies of just the top-level blocks they can change.
    Blocks owned;
    std::vector<bool> copied = rewritable_blocks(input.blocks);
    for (std::size_t i = 0; i < copied.size(); ++i)
      if (copied[i]) owned.push_back(input.blocks[i]);
    RawHtmlCleaner{diag, {}}.run(owned);
    // Remote images become links before rendering.
    replace_remote_images(owned, labels, options.resources, diag);

    ImageEmbedder embed(options, diag);
    detail::HtmlRenderOptions ro;
    ro.xhtml = false;
    ro.notes = detail::NoteStyle::PrintFootnotes;
    ro.lang = lang;
    auto title = meta_inlines(meta, "title");
    ro.header_shift = (title && min_header_level(input.blocks) == 1) ? 1 : 0;
    close_heading_gaps(owned, ro.header_shift, title.has_value(), diag);  // every heading is in `owned`
    std::vector<const Block*> body_blocks;
    body_blocks.reserve(input.blocks.size());
    for (std::size_t i = 0, k = 0; i < copied.size(); ++i) body_blocks.push_back(copied[i] ? &owned[k++] : &input.blocks[i]);
    ro.map_image = [&embed](const std::string& url) { return embed(url); };
    detail::HtmlRenderer r(ro, diag);

    // ---- masthead ----
    std::string title_text = title ? std::string(trim(stringify(*title))) : std::string();
    std::string mast;
    if (auto site = meta_inlines(meta, "site-name")) mast += "<p class=\"site-name\">" + r.inlines(*site) + "</p>\n";
    if (auto subject = meta_inlines(meta, "subject")) mast += "<p class=\"kicker\">" + r.inlines(*subject) + "</p>\n";
    if (title) mast += "<h1 class=\"title\">" + r.inlines(*title) + "</h1>\n";
    if (auto sub = meta_inlines(meta, "subtitle")) mast += "<p class=\"subtitle\">" + r.inlines(*sub) + "</p>\n";
    auto authors = meta_authors(meta);
    if (!authors.empty()) {
      std::vector<std::string> names;
      for (auto& a : authors) {
        std::string n = "<span class=\"author\">" + r.inlines(a.name) + "</span>";
        if (!a.affiliation.empty()) n += " <span class=\"affiliation\">(" + escape(a.affiliation) + ")</span>";
        names.push_back(n);
      }
      mast += "<p class=\"byline\">";
      if (!labels.by.empty()) mast += std::string("<span class=\"by\">") + escape(labels.by) + "</span>";
      mast += join_authors(names, labels) + "</p>\n";
    }
    std::string dateline;
    if (auto place = meta_inlines(meta, "dateline"))
      dateline += "<span class=\"dateline-place\">" + r.inlines(*place) + "</span>";
    auto time_html = [&](const std::string& raw) {
      std::string out;
      auto parts = parse_iso_date(raw);
      std::string dt = parts ? datetime_attr(*parts) : std::string();
      if (!dt.empty()) {
        out = "<time datetime=\"" + escape(dt, true) + "\">" + escape(format_date(*parts, lang)) + "</time>";
      } else {
        out = "<span class=\"date\">" + escape(raw) + "</span>";
      }
      return out;
    };
    if (auto date = meta_text(meta, "date")) {
      if (!dateline.empty()) dateline += " <span class=\"sep\">\u2014</span> ";
      dateline += time_html(*date);
    }
    if (auto mod = meta_text(meta, "date-modified")) {
      if (!dateline.empty()) dateline += " \u00B7 ";
      dateline += escape(labels.updated) + std::string(": ") + time_html(*mod);
    }
    if (!dateline.empty()) mast += "<p class=\"dateline-line\">" + dateline + "</p>\n";
    if (auto lede = meta_blocks(meta, "abstract")) mast += "<div class=\"lede\">\n" + r.blocks(*lede) + "</div>\n";
    if (auto credit = meta_inlines(meta, "credit")) mast += "<p class=\"credit\">" + r.inlines(*credit) + "</p>\n";

    std::string lead_image;
    if (auto img = meta_text(meta, "image")) {
      Blocks lead = {Figure{Attr{"", {"lead-image"}, {}}, Caption{},
                            {Plain{{Image{Attr{}, text(title_text), Target{*img, ""}}}}}}};
      replace_remote_images(lead, labels, options.resources, diag);
      lead_image = r.blocks(lead);
    }

    // ---- body and notes ----
    std::string body = r.blocks(body_blocks);
    std::string notes = r.take_notes();
    if (!notes.empty()) {
      auto gt = notes.find(">\n");
      notes.insert(gt + 2, "<h2 class=\"footnotes-title\">" + escape(labels.notes) + "</h2>\n");
    }

    // ---- table of contents ----
    std::string toc;
    if (options.toc) {
      std::string items;
      for (auto& h : r.headings()) {
        if (h.level > toc_depth || h.id.empty()) continue;
        items += "<li class=\"toc-level-" + std::to_string(h.level) + "\"><a href=\"#" + escape(h.id, true) + "\">" +
                 escape(h.text) + "</a></li>\n";
      }
      if (!items.empty())
        toc = "<nav class=\"toc\" role=\"doc-toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">" +
              escape(labels.contents) + "</h2>\n<ol>\n" + items + "</ol>\n</nav>\n";
    }

    // ---- footer ----
    std::string foot;
    auto link_line = [&](const char* cls, const std::string& label, const std::string& url) {
      Inlines content = {Str{url}};
      Inlines line = {Str{label + ":"}, Space{}, Link{Attr{}, content, Target{url, ""}}};
      foot += std::string("<p class=\"") + cls + "\">" + r.inlines(line) + "</p>\n";
    };
    if (auto src = meta_text(meta, "source-url")) link_line("source", labels.source, *src);
    if (auto id = meta_text(meta, "identifier"); id && id != meta_text(meta, "source-url")) {
      if (is_remote_url(*id)) link_line("identifier", "URL", *id);
      else foot += "<p class=\"identifier\">" + escape(*id) + "</p>\n";
    }
    if (auto pub = meta_inlines(meta, "publisher")) foot += "<p class=\"publisher\">" + r.inlines(*pub) + "</p>\n";
    if (auto rights = meta_inlines(meta, "rights")) foot += "<p class=\"rights\">" + r.inlines(*rights) + "</p>\n";
    if (auto lic = meta_text(meta, "license")) {
      if (is_remote_url(*lic)) link_line("license", labels.licence, *lic);
      else foot += "<p class=\"license\">" + escape(labels.licence) + ": " + escape(*lic) + "</p>\n";
    }
    auto keywords = meta_text_list(meta, "keywords");

    // ---- running heads ----
    page.running_head = title_text.empty() ? "none" : css_string(shorten(title_text, 90));
    auto site = meta_text(meta, "site-name");
    if (!site) site = meta_text(meta, "publisher");
    page.running_foot = site ? css_string(shorten(*site, 40)) : "none";

    // ---- user stylesheets ----
    std::string user_css;
    for (auto& path : options.css) {
      auto css = load_resource(path, options.resources, options.limits, diag);
      if (!css) {
        diag.warn("lost-content", "stylesheet not read: " + path);
        continue;
      }
      std::string s = repair_utf8(*css, diag, path);
      // keep the stylesheet inside its <style> element
      std::string safe;
      for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '<' && i + 1 < s.size() && s[i + 1] == '/') {
          safe += "<\\/";
          ++i;
        } else {
          safe += s[i];
        }
      }
      user_css += "<style>\n/* " + escape(path) + " */\n" + safe + "\n</style>\n";
    }

    // ---- assemble ----
    std::string out;
    out.reserve(body.size() + 16384);
    out += "<!DOCTYPE html>\n<html lang=\"" + escape(html_lang, true) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"galley\">\n";
    std::string head_title = title_text;
    if (head_title.empty()) head_title = meta_text(meta, "pagetitle").value_or("");
    if (head_title.empty()) head_title = "Article";
    out += "<title>" + escape(head_title) + "</title>\n";
    for (auto& a : authors)
      if (!a.name_text.empty()) out += "<meta name=\"author\" content=\"" + escape(a.name_text, true) + "\">\n";
    if (auto lede = meta_text(meta, "abstract"))
      out += "<meta name=\"description\" content=\"" + escape(shorten(*lede, 300), true) + "\">\n";
    if (!keywords.empty()) {
      std::string k;
      for (auto& w : keywords) k += (k.empty() ? "" : ", ") + w;
      out += "<meta name=\"keywords\" content=\"" + escape(k, true) + "\">\n";
    }
    if (auto src = meta_text(meta, "source-url"); src && is_remote_url(*src))
      out += "<link rel=\"canonical\" href=\"" + escape(*src, true) + "\">\n";
    for (auto& p : provenance_statements(meta))  // warc, fetch (galley/provenance.hpp)
      out += "<meta name=\"dcterms.provenance\" content=\"" + escape(p, true) + "\">\n";
    out += "<style>\n" + print_css(page) + "</style>\n";
    out += user_css;
    out += "</head>\n<body>\n<article class=\"article\">\n";
    if (!mast.empty()) out += "<header class=\"masthead\">\n" + mast + "</header>\n";
    out += lead_image;
    out += toc;
    out += "<div class=\"article-body\">\n" + body + "</div>\n";
    out += notes;
    if (!foot.empty()) out += "<footer class=\"article-footer\">\n" + foot + "</footer>\n";
    out += "</article>\n</body>\n</html>\n";
    return out;
  }
};

}  // namespace

std::unique_ptr<Writer> make_writer() { return std::make_unique<PrintWriter>(); }

}  // namespace galley::html_print
