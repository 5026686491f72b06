// NewsML-G2 2.35 (IPTC): writer of text newsItems (a newsMessage for several
// articles in one output) and reader of text newsItems and newsMessages.
//
// Writer options: `newsml+nitf` carries the body as NITF inside inlineXML (as
// IPTC's listing 25 does); by default it is XHTML. The output is valid against
// NewsML-G2_2.35-spec-All-Power.xsd.
#pragma once
#include <memory>

#include "galley/format.hpp"
#include "galley/registry.hpp"

namespace galley::newsml {

std::unique_ptr<Reader> make_reader();
std::unique_ptr<Writer> make_writer();
void init();  // libxml2's globals, once, before readers run on several threads
std::vector<ExtensionInfo> writer_extensions();

}  // namespace galley::newsml
