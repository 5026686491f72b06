// What a batch converts, decided before any conversion: the formats, the inputs
// (arguments and --manifest, deduplicated by real path, sorted bytewise), every
// input's output names (over all inputs, so every shard agrees) and this shard's
// part. Batch mode, --plan and the --worker of distributed runs all start here.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "cli/article.hpp"
#include "cli/shard.hpp"
#include "galley/registry.hpp"

namespace galley::cli {

struct BatchPlan {
  ArticleSettings settings;
  std::vector<FormatSpec> formats;
  std::vector<std::string> suffix;  // per format (output_suffixes)
  std::vector<std::string> inputs;  // all of them, sorted
  std::vector<std::string> names;   // per input: output path below --output-dir, without suffix
  Shard shard;
  std::vector<std::size_t> chosen;  // this shard's inputs (indices into `inputs`)

  // The output path of this shard's article `slot` in format `f`.
  std::string output_path(std::size_t slot, std::size_t f) const;
  const std::string& input(std::size_t slot) const { return inputs[chosen[slot]]; }
};

// Throws UsageError for bad options (no --output-dir, -o, no inputs, "-" as an input).
BatchPlan make_plan(const Args& args, const Registry& reg);

// Output paths (relative to the output folder, without extension) for inputs:
// the input's stem, or, for inputs sharing a stem, the stem below as many of
// the input's parent folders as tell them apart ("001/source"); inputs that
// still collide (a.txt and a.html in one folder) keep their extension
// ("a.txt"). Matching ignores case (case-insensitive file systems).
std::vector<std::string> output_names(const std::vector<std::string>& inputs);

// The paths a --manifest file lists (one a line; blank lines and '#' comments
// skipped; relative paths below the manifest's folder), "-" for standard input.
std::vector<std::string> read_manifest(const std::string& file);

}  // namespace galley::cli
