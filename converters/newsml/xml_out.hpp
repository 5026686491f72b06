// A small XML output helper for the NewsML-G2 writer: elements opened and closed
// by name, every value escaped, XML's forbidden characters counted.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "galley/detail/xml.hpp"
#include "galley/diagnostics.hpp"

namespace galley::newsml {

// A value typed g2normalizedString ("no white space but spaces"): runs of
// white space become one space, the ends trimmed.
std::string g2(std::string_view s);

// A URL as an xs:anyURI libxml2 accepts (IRIType): spaces, controls and
// the characters RFC 3986 leaves out ("<>\"{}|\\^`", and "[" "]" outside the host)
// percent-encoded; "%", the reserved characters and non-ASCII (an IRI) kept.
std::string iri(std::string_view url);

struct Xml {
  std::string out;
  std::size_t removed = 0;
  void open(const char* name) {
    out += '<';
    out += name;
  }
  void attr(const char* name, std::string_view v) {
    if (v.empty()) return;
    out += ' ';
    out += name;
    out += "=\"";
    detail::append_escaped(out, v, true, &removed);
    out += '"';
  }
  void end_open(bool newline = true) { out += newline ? ">\n" : ">"; }
  void close_empty() { out += "/>\n"; }
  void close(const char* name) {
    out += "</";
    out += name;
    out += ">\n";
  }
  void text(std::string_view v, bool attribute = false) { detail::append_escaped(out, v, attribute, &removed); }
  void raw(std::string_view v) { out += v; }
  void element(const char* name, std::string_view v) {
    open(name);
    out += '>';
    text(v);
    close(name);
  }
  void report(Diagnostics& diag) {
    if (removed)
      diag.warn("invalid-xml-char", std::to_string(removed) +
                                        " character(s) that XML 1.0 forbids were removed from the NewsML-G2 output");
    removed = 0;
  }
};

}  // namespace galley::newsml
