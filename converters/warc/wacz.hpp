// The WARCs inside a WACZ (a zip) found without reading the zip whole: the
// central directory is read from the end of the source, and each archive/*.warc
// or archive/*.warc.gz entry stored without compression (as the WACZ
// specification asks) becomes a window on the same source. Entries stored
// compressed are reported, so that the caller can fall back to reading the zip.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "warc/stream.hpp"

namespace galley::warc {

struct ZipMember {
  std::string name;
  std::uint64_t offset = 0;  // of the data (past the local header)
  std::uint64_t size = 0;    // compressed size (= size when stored)
  bool stored = false;       // method 0, not encrypted
};

// The WARC members of a zip (below archive/, ending .warc or .warc.gz), in
// central directory order. Throws InputError "galley.warc.wacz" when the zip's
// directory is broken.
// `*declared` (when given): the uncompressed sizes of all entries together, as
// the directory declares them (what reading the zip whole would allocate).
std::vector<ZipMember> wacz_members(const ByteSource& zip, std::uint64_t* declared = nullptr);

bool looks_like_zip(const ByteSource& src);

}  // namespace galley::warc
