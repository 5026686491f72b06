// Escaped XML text for the syndication writers: one counter of the characters
// XML forbids (dropped by galley::detail::append_escaped), one warning at the end.
#pragma once
#include <string>
#include <string_view>

#include "galley/detail/xml.hpp"
#include "galley/diagnostics.hpp"

namespace galley::syndication {

struct XmlOut {
  std::string out;
  std::size_t removed = 0;
  void text(std::string_view s) { detail::append_escaped(out, s, false, &removed); }
  void attr(std::string_view s) { detail::append_escaped(out, s, true, &removed); }
  XmlOut& operator<<(std::string_view raw) {
    out += raw;
    return *this;
  }
  // <name>text</name> (nothing when text is empty).
  void element(std::string_view indent, std::string_view name, std::string_view value) {
    if (value.empty()) return;
    out += indent;
    out += '<';
    out += name;
    out += '>';
    text(value);
    out += "</";
    out += name.substr(0, name.find(' '));
    out += ">\n";
  }
  void finish(Diagnostics& diag, std::string_view what) {
    if (removed)
      diag.warn("invalid-xml-char", std::to_string(removed) + " character(s) XML forbids removed from the " +
                                        std::string(what));
  }
};

}  // namespace galley::syndication
