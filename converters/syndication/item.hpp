// One article as the news-exchange formats see it (NewsML-G2, NITF, ninjs, Atom,
// RSS): the fields they share, taken from the document's metadata
// (docs/METADATA.md) once, so every writer names, dates and identifies an
// article the same way, and the readers map a received item back the same way.
#pragma once
#include <string>
#include <vector>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"
#include "galley/options.hpp"

namespace galley::syndication {

struct Person { std::string name, role, email, uri; };
struct Subject { std::string code, name, scheme; };  // scheme e.g. "medtop", "" for free text
struct Image { std::string url, caption, alt, mime; int width = 0, height = 0; };

struct Item {
  std::string id;        // stable: -M identifier, else from source-url, else derived (hash of publisher+date+headline)
  int version = 1;       // -M version=N
  std::string pub_status = "usable";  // usable, withheld, canceled (-M pub-status)
  std::string headline, subheadline, slugline, kicker, description, creditline, copyright, language, publisher, source_url;
  std::string dateline, located;  // dateline text; located place name
  std::vector<Person> bylines;
  std::vector<Subject> subjects;
  std::vector<std::string> keywords;
  std::string first_created, version_created;  // ISO 8601 in UTC ("2024-05-01T10:00:00Z"), "" when the article has none
  std::vector<Image> images;
  std::string license;  // -M license (a URL), docs/METADATA.md's `license`
};

// The item of one article. Warns (kind "placeholder") for each field a feed
// needs that the article lacks and that gets a stand-in: no title ("Untitled"),
// no date; "unmapped-metadata" for a bad version or pub-status.
Item item_from(const Document& doc, const WriterOptions& options, Diagnostics& diag);

// The body as a well-formed XHTML fragment (html_render in XHTML mode, footnotes
// as endnotes): no <html>/<head>, no characters XML forbids.
std::string body_xhtml(const Document& doc, const WriterOptions& options, Diagnostics& diag);

// Newest first by date-modified, else date; undated articles last; equal dates
// keep their input order (std::stable_sort).
void sort_newest_first(std::vector<const Document*>& docs);

// The articles of one joined output (a feed, a newsMessage): newest first as
// above, each with its Item, in that order (item_from's warnings come in it too).
struct Entries {
  std::vector<const Document*> docs;
  std::vector<Item> items;
};
Entries entries_newest_first(const std::vector<const Document*>& given, const WriterOptions& options,
                             Diagnostics& diag);

// Readers: the item's fields into the document's metadata under docs/METADATA.md's
// keys (title, subtitle, author, date, date-modified, abstract, credit, dateline,
// publisher, lang, keywords, subject, subjects, identifier, source-url, rights,
// image, version, pub-status, slugline). Empty fields are left out.
void apply_item(const Item& item, Document& doc);

// ---- additions for the writers ----

// The time a writer records when the article has none: SOURCE_DATE_EPOCH, else
// 1980-01-01 (galley/time.hpp), as "CCYY-MM-DDThh:mm:ssZ".
std::string fallback_time(const WriterOptions& options);
// first_created / version_created, or fallback_time when empty.
std::string created_or_fallback(const Item& item, const WriterOptions& options);
std::string updated_or_fallback(const Item& item, const WriterOptions& options);

// The item id as an absolute URI/IRI (Atom's id, ninjs's uri, RSS's guid): the id
// when it has a scheme ("https:", "urn:"), else "urn:galley:" + the id with
// characters outside RFC 3986's unreserved set percent-encoded.
std::string id_uri(const Item& item);
std::string id_uri(const std::string& id);
// Is `s` an absolute http(s) URL (a link a feed may carry)?
bool is_http_url(const std::string& s);

// What a feed of many items says about itself: -V feed-title, feed-id,
// feed-url (the feed's own address), feed-link (the site), feed-description;
// defaults derived from the items (title: the publisher all items share, else
// "galley feed"; id: derived from the items' ids, the same for the same items).
struct FeedInfo {
  std::string title, id, self_url, link, description, language, updated;
};
FeedInfo feed_info(const std::vector<Item>& items, const WriterOptions& options, Diagnostics& diag);

// The "unmapped-metadata" warning for a key a format has no place for:
// "<format> has no place for <key> (\"<value>\"); it is not in the output".
void warn_unmapped(Diagnostics& diag, const std::string& format, const std::string& key, const std::string& value);

// A stable 64-bit FNV-1a hash (ids derived from text).
unsigned long long fnv1a64(const std::string& s, unsigned long long seed = 14695981039346656037ULL);
// The plain text of the body (stringify), for word counts and checks.
std::string body_text(const Document& doc);
// Word count as ninjs counts it: runs of non-space characters.
std::size_t word_count(const std::string& text);

}  // namespace galley::syndication
