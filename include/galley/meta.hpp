// Reading the article metadata contract (docs/METADATA.md) in writers.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "galley/ast.hpp"

namespace galley {

const MetaValue* meta_get(const Meta& meta, const std::string& key);

// The value as inlines: MetaInlines as is, MetaString split into words,
// MetaBlocks flattened, MetaBool "true"/"false", MetaList/MetaMap stringified.
std::optional<Inlines> meta_inlines(const Meta& meta, const std::string& key);
// The value as plain text (stringify); nullopt when absent or empty.
std::optional<std::string> meta_text(const Meta& meta, const std::string& key);
// The value as blocks (MetaBlocks as is; inline values wrapped in Para).
std::optional<Blocks> meta_blocks(const Meta& meta, const std::string& key);

// A person from `author`: either MetaInlines/MetaString, or a MetaMap with
// name (+ email, affiliation, orcid, given, surname).
struct Person {
  Inlines name;
  std::string name_text;
  std::string given, surname, email, affiliation, orcid;
};
std::vector<Person> meta_authors(const Meta& meta, const std::string& key = "author");

// A list of strings from a MetaList (or a single value): keywords.
std::vector<std::string> meta_text_list(const Meta& meta, const std::string& key);

// An ISO 8601 date "YYYY[-MM[-DD]][Thh:mm[:ss]][zone]" split into parts.
struct DateParts {
  int year = 0, month = 0, day = 0;  // 0 = absent
  std::string time;                  // "13:38" or "13:38:05", may be empty
  std::string zone;                  // "+07:00", "Z" or empty
  std::string iso_date() const;      // "2019-11-25" / "2019-11" / "2019"
};
std::optional<DateParts> parse_iso_date(const std::string& s);

}  // namespace galley
