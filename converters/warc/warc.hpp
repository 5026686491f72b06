#pragma once
#include <memory>
#include <string_view>
#include <vector>

#include "galley/format.hpp"
#include "galley/registry.hpp"
namespace galley::warc {
// WARC 1.0/1.1 (plain or .warc.gz) and WACZ: one page through the html reader,
// its images from the archive as the document's resources.
std::unique_ptr<Reader> make_reader();
std::vector<ExtensionInfo> reader_extensions();
// The pages of an archive (ReaderEntry::list_articles).
std::vector<ArchiveArticle> list_articles(std::string_view input, const ReaderOptions& options, Diagnostics& diag);
}  // namespace galley::warc
