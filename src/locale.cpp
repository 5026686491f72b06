// See locale.hpp. Month and weekday names, label words and date orders by language.
#include "galley/locale.hpp"

#include <cstdio>

#include "galley/text.hpp"

namespace galley {

namespace {

struct Words {
  const char* lang;
  const char* labels[12];  // in the order of enum Label
};

const Words kWords[] = {
    {"en", {"Contents", "Landmarks", "Title page", "Cover", "Start of content", "Notes", "Source", "Licence", "Updated",
            "By ", " and ", "Image"}},
    {"vi", {"Mục lục", "Mốc điều hướng", "Trang tiêu đề", "Bìa", "Bắt đầu nội dung", "Chú thích", "Nguồn", "Giấy phép",
            "Cập nhật", "", " và ", "Ảnh"}},
    {"fr", {"Table des matières", "Repères", "Page de titre", "Couverture", "Début du contenu", "Notes", "Source",
            "Licence", "Mis à jour", "Par ", " et ", "Image"}},
    {"de", {"Inhalt", "Orientierungspunkte", "Titelseite", "Umschlag", "Textanfang", "Anmerkungen", "Quelle", "Lizenz",
            "Aktualisiert", "Von ", " und ", "Bild"}},
    {"es", {"Índice", "Puntos de referencia", "Portada interior", "Cubierta", "Inicio del contenido", "Notas", "Fuente",
            "Licencia", "Actualizado", "Por ", " y ", "Imagen"}},
};

const Words* words_for(std::string_view lang) {
  std::string p = primary_language(lang);
  for (const auto& w : kWords)
    if (p == w.lang) return &w;
  return nullptr;
}

const char* const kMonths[][12] = {
    {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
     "December"},
    {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
     "décembre"},
    {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
     "Dezember"},
};
const char* const kWeekdays[][7] = {
    {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
    {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
    {"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
    {"Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"},
};
enum { kEn, kFr, kDe, kVi };

int weekday(int y, int m, int d) {  // 0 = Sunday (Sakamoto's method)
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

std::string long_date(const DateParts& d, const std::string& p) {
  std::string y = std::to_string(d.year), out;
  bool valid_month = d.month >= 1 && d.month <= 12;
  bool valid_day = valid_month && d.day >= 1 && d.day <= 31;
  std::string time = d.time.size() >= 5 ? d.time.substr(0, 5) : d.time;
  if (p == "vi") {
    if (valid_day)
      out = std::string(kWeekdays[kVi][weekday(d.year, d.month, d.day)]) + ", " + std::to_string(d.day) + "/" +
            std::to_string(d.month) + "/" + y;
    else if (valid_month) out = "tháng " + std::to_string(d.month) + "/" + y;
    else out = y;
    if (!time.empty()) out += ", " + time;
  } else if (p == "fr") {
    if (valid_day)
      out = std::string(kWeekdays[kFr][weekday(d.year, d.month, d.day)]) + " " +
            (d.day == 1 ? "1er" : std::to_string(d.day)) + " " + kMonths[kFr][d.month - 1] + " " + y;
    else if (valid_month) out = std::string(kMonths[kFr][d.month - 1]) + " " + y;
    else out = y;
    if (time.size() == 5) out += ", " + time.substr(0, 2) + "\u202Fh\u202F" + time.substr(3, 2);
  } else if (p == "de") {
    if (valid_day)
      out = std::string(kWeekdays[kDe][weekday(d.year, d.month, d.day)]) + ", " + std::to_string(d.day) + ". " +
            kMonths[kDe][d.month - 1] + " " + y;
    else if (valid_month) out = std::string(kMonths[kDe][d.month - 1]) + " " + y;
    else out = y;
    if (!time.empty()) out += ", " + time + " Uhr";
  } else if (p == "en" || p.empty() || p == "und") {
    if (valid_day)
      out = std::string(kWeekdays[kEn][weekday(d.year, d.month, d.day)]) + ", " + kMonths[kEn][d.month - 1] + " " +
            std::to_string(d.day) + ", " + y;
    else if (valid_month) out = std::string(kMonths[kEn][d.month - 1]) + " " + y;
    else out = y;
    if (!time.empty()) out += ", " + time;
  } else {
    out = d.iso_date();
    if (!time.empty()) out += " " + time;
  }
  if (!d.zone.empty() && !time.empty()) out += " (" + (d.zone == "Z" ? std::string("UTC") : "UTC" + d.zone) + ")";
  return out;
}

std::string short_date(const DateParts& d, const std::string& p) {
  std::string out;
  char buf[64];
  bool valid_month = d.month >= 1 && d.month <= 12;
  if (d.day && valid_month) {
    if (p == "en") std::snprintf(buf, sizeof buf, "%d %s %d", d.day, kMonths[kEn][d.month - 1], d.year);
    else if (p == "fr") std::snprintf(buf, sizeof buf, "%d %s %d", d.day, kMonths[kFr][d.month - 1], d.year);
    else if (p == "de") std::snprintf(buf, sizeof buf, "%d. %s %d", d.day, kMonths[kDe][d.month - 1], d.year);
    else if (p == "vi" || p == "es" || p == "it" || p == "pt")
      std::snprintf(buf, sizeof buf, "%02d/%02d/%d", d.day, d.month, d.year);
    else
      std::snprintf(buf, sizeof buf, "%s", d.iso_date().c_str());
    out = buf;
  } else if (valid_month && p == "en") {
    std::snprintf(buf, sizeof buf, "%s %d", kMonths[kEn][d.month - 1], d.year);
    out = buf;
  } else {
    out = d.iso_date();
  }
  if (!d.time.empty()) out += (p == "vi" ? " " : ", ") + d.time.substr(0, 5);
  return out;
}

}  // namespace

std::string primary_language(std::string_view tag) { return ascii_lower(tag.substr(0, tag.find_first_of("-_"))); }

std::string label(Label which, std::string_view lang) {
  const Words* w = words_for(lang);
  return (w ? w : &kWords[0])->labels[static_cast<int>(which)];
}

bool has_labels(std::string_view lang) { return words_for(lang) != nullptr; }

std::string display_date(const DateParts& date, std::string_view lang, DateStyle style) {
  std::string p = primary_language(lang);
  return style == DateStyle::Long ? long_date(date, p) : short_date(date, p);
}

std::string html_datetime(const DateParts& d) {
  if (d.year <= 0 || d.year > 9999) return {};
  std::string s = d.iso_date();
  if (d.month && d.day && !d.time.empty()) s += "T" + d.time + d.zone;
  return s;
}

}  // namespace galley
