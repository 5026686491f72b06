// Batch mode: many articles, several formats each, converted in parallel.
#pragma once
#include "cli/args.hpp"
#include "cli/batch_plan.hpp"  // read_manifest, output_names
#include "galley/registry.hpp"

namespace galley::cli {

// Is this command line a batch (--output-dir, --manifest, a list in --to, --plan, --worker)?
bool is_batch(const Args& args);

// Runs the batch; returns the exit status (0 ok, 1 some failed, 6 warnings
// with --fail-if-warnings). Throws UsageError for bad options.
int run_batch(const Args& args, const Registry& reg);

}  // namespace galley::cli
