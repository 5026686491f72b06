// Reproducible zip archives (EPUB containers, packaged bags) with libzip:
// entries in the given order, fixed modification times, no extra fields.
#pragma once
#include <string>
#include <vector>

namespace galley::detail {

struct ZipEntry {
  std::string name;
  std::string data;
  bool store = false;  // true = no compression (EPUB's mimetype)
};

// Build the archive in memory. `mtime` is a Unix time for every entry, written
// in UTC and clamped to the range zip times can hold (1980..2107).
// Throws OutputError "galley.zip" on failure.
std::string make_zip(const std::vector<ZipEntry>& entries, long long mtime);

// Read an archive (for tests and package validation): name -> data, in order.
std::vector<ZipEntry> read_zip(const std::string& bytes);

}  // namespace galley::detail
