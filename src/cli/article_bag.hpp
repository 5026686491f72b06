// The BagIt bag of one article: the source, each rendition, provenance.json and
// bag-info.txt. `galley package` writes it to a folder, .zip or .tar; `galley
// server`'s POST /package returns the zip. One place, so both make the same bag.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "cli/article.hpp"
#include "package/bagit.hpp"

namespace galley::cli {

struct ArticleBag {
  std::vector<bagit::File> files;  // bagit.txt, manifests, data/...
  long long when = 0;              // the bag's time: SOURCE_DATE_EPOCH, else the time it was finished
  std::size_t warnings = 0;        // while reading and writing
};

// `source_name` is the payload's source/ file name; `path` the input's path for the
// pipeline options; `started` the time the run started (provenance, without SOURCE_DATE_EPOCH).
// Throws galley::Error.
ArticleBag make_article_bag(const ArticleSettings& settings, const std::string& path, const std::string& source_name,
                            const std::string& source, const FormatSpec& from, const std::vector<FormatSpec>& formats,
                            const std::function<void(const Diagnostic&)>& on_emit, long long started);

// The renditions `galley package` makes: -t's list, else the writers marked in_packages.
std::vector<FormatSpec> package_formats(const Args& args, const Registry& reg);

// The bag as a zip with one top-level folder `top` (deterministic: entry times are bag.when).
std::string bag_zip(const ArticleBag& bag, const std::string& top);

}  // namespace galley::cli
