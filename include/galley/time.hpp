// Time in outputs: one rule for every writer (docs/DETERMINISM.md).
//
// A writer that must record a time (EPUB's dcterms:modified, zip entry times)
// takes the article's own date (date-modified, else date) when it has one, else
// SOURCE_DATE_EPOCH, else kFixedEpoch, and always writes it in UTC. Nothing in
// the library reads the clock or the time zone.
#pragma once
#include <optional>
#include <string>

#include "galley/ast.hpp"

namespace galley {

// 1980-01-01T00:00:00Z: the earliest time a zip entry can carry.
inline constexpr long long kFixedEpoch = 315532800;

// A calendar date and time of day in UTC (proleptic Gregorian).
struct CivilTime {
  long long year = 1970;
  unsigned month = 1, day = 1, hour = 0, minute = 0, second = 0;
};
CivilTime civil_from_epoch(long long seconds);
long long days_from_civil(long long year, unsigned month, unsigned day);

// "YYYY[-MM[-DD]][Thh:mm[:ss]][Z|+hh:mm]" to seconds since 1970 (UTC); a missing
// month or day counts as the first, a missing zone as UTC. nullopt when it is no
// such date or the year is outside 1..9999.
std::optional<long long> iso_to_epoch(const std::string& iso);
// "CCYY-MM-DDThh:mm:ssZ".
std::string epoch_to_iso(long long seconds);

// The rule above: the article's date-modified, else its date, else
// `source_date_epoch`, else kFixedEpoch.
long long output_epoch(const Meta& meta, std::optional<long long> source_date_epoch);

}  // namespace galley
