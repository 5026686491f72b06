// Many inputs, one output: writers whose registry entry sets joins_documents
// (feeds, message envelopes). Each input is read on its own, with the reader its
// name (or -f) selects, and the writer's write_many makes the one output.
#pragma once
#include "cli/args.hpp"
#include "galley/registry.hpp"

namespace galley::cli {

// Does this command line write one output from documents read separately? (One
// format in --to, or guessed from -o, whose writer joins documents; no --output-dir.)
bool is_joined(const Args& args, const Registry& reg);

// Reads every input (arguments, then --manifest), writes the one output to -o or
// standard output: Writer::write_many for several inputs, Writer::write for one. Returns the exit status (0, or 6 with --fail-if-warnings).
int run_joined(const Args& args, const Registry& reg);

}  // namespace galley::cli
