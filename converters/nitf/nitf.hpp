// NITF 3.6 (IPTC's News Industry Text Format): writer and reader.
//
// The writer emits the XSD's namespace http://iptc.org/std/NITF/2006-10-18/ and
// is valid against nitf-3-6.xsd. The reader takes NITF in that namespace, in no
// namespace (the DTD style most agencies send) and inside NewsML-G2's inlineXML.
// The NewsML-G2 converter uses nitf/embed.hpp for NITF bodies.
#pragma once
#include <memory>

#include "galley/format.hpp"

namespace galley::nitf {

inline constexpr const char* kNamespace = "http://iptc.org/std/NITF/2006-10-18/";

std::unique_ptr<Reader> make_reader();
std::unique_ptr<Writer> make_writer();
void init();  // libxml2's globals, once, before readers run on several threads

}  // namespace galley::nitf
