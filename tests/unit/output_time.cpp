// Time in outputs (galley/time.hpp): calendar arithmetic against the C library's
// gmtime, the one rule for which date a writer records, and zip entry times
// that do not move with the time zone.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <ctime>
#include <random>
#include <string>

#include "galley/builder.hpp"
#include "galley/detail/zip.hpp"
#include "galley/time.hpp"

using namespace galley;

BOOST_AUTO_TEST_SUITE(output_time)
namespace {

// The DOS time and date fields of a zip's first local file header.
std::pair<unsigned, unsigned> first_entry_dos_time(const std::string& zip) {
  BOOST_REQUIRE(zip.size() > 30 && zip.compare(0, 4, "PK\x03\x04") == 0);
  auto u16 = [&](std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(zip[at])) |
           static_cast<unsigned>(static_cast<unsigned char>(zip[at + 1])) << 8;
  };
  return {u16(10), u16(12)};
}

Meta meta_with(std::initializer_list<std::pair<const char*, const char*>> kv) {
  Meta m;
  for (auto& [k, v] : kv) m[k] = MetaValue(MetaString{v});
  return m;
}

// Sets TZ for the scope: the functions under test must not care.
struct TimeZone {
  std::string old;
  bool had;
  explicit TimeZone(const char* tz) : had(std::getenv("TZ") != nullptr) {
    if (had) old = std::getenv("TZ");
    setenv("TZ", tz, 1);
    tzset();
  }
  ~TimeZone() {
    if (had) setenv("TZ", old.c_str(), 1);
    else unsetenv("TZ");
    tzset();
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(civil_time_matches_gmtime) {
  TimeZone tz("Asia/Tokyo");
  std::mt19937_64 rng(12345);
  // 1600 .. 2400, plus the edges that calendars get wrong.
  std::uniform_int_distribution<long long> any(-11676096000LL, 13569465600LL);
  std::vector<long long> samples = {0, -1, 86399, 86400, 951782400 /* 2000-02-29 */, 4107542400 /* 2100-03-01 */,
                                    -2203891200 /* 1900-03-01 */, 315532800, 4354819198};
  for (int i = 0; i < 20000; ++i) samples.push_back(any(rng));
  for (long long t : samples) {
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    BOOST_REQUIRE(gmtime_r(&tt, &tm));
    CivilTime c = civil_from_epoch(t);
    BOOST_TEST_CONTEXT("t = " << t) {
      BOOST_TEST(c.year == tm.tm_year + 1900LL);
      BOOST_TEST(c.month == static_cast<unsigned>(tm.tm_mon + 1));
      BOOST_TEST(c.day == static_cast<unsigned>(tm.tm_mday));
      BOOST_TEST(c.hour == static_cast<unsigned>(tm.tm_hour));
      BOOST_TEST(c.minute == static_cast<unsigned>(tm.tm_min));
      BOOST_TEST(c.second == static_cast<unsigned>(tm.tm_sec));
      BOOST_TEST(days_from_civil(c.year, c.month, c.day) * 86400 + c.hour * 3600 + c.minute * 60 + c.second == t);
      if (c.year >= 1 && c.year <= 9999) BOOST_TEST((iso_to_epoch(epoch_to_iso(t)) == t));
    }
  }
}

BOOST_AUTO_TEST_CASE(iso_dates_with_zones) {
  BOOST_TEST(epoch_to_iso(0) == "1970-01-01T00:00:00Z");
  BOOST_TEST((iso_to_epoch("2019-11-25T13:38:00+01:00") == iso_to_epoch("2019-11-25T12:38:00Z")));
  BOOST_TEST((iso_to_epoch("2019-11-25T06:08-05:30") == iso_to_epoch("2019-11-25T11:38:00Z")));
  BOOST_TEST((iso_to_epoch("2019-11") == iso_to_epoch("2019-11-01T00:00:00Z")));
  BOOST_TEST((iso_to_epoch("2019") == iso_to_epoch("2019-01-01")));
  BOOST_TEST(!iso_to_epoch("25.11.2019"));
  BOOST_TEST(!iso_to_epoch("0000-01-01"));
}

BOOST_AUTO_TEST_CASE(the_one_rule) {
  const long long sde = 1700000000;
  // The article's own date first, date-modified before date ...
  BOOST_TEST(output_epoch(meta_with({{"date", "2020-05-01"}, {"date-modified", "2021-06-02T10:00:00Z"}}), sde) ==
             *iso_to_epoch("2021-06-02T10:00:00Z"));
  BOOST_TEST(output_epoch(meta_with({{"date", "2020-05-01"}}), sde) == *iso_to_epoch("2020-05-01"));
  // ... an unreadable date is no date ...
  BOOST_TEST(output_epoch(meta_with({{"date", "Monday"}}), sde) == sde);
  // ... then SOURCE_DATE_EPOCH, then the fixed epoch.
  BOOST_TEST(output_epoch(Meta{}, sde) == sde);
  BOOST_TEST(output_epoch(Meta{}, std::nullopt) == kFixedEpoch);
}

BOOST_AUTO_TEST_CASE(zip_times_are_utc_whatever_the_zone) {
  const long long t = *iso_to_epoch("2024-05-12T23:15:42Z");
  std::string made_in[3];
  const char* zones[] = {"UTC", "Asia/Tokyo", "America/New_York"};
  for (int i = 0; i < 3; ++i) {
    TimeZone tz(zones[i]);
    made_in[i] = detail::make_zip({{"mimetype", "application/epub+zip", true}}, t);
  }
  BOOST_TEST(made_in[0] == made_in[1]);
  BOOST_TEST(made_in[0] == made_in[2]);
  auto [dos_time, dos_date] = first_entry_dos_time(made_in[0]);
  BOOST_TEST(dos_date == ((2024u - 1980u) << 9 | 5u << 5 | 12u));
  BOOST_TEST(dos_time == (23u << 11 | 15u << 5 | 42u / 2));
  // Outside what a DOS time can hold: clamped, not wrapped.
  auto early = first_entry_dos_time(detail::make_zip({{"a", "x", true}}, 0));
  BOOST_TEST(early.second == (0u << 9 | 1u << 5 | 1u));
  BOOST_TEST(early.first == 0u);
  auto late = first_entry_dos_time(detail::make_zip({{"a", "x", true}}, *iso_to_epoch("2200-01-01")));
  BOOST_TEST(late.second == (127u << 9 | 12u << 5 | 31u));
}

BOOST_AUTO_TEST_SUITE_END()
