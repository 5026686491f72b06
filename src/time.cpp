// Calendar arithmetic in UTC without the C library's time zone (see time.hpp).
// The day counts follow the well-known era/day-of-era decomposition of the
// Gregorian calendar (400-year eras of 146,097 days).
#include "galley/time.hpp"

#include <cstdio>

#include "galley/meta.hpp"

namespace galley {

long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

CivilTime civil_from_epoch(long long t) {
  long long days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  long long secs = t - days * 86400;
  long long z = days + 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  CivilTime c;
  c.day = doy - (153 * mp + 2) / 5 + 1;
  c.month = mp < 10 ? mp + 3 : mp - 9;
  c.year = static_cast<long long>(yoe) + era * 400 + (c.month <= 2);
  c.hour = static_cast<unsigned>(secs / 3600);
  c.minute = static_cast<unsigned>((secs / 60) % 60);
  c.second = static_cast<unsigned>(secs % 60);
  return c;
}

std::optional<long long> iso_to_epoch(const std::string& iso) {
  auto p = parse_iso_date(iso);
  if (!p || p->year < 1 || p->year > 9999) return std::nullopt;
  long long t = days_from_civil(p->year, p->month ? static_cast<unsigned>(p->month) : 1u,
                                p->day ? static_cast<unsigned>(p->day) : 1u) * 86400;
  int hh = 0, mm = 0, ss = 0;
  if (!p->time.empty() && std::sscanf(p->time.c_str(), "%d:%d:%d", &hh, &mm, &ss) >= 2)
    t += hh * 3600LL + mm * 60LL + ss;
  // "+hh:mm", "+hhmm" (ISO 8601's basic form, common in web pages' dates) or "+hh":
  // a zone not read would move the time silently by its offset.
  const std::string& z = p->zone;
  auto digits = [&](std::size_t at) { return z[at] >= '0' && z[at] <= '9' && z[at + 1] >= '0' && z[at + 1] <= '9'; };
  if (z.size() >= 3 && (z[0] == '+' || z[0] == '-') && digits(1)) {
    int zh = (z[1] - '0') * 10 + (z[2] - '0'), zm = 0;
    if (z.size() == 6 && z[3] == ':' && digits(4)) zm = (z[4] - '0') * 10 + (z[5] - '0');
    else if (z.size() == 5 && digits(3)) zm = (z[3] - '0') * 10 + (z[4] - '0');
    else if (z.size() != 3) zh = 0;
    long long off = zh * 3600LL + zm * 60LL;
    t -= z[0] == '+' ? off : -off;
  }
  return t;
}

std::string epoch_to_iso(long long t) {
  CivilTime c = civil_from_epoch(t);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02u:%02u:%02uZ", c.year, c.month, c.day, c.hour, c.minute,
                c.second);
  return buf;
}

long long output_epoch(const Meta& meta, std::optional<long long> source_date_epoch) {
  for (const char* key : {"date-modified", "date"})
    if (auto d = meta_text(meta, key))
      if (auto t = iso_to_epoch(*d)) return *t;
  return source_date_epoch ? *source_date_epoch : kFixedEpoch;
}

}  // namespace galley
