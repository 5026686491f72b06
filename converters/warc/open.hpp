// An archive opened for reading: from the bytes the reader was given, or
// (ReaderOptions::input_file) from the file itself, read with pread record by
// record so that memory does not grow with the file. A WACZ's stored WARCs are
// windows on the same file. With ReaderOptions::indexes the index is made once
// per file and shared by every article read from it (batch mode).
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "galley/detail/zip.hpp"
#include "galley/diagnostics.hpp"
#include "galley/input_index.hpp"
#include "galley/options.hpp"
#include "warc/archive.hpp"

namespace galley::warc {

struct OpenedArchive : InputIndex {
  std::shared_ptr<std::vector<detail::ZipEntry>> zip;  // a compressed WACZ, read whole
  std::string held;                                    // its bytes (a file fallen back to memory)
  std::unique_ptr<Archive> archive;
  std::vector<Diagnostic> warnings;                    // indexing's, given again to each article
};

// The archive, its indexing warnings emitted into `diag` (again for every
// article when the index is shared). Throws InputError.
std::shared_ptr<const OpenedArchive> open_archive(std::string_view input, const ReaderOptions& o, Diagnostics& diag);

}  // namespace galley::warc
