// Reading XML documents with libxml2's tree: one safe parse and the node lookups
// the XML readers (JATS, NITF, NewsML-G2) share. Names are matched on the local
// name, so a document with or without namespaces reads alike ("mml:math" is "math").
//
// libxml2's own types are only declared here (the header compiles without libxml2's
// include path); the readers that walk nodes include <libxml/tree.h> themselves.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "galley/diagnostics.hpp"
#include "galley/options.hpp"

struct _xmlNode;
struct _xmlDoc;
typedef struct _xmlNode xmlNode;  // the same typedefs as libxml/tree.h (C++ allows the repeat)
typedef struct _xmlDoc xmlDoc;

namespace galley::detail::dom {

struct XmlDocFree {
  void operator()(xmlDoc* d) const;
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

struct ParseSettings {
  // Error ids are "galley.<area>.parse", ".too-large" and ".parser"; warnings start "<area>: ".
  const char* area = "xml";
  // XML_PARSE_HUGE: text nodes past libxml2's 10 MB (news bodies); limits.max_input_bytes still applies.
  bool huge = false;
  // Named characters a DTD declares, given without reading the DTD: the UTF-8 text of a
  // name the document does not declare itself, nullptr when unknown. With it, external
  // entities and external parameter entities are refused outright (an empty stand-in where
  // the document declares them; one "resource-refused" warning counts them).
  const char* (*dtd_entity)(std::string_view name) = nullptr;
  // The root element named by the internal subset made to hold those entities.
  const char* dtd_root = "article";
};

// Parses `input` with XML_PARSE_NONET and without NOENT, DTDLOAD or DTDVALID: no network,
// the DOCTYPE's DTD never opened, external entities never read (XXE); entity bombs are
// refused by libxml2's amplification check. CDATA arrives as text. Throws InputError
// galley.<area>.parse (with libxml2's first message and line) when the input is not
// well-formed, galley.<area>.too-large past options.limits.max_input_bytes.
XmlDoc parse(std::string_view input, const ReaderOptions& options, Diagnostics& diag, const ParseSettings& settings);

std::string_view name_of(const xmlNode* n);  // local name ("" for none)
bool is_el(const xmlNode* n);
bool is_el(const xmlNode* n, std::string_view name);
// The attribute's value in no namespace ("" when absent).
std::string attr(const xmlNode* n, const char* name);
// The attribute in namespace `ns` ("" when absent); xml:lang through xml_lang.
std::string ns_attr(const xmlNode* n, const char* name, const char* ns);
std::string xml_lang(const xmlNode* n);
// The first element child with this local name, or nullptr.
const xmlNode* first(const xmlNode* n, std::string_view name);
// Every element child with this local name, in order.
std::vector<const xmlNode*> all(const xmlNode* n, std::string_view name);

}  // namespace galley::detail::dom
