#include "pdf/properties.hpp"

#include "galley/detail/xml.hpp"
#include "galley/meta.hpp"
#include "galley/time.hpp"

namespace galley::pdf {

std::string add_properties(const std::string& html, const Meta& meta, std::optional<long long> source_date_epoch) {
  using detail::escape;
  // Created: the article's date, else SOURCE_DATE_EPOCH; modified: galley's
  // one rule (galley/time.hpp). Never the clock.
  long long created = source_date_epoch.value_or(kFixedEpoch);
  if (auto d = meta_text(meta, "date"))
    if (auto e = iso_to_epoch(*d)) created = *e;
  long long modified = output_epoch(meta, source_date_epoch);
  if (modified < created) modified = created;

  std::string head =
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
      "style-src 'unsafe-inline'; font-src data:\">\n";
  head += "<meta name=\"dcterms.created\" content=\"" + epoch_to_iso(created) + "\">\n";
  head += "<meta name=\"dcterms.modified\" content=\"" + epoch_to_iso(modified) + "\">\n";
  std::string charset = "<meta charset=\"utf-8\">\n";
  auto at = html.find(charset);
  auto head_end = html.find("</head>");
  if (html.find("<meta name=\"description\"") > head_end) {
    auto subject = meta_text(meta, "description");
    if (!subject) subject = meta_text(meta, "subject");
    if (subject && !subject->empty()) head += "<meta name=\"description\" content=\"" + escape(*subject, true) + "\">\n";
  }
  std::size_t insert = at == std::string::npos ? (head_end == std::string::npos ? 0 : head_end) : at + charset.size();
  std::string out = html;
  out.insert(insert, head);
  return out;
}

}  // namespace galley::pdf
