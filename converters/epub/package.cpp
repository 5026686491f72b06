// The package document (package.opf): Dublin Core metadata from the article
// metadata contract, dcterms:modified, accessibility metadata, manifest, spine.
// Also the deterministic content identifier and the date arithmetic.
#include <cstdint>
#include <cstdio>

#include "epub/internal.hpp"
#include "galley/meta.hpp"
#include "galley/provenance.hpp"
#include "galley/text.hpp"

namespace galley::epub {

namespace {
__extension__ typedef unsigned __int128 u128;
}

std::string content_uuid(const std::string& bytes) {
  // 128-bit FNV-1a. Not cryptographic; only needs to be stable and spread well.
  u128 h = (u128(0x6c62272e07bb0142ULL) << 64) | u128(0x62b821756295c58dULL);
  const u128 prime = (u128(0x0000000001000000ULL) << 64) | u128(0x000000000000013BULL);
  for (unsigned char c : bytes) {
    h ^= c;
    h *= prime;
  }
  unsigned char b[16];
  for (int i = 15; i >= 0; --i) {
    b[i] = static_cast<unsigned char>(h & 0xff);
    h >>= 8;
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x80);  // version 8 (RFC 9562: custom)
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
  std::string out = "urn:uuid:";
  static const char* hex = "0123456789abcdef";
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += hex[b[i] >> 4];
    out += hex[b[i] & 15];
  }
  return out;
}

namespace {

void dc(std::string& out, const std::string& element, const std::string& value, const std::string& id = {}) {
  out += "    <dc:";
  out += element;
  if (!id.empty()) {
    out += " id=\"";
    out += id;
    out += "\"";
  }
  out += ">";
  out += esc(value);
  out += "</dc:";
  out += element;
  out += ">\n";
}
void meta(std::string& out, const std::string& property, const std::string& value, const std::string& refines = {},
          const std::string& extra = {}) {
  out += "    <meta";
  if (!refines.empty()) out += " refines=\"#" + refines + "\"";
  out += " property=\"" + property + "\"" + extra + ">" + esc(value) + "</meta>\n";
}

const std::set<std::string>& known_keys() {
  static const std::set<std::string> k = {
      "title",     "subtitle", "subject",  "author",     "date",   "date-modified", "abstract", "credit",
      "dateline",  "publisher", "site-name", "lang",     "keywords", "identifier",  "source-url", "rights",
      "license",   "image",    "dir",      "cover-image", "description"};
  return k;
}

}  // namespace

std::string package_opf(const Document& doc, const Book& book, const std::vector<Item>& manifest,
                        const std::vector<SpineRef>& spine, Diagnostics& diag) {
  const Meta& m = doc.meta;
  std::string o;
  o += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  o += "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"pub-id\" xml:lang=\"" +
       esc_attr(book.lang) + "\"";
  if (!book.dir.empty()) o += " dir=\"" + book.dir + "\"";
  o += ">\n  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
  dc(o, "identifier", book.identifier, "pub-id");
  dc(o, "title", book.title, "title");
  meta(o, "title-type", "main", "title");
  if (auto sub = meta_text(m, "subtitle")) {
    dc(o, "title", *sub, "subtitle");
    meta(o, "title-type", "subtitle", "subtitle");
  }
  dc(o, "language", book.lang);
  int n = 0;
  for (auto& p : meta_authors(m)) {
    if (p.name_text.empty()) continue;
    std::string id = "creator-" + std::to_string(++n);
    dc(o, "creator", p.name_text, id);
    meta(o, "role", "aut", id, " scheme=\"marc:relators\"");
    if (!p.surname.empty()) meta(o, "file-as", p.surname + (p.given.empty() ? "" : ", " + p.given), id);
  }
  if (auto credit = meta_text(m, "credit")) {
    dc(o, "contributor", *credit, "contributor-1");
  }
  if (auto date = meta_text(m, "date")) {
    if (auto p = parse_iso_date(*date); p && p->year > 0)
      dc(o, "date", p->iso_date());
    else
      diag.warn("unmapped-metadata", "epub: date \"" + *date + "\" is not ISO 8601; dc:date left out");
  }
  std::set<std::string> subjects;
  auto add_subject = [&](const std::string& s) {
    if (!s.empty() && subjects.insert(s).second) dc(o, "subject", s);
  };
  if (auto s = meta_text(m, "subject")) add_subject(*s);
  for (auto& k : meta_text_list(m, "keywords")) add_subject(k);
  if (auto a = meta_text(m, "abstract")) dc(o, "description", *a);
  else if (auto d = meta_text(m, "description")) dc(o, "description", *d);
  if (auto p = meta_text(m, "publisher")) dc(o, "publisher", *p);
  if (auto r = meta_text(m, "rights")) dc(o, "rights", *r);
  else if (auto l = meta_text(m, "license")) dc(o, "rights", *l);
  if (auto s = meta_text(m, "source-url")) dc(o, "source", *s);
  if (auto s = meta_text(m, "site-name")) {
    meta(o, "belongs-to-collection", *s, {}, " id=\"collection\"");
  }
  if (auto l = meta_text(m, "license"); l && meta_text(m, "rights")) dc(o, "rights", *l);
  for (auto& p : provenance_statements(m)) meta(o, "dcterms:provenance", p);  // warc, fetch (galley/provenance.hpp)
  meta(o, "dcterms:modified", book.modified);
  if (book.cover) o += "    <meta name=\"cover\" content=\"" + book.cover->id + "\"/>\n";
  o += accessibility_metadata(book);
  o += "  </metadata>\n  <manifest>\n";
  for (auto& it : manifest) {
    o += "    <item id=\"" + it.id + "\" href=\"" + esc_attr(it.href) + "\" media-type=\"" + it.media_type + "\"";
    if (!it.properties.empty()) o += " properties=\"" + it.properties + "\"";
    o += "/>\n";
  }
  o += "  </manifest>\n  <spine toc=\"ncx\"";
  if (book.dir == "rtl") o += " page-progression-direction=\"rtl\"";
  o += ">\n";
  for (auto& ref : spine)
    o += "    <itemref idref=\"" + ref.id + "\"" + (ref.linear ? "" : " linear=\"no\"") + "/>\n";
  o += "  </spine>\n</package>\n";

  std::string unmapped;
  for (auto& [k, v] : m) {
    (void)v;
    if (!known_keys().count(k) && !provenance_keys().count(k)) unmapped += (unmapped.empty() ? "" : ", ") + k;
  }
  if (!unmapped.empty()) diag.warn("unmapped-metadata", "epub: metadata not carried into the package: " + unmapped);
  return o;
}

}  // namespace galley::epub
