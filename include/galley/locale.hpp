// The words and dates writers add to a document in its language: the one
// localisation table that the EPUB, print HTML and JATS writers (and the
// syndication writers to come) share, so that a label or a date is written the
// same way everywhere. Languages: en, fr, de, es, vi; others get English labels
// and ISO dates.
#pragma once
#include <string>
#include <string_view>

#include "galley/meta.hpp"

namespace galley {

// "pt-BR" -> "pt", "en_GB" -> "en", "DE" -> "de".
std::string primary_language(std::string_view tag);

// Interface words, by concept.
enum class Label {
  Contents,    // table of contents
  Landmarks,   // EPUB landmarks
  TitlePage,
  Cover,
  StartOfContent,
  Notes,
  Source,
  Licence,
  Updated,
  By,          // byline prefix with its space ("By "), "" where the language uses none
  And,         // between the last two names, with spaces (" and ")
  Image,       // link text for an image that has no alt text
};
std::string label(Label which, std::string_view lang);
// Whether `lang` has labels of its own (else they are English).
bool has_labels(std::string_view lang);

// A date as readers of the language write it.
enum class DateStyle {
  Long,   // "Monday, November 25, 2019, 13:38 (UTC+07:00)": the print masthead
  Short,  // "25 November 2019, 13:38": the EPUB title page
};
std::string display_date(const DateParts& date, std::string_view lang, DateStyle style);

// A valid value for HTML's <time datetime>, or "" when the date has no valid year.
std::string html_datetime(const DateParts& date);

}  // namespace galley
