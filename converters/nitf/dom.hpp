// Reading XML for the NITF and NewsML-G2 readers: the core's safe parse and lookups
// under these readers' names, and the text helpers both need. Names are matched on the local name, so NITF in
// its 3.6 namespace, NITF in the DTD style (no namespace) and XHTML all read alike.
#pragma once
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "galley/detail/xml_dom.hpp"
#include "galley/diagnostics.hpp"
#include "galley/options.hpp"

namespace galley::nitf {

// The parse and the lookups are the core's (galley/detail/xml_dom.hpp), under the names
// these readers use.
using XmlDocPtr = detail::dom::XmlDoc;

// Parses `input` as XML: no network, no external entities or DTDs, large text
// nodes allowed. Throws InputError "galley.<area>.parse" when it is not well-formed
// (with libxml2's first message) and "galley.<area>.too-large" past the input limit.
inline XmlDocPtr parse_xml(std::string_view input, const ReaderOptions& options, Diagnostics& diag, const char* area) {
  detail::dom::ParseSettings settings;
  settings.area = area;
  settings.huge = true;
  return detail::dom::parse(input, options, diag, settings);
}

inline std::string_view local_name(const xmlNode* n) { return detail::dom::name_of(n); }
inline bool is(const xmlNode* n, std::string_view name) { return detail::dom::is_el(n, name); }
inline bool is_element(const xmlNode* n) { return detail::dom::is_el(n); }
// The attribute's value in no namespace ("" when absent); xml:lang through lang_attr.
using detail::dom::attr;
inline std::string lang_attr(const xmlNode* n) { return detail::dom::xml_lang(n); }
// The first element child with this local name, or nullptr.
inline const xmlNode* child(const xmlNode* n, std::string_view name) { return detail::dom::first(n, name); }
inline std::vector<const xmlNode*> children(const xmlNode* n, std::string_view name) {
  return detail::dom::all(n, name);
}
// All text below `n` (internal entities expanded), as in the document.
std::string text_of(const xmlNode* n);
// `s` with runs of XML white space collapsed to one space and the ends trimmed.
std::string collapse(std::string_view s);
// The text of `n`, collapsed.
inline std::string clean_text(const xmlNode* n) { return n ? collapse(text_of(n)) : std::string(); }

// "20210516T090004", "2021-05-16T09:00:04-05:00", "20161121T152106-0500" to the
// extended ISO 8601 form the metadata contract uses; "" when it is no date.
std::string normalise_date(std::string_view s);

}  // namespace galley::nitf
