// Internals of the HTML reader, shared by its files (not a public API).
//   parse.cpp     bytes -> libxml2 DOM (encoding detection, error capture, truncation checks)
//   dom.cpp       small DOM helpers (names, attributes, text, block/inline classification)
//   urls.cpp      RFC 3986 reference resolution against <base> / ReaderOptions::source_url
//   sanitize.cpp  galley/safety.hpp applied to the DOM: attribute values, raw HTML subtrees
//   metadata.cpp  <head> metadata -> Meta (priority order documented there)
//   document_title.cpp  <title> with the site name cut off (for metadata.cpp)
//   similarity.cpp  how much of one text another repeats (titles, bylines)
//   jsonld.cpp    schema.org JSON-LD -> candidate metadata fields
//   extract*.cpp  +extract: find the article's main content, drop page furniture (extractor.hpp)
//   convert.cpp   DOM -> Blocks / Inlines
//   reader.cpp    the Reader: glues the passes together
#pragma once
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"
#include "galley/options.hpp"
#include "galley/safety.hpp"
#include "galley/text.hpp"

namespace galley::html {

// ---- parse.cpp ----
struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

struct Parsed {
  DocPtr doc;
  std::string encoding;       // the encoding the bytes were decoded from
  std::size_t parse_errors = 0;
};
// Decode `input` (BOM, <meta charset>, http-equiv, options.encoding; bad bytes
// -> U+FFFD with a warning) and parse it with libxml2's HTML parser. Parser
// errors go to `diag` at info level; libxml2 limits that would shorten the
// document are lifted (HTML_PARSE_HUGE) and reported when hit.
Parsed parse_html(std::string_view input, const ReaderOptions& options, Diagnostics& diag);
// The encoding name found in the bytes (BOM or <meta>), lower-case; "" when none.
std::string sniff_encoding(std::string_view input);

// ---- dom.cpp ----
// Element name as libxml2 gives it (lower-case for HTML); "" for non-elements.
inline std::string_view name(const xmlNode* n) {
  return (n && n->type == XML_ELEMENT_NODE && n->name) ? std::string_view(reinterpret_cast<const char*>(n->name))
                                                       : std::string_view();
}
inline bool is(const xmlNode* n, std::string_view tag) { return name(n) == tag; }
inline bool is_element(const xmlNode* n) { return n && n->type == XML_ELEMENT_NODE; }
inline bool is_text(const xmlNode* n) {
  return n && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE);
}
inline std::string_view content(const xmlNode* n) {
  return n && n->content ? std::string_view(reinterpret_cast<const char*>(n->content)) : std::string_view();
}
// Attribute value (a view into the DOM; valid while the node lives); nullopt when absent.
std::optional<std::string_view> attr(const xmlNode* n, std::string_view key);
inline std::string_view attr_or(const xmlNode* n, std::string_view key, std::string_view dflt = {}) {
  auto v = attr(n, key);
  return v ? *v : dflt;
}
// Concatenated text of all descendant text nodes.
std::string text_of(const xmlNode* n);
void append_text(const xmlNode* n, std::string& out);
// Whitespace-collapsed, trimmed text.
std::string clean_text(std::string_view s);
// Is the tag a block-level (flow container / block) element in HTML5?
bool is_block_tag(std::string_view tag);
// Elements whose content is never part of the document text.
bool is_dropped_tag(std::string_view tag);
bool is_void_tag(std::string_view tag);
// Case-insensitive ASCII helpers.
inline bool iequals(std::string_view a, std::string_view b) { return ascii_iequals(a, b); }
inline std::string lower(std::string_view s) { return ascii_lower(s); }
bool contains_word_ci(std::string_view haystack, std::string_view needle);  // substring, ASCII-case-insensitive
// HTML's ASCII whitespace (and \v): inline, it is called for every byte of the page's text.
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
// Remove and free a node (and its subtree).
void remove_node(xmlNode* n);
// The node after `cur` in document order inside `root` (root itself excluded), nullptr at the
// end: every pass walks the DOM with this one rule, iteratively, because recursion would
// overflow the stack on deep documents. It enters cur's children only when `descend` is true
// and cur is an element; otherwise it goes to the next sibling of cur or of its nearest
// ancestor below root.
const xmlNode* next_in_tree(const xmlNode* cur, const xmlNode* root, bool descend = true);
inline xmlNode* next_in_tree(xmlNode* cur, const xmlNode* root, bool descend = true) {
  return const_cast<xmlNode*>(next_in_tree(static_cast<const xmlNode*>(cur), root, descend));
}
// The first descendant element with the tag (document order); nullptr when none.
xmlNode* find_first(xmlNode* root, std::string_view tag);
xmlNode* html_body(xmlDoc* doc);
xmlNode* html_head(xmlDoc* doc);

