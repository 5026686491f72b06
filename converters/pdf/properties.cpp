#include "pdf/properties.hpp"

#include <cstdio>
#include <string_view>
#include <utility>

#include "galley/detail/xml.hpp"
#include "pdf/pdf_update.hpp"
#include "galley/meta.hpp"
#include "galley/text.hpp"
#include "galley/time.hpp"

namespace galley::pdf {

DocInfo doc_info(const Meta& meta, std::optional<long long> source_date_epoch) {
  DocInfo d;
  if (auto t = meta_inlines(meta, "title")) d.title = std::string(trim(stringify(*t)));
  for (auto& a : meta_authors(meta))
    if (!a.name_text.empty()) d.authors.push_back(a.name_text);
  d.keywords = meta_text_list(meta, "keywords");
  for (const char* k : {"abstract", "description", "subject"})
    if (auto s = meta_text(meta, k); s && !s->empty()) {
      d.subject = *s;
      break;
    }
  d.created = source_date_epoch.value_or(kFixedEpoch);
  if (auto date = meta_text(meta, "date"))
    if (auto e = iso_to_epoch(*date)) d.created = *e;
  d.modified = output_epoch(meta, source_date_epoch);
  if (d.modified < d.created) d.modified = d.created;
  return d;
}

std::string add_properties(const std::string& html, const DocInfo& info) {
  using detail::escape;
  std::string head =
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
      "style-src 'unsafe-inline'; font-src data:\">\n";
  head += "<meta name=\"dcterms.created\" content=\"" + epoch_to_iso(info.created) + "\">\n";
  head += "<meta name=\"dcterms.modified\" content=\"" + epoch_to_iso(info.modified) + "\">\n";
  const std::string charset = "<meta charset=\"utf-8\">\n";
  auto at = html.find(charset);
  auto head_end = html.find("</head>");
  // The print HTML's description is the abstract; without one, the description or subject.
  if (html.find("<meta name=\"description\"") > head_end && !info.subject.empty())
    head += "<meta name=\"description\" content=\"" + escape(info.subject, true) + "\">\n";
  std::size_t insert = at != std::string::npos ? at + charset.size() : head_end != std::string::npos ? head_end : 0;
  std::string out = html;
  out.insert(insert, head);
  return out;
}

namespace {

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

bool digits(const std::string& s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return false;
  for (std::size_t i = at; i < at + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

}  // namespace

int pin_dates(std::string& pdf, const DocInfo& info) {
  int replaced = 0;
  for (auto [key, epoch] : {std::pair<std::string, long long>{"/CreationDate (D:", info.created}, {"/ModDate (D:", info.modified}}) {
    for (std::size_t at = pdf.find(key); at != std::string::npos; at = pdf.find(key, at + 1)) {
      std::size_t d = at + key.size();  // YYYYMMDDHHmmSS then +HH'mm' or Z
      if (!digits(pdf, d, 14)) continue;
      std::size_t z = d + 14;
      std::size_t len;
      if (z < pdf.size() && pdf[z] == 'Z') len = 15;
      else if (z + 7 <= pdf.size() && (pdf[z] == '+' || pdf[z] == '-') && digits(pdf, z + 1, 2) && pdf[z + 3] == '\'' &&
               digits(pdf, z + 4, 2) && pdf[z + 6] == '\'')
        len = 21;
      else continue;
      CivilTime t = civil_from_epoch(epoch);
      char buf[32];
      std::snprintf(buf, sizeof buf, len == 15 ? "%04lld%02u%02u%02u%02u%02uZ" : "%04lld%02u%02u%02u%02u%02u+00'00'",
                    t.year, t.month, t.day, t.hour, t.minute, t.second);
      if (std::string_view(buf).size() != len) continue;  // a year past 9999: leave it
      pdf.replace(d, len, buf);
      ++replaced;
    }
  }
  return replaced;
}

bool append_info(std::string& pdf, const DocInfo& info, const std::string& producer) {
  auto trailer = read_trailer(pdf);
  if (!trailer) return false;
  std::string dict = "<<";
  if (!info.title.empty()) dict += "/Title " + pdf_text(info.title) + "\n";
  if (!info.authors.empty()) dict += "/Author " + pdf_text(join(info.authors)) + "\n";
  if (!info.subject.empty()) dict += "/Subject " + pdf_text(info.subject) + "\n";
  if (!info.keywords.empty()) dict += "/Keywords " + pdf_text(join(info.keywords)) + "\n";
  dict += "/Creator (galley)\n/Producer " + pdf_text(producer) + "\n";
  dict += "/CreationDate " + pdf_date(info.created) + "\n/ModDate " + pdf_date(info.modified) + ">>";
  append_update(pdf, *trailer, {{trailer->size, dict}}, std::to_string(trailer->size) + " 0 R");
  return true;
}

}  // namespace galley::pdf
