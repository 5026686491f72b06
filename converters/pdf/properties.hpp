// Document properties the engines take from the print HTML's <head>: the
// creation and modification dates (WeasyPrint reads dcterms.created and
// dcterms.modified into the PDF's Info and XMP), a subject when the article has
// no abstract, and a Content-Security-Policy that lets Chromium run no script
// and load nothing but the data: URIs galley embedded.
#pragma once
#include <optional>
#include <string>

#include "galley/ast.hpp"

namespace galley::pdf {

// The print HTML with these <meta> elements added right after its charset.
std::string add_properties(const std::string& html, const Meta& meta, std::optional<long long> source_date_epoch);

}  // namespace galley::pdf