// ---- similarity.cpp ----
// Readability's textSimilarity: the share (0..1, by length) of b's words that a also holds,
// compared ASCII-case-insensitively. Words are runs of letters, digits and non-ASCII
// characters, and of '_' when `underscore_is_word` (as Readability's \w has it; extraction
// splits at '_', and its scores were measured that way).
double similarity(std::string_view a, std::string_view b, bool underscore_is_word = true);
// The words of s as similarity counts them, ASCII lower-cased (extraction's evidence checks
// use them too).
std::vector<std::string> words_of(std::string_view s, bool underscore_is_word);

// ---- urls.cpp ----
// Resolve `ref` against `base` (RFC 3986 section 5.2). Returns ref unchanged when
// base is empty or ref is absolute, a fragment, or a data:/mailto:/javascript: URL.
std::string resolve_url(std::string_view base, std::string_view ref);
// Pick the best candidate from a srcset ("a.jpg 1x, b.jpg 2x" / "a.jpg 480w, ...").
std::string best_srcset(std::string_view srcset);

// ---- sanitize.cpp ----
// An attribute value as a browser reads it: the character references libxml2
// leaves (HTML5 names such as &colon; &Tab;) decoded.
std::string attribute_text(std::string_view value);
// safe_attribute / allowed_url (galley/safety.hpp) on attribute_text(value).
std::optional<std::string> reader_attribute(std::string_view element, std::string_view key, std::string_view value);
std::optional<std::string> reader_url(std::string_view value, UrlKind kind);
// What was left out, reported once per kind at the end of a conversion.
struct Dropped {
  std::size_t links = 0, images = 0, attributes = 0, raw = 0, svg = 0;  // svg: data: SVGs cleaned of script
  std::vector<std::string> link_schemes, image_schemes;  // the first few refused, for the messages
  // Count a refused URL in `count` (links, images or attributes).
  void url(std::size_t& count, std::string_view value);
  void report(Diagnostics& diag) const;
};
// Before a subtree is kept as raw HTML (video, audio, iframe, MathML): remove
// unsafe elements (script, style, iframe, svg, form, ...), comments and
// processing instructions, and the attributes safe_attribute refuses; rewrite
// the values it cleans.
void sanitize_subtree(xmlNode* root, Dropped& dropped);

// ---- jsonld.cpp ----
struct JsonLdPerson {
  std::string name, url;
};
struct JsonLdArticle {
  bool found = false;
  std::string type;
  std::string headline, name, alternative_headline, description, date_published, date_modified, section,
      in_language, url, image, publisher, license, identifier, copyright;
  std::string article_body;  // articleBody as plain text (evidence for extraction)
  std::vector<JsonLdPerson> authors;
  std::vector<std::string> keywords;
  std::string site_name;  // isPartOf / WebSite name
};
// Parse every <script type="application/ld+json"> text given; the first
// article-like object (NewsArticle, Article, BlogPosting, ReportageNewsArticle,
// ScholarlyArticle, ...) wins, looking through arrays and @graph. Bad JSON -> info.
JsonLdArticle parse_jsonld(const std::vector<std::string>& scripts, Diagnostics& diag);

// ---- document_title.cpp ----
// The <title> text `orig` with the site name cut off (Readability's rules; `body`, may be
// null, is searched for headings that confirm a cut or stand in for a title).
std::string title_from_document(const std::string& orig, xmlNode* body);

// ---- metadata.cpp ----
struct PageMeta {
  Meta meta;
  std::string title;    // chosen title (plain text)
  std::string byline;   // author names as printed, ", " joined
  std::string base_url; // for resolving relative URLs
  std::string lang;
  std::string article_body;  // JSON-LD articleBody, whitespace collapsed ("" when none)
};
// Read <head> (and a few body hints) into the METADATA.md keys.
PageMeta read_metadata(xmlDoc* doc, const ReaderOptions& options, Diagnostics& diag);
// Add the body byline (found by extraction) when metadata had none.
void add_body_byline(PageMeta& pm, const std::string& byline);

// ---- extract.cpp ----
struct Extraction {
  xmlNode* content = nullptr;  // a detached <div> holding the article (owned by the document's dict; freed by caller)
  std::string byline;          // byline text removed from the body
};
// Find the main content of the page (mutates the DOM: removes furniture).
Extraction extract_article(xmlDoc* doc, const PageMeta& meta, Diagnostics& diag);

// ---- convert.cpp ----
struct ConvertOptions {
  std::string base_url;
  std::size_t max_nesting = 2000;
};
// Convert the children of `root` to blocks. Footnote bodies referenced from the
// text become Note inlines (and leave the body).
Blocks convert_blocks(xmlNode* root, const ConvertOptions& options, Diagnostics& diag);
// Convert one element's inline content (used for metadata titles etc.).
Inlines convert_inlines(xmlNode* root, const ConvertOptions& options, Diagnostics& diag);
// Split text into Str/Space (pandoc's way) after NFC.
Inlines words(std::string_view s);

}  // namespace galley::html
