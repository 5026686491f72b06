// Document properties (title, authors, subject, keywords, dates) from the
// article's metadata, and the two ways they reach a PDF:
//  - WeasyPrint reads them from the print HTML's <head> (<title>, author,
//    description, keywords, and the dcterms.created / dcterms.modified added
//    here) into the Info dictionary and, for PDF/A, the XMP metadata;
//  - Chromium takes only the title: the others are appended to its PDF as an
//    incremental update (a new Info dictionary; the bytes Chromium wrote stay).
// The <head> also gets a Content-Security-Policy that lets Chromium run no
// script and load nothing but the data: URIs galley embedded.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "galley/ast.hpp"

namespace galley::pdf {

struct DocInfo {
  std::string title, subject;
  std::vector<std::string> authors, keywords;
  long long created = 0, modified = 0;  // seconds since 1970, UTC
};
// Created: the article's date, else SOURCE_DATE_EPOCH; modified: galley's one
// rule (galley/time.hpp). Never the clock.
DocInfo doc_info(const Meta& meta, std::optional<long long> source_date_epoch);

// The print HTML with the <meta> elements above added right after its charset.
std::string add_properties(const std::string& html, const DocInfo& info);

// Appends an incremental update whose Info dictionary carries `info` (plus
// Creator galley, Producer `producer`). False, and the PDF unchanged, when its
// trailer is not a classic one this can extend.
bool append_info(std::string& pdf, const DocInfo& info, const std::string& producer);

// Chromium stamps its Info dictionary with the clock ("/CreationDate
// (D:20261201133248+00'00')"): each such date is overwritten in place, byte for
// byte the same length (the cross-reference offsets stay right), with the
// article's dates. Returns how many were replaced.
int pin_dates(std::string& pdf, const DocInfo& info);

}  // namespace galley::pdf
