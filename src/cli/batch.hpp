// Batch mode: many articles, several formats each, converted in parallel.
#pragma once
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "galley/registry.hpp"

namespace galley::cli {

// Is this command line a batch (--output-dir, --manifest, or a list in --to)?
bool is_batch(const Args& args);

// Output paths (relative to the output folder, without extension) for inputs:
// the input's stem, or, for inputs sharing a stem, the stem below as many of
// the input's parent folders as tell them apart ("001/source"); inputs that
// still collide (a.txt and a.html in one folder) keep their extension
// ("a.txt"). Matching ignores case (case-insensitive file systems).
std::vector<std::string> output_names(const std::vector<std::string>& inputs);

// The paths a --manifest file lists (one a line; blank lines and '#' comments
// skipped; relative paths below the manifest's folder), "-" for standard input.
std::vector<std::string> read_manifest(const std::string& file);

// Runs the batch; returns the exit status (0 ok, 1 some failed, 6 warnings
// with --fail-if-warnings). Throws UsageError for bad options.
int run_batch(const Args& args, const Registry& reg);

}  // namespace galley::cli
