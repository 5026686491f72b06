// The default stylesheet of the html_print writer (print_css.cpp).
#pragma once
#include <string>

namespace galley::html_print {

struct PageSettings {
  std::string size = "A4";            // CSS `size` value
  std::string margin = "18mm 16mm 20mm";
  std::string font_size = "10pt";
  int columns = 2;                     // body text columns
  std::string running_head;            // CSS string literal (quoted, escaped) or "none"
  std::string running_foot;            // CSS string literal or "none"
  std::string toc_label;               // unused in CSS, kept for symmetry
};

// The complete default stylesheet for these settings.
std::string print_css(const PageSettings& page);

}  // namespace galley::html_print
