// A batch handed to another engine (Dask, Ray, a job queue): --plan prints what
// the batch would convert, --worker converts the articles it is handed. Both
// run on the same command line as the batch itself, so the engine never
// computes an output name, an up-to-date decision or a report entry itself.
//
//   galley [batch options] --plan    prints one JSON document on standard output:
//     {"galley", "formats", "output-dir", "shard", "inputs": <all inputs>,
//      "articles": [{"input", "reader", "outputs": [{"format", "path",
//                    "status": "pending" | "up-to-date"}]}]}
//   (the shard's articles, in order; "up-to-date" as decided by
//   cli/freshness.hpp when the plan is made). An article whose outputs are all
//   up to date also has "up-to-date": its --report entry, nothing to convert.
//
//   galley [batch options] --worker  reads plan articles, one JSON object a
//     line, on standard input; converts each (outputs marked "up-to-date" are
//     left alone, the others written atomically with their records, whatever
//     is on disk by then: so a task run twice writes the same bytes twice) and
//     answers with the article's --report entry on one line. A request that
//     does not fit the options (another reader, format or output folder) is
//     answered {"error": {"id", "message"}}. Ends at the end of its input.
#pragma once
#include "cli/args.hpp"
#include "galley/registry.hpp"

namespace galley::cli {

int run_plan(const Args& args, const Registry& reg);
int run_worker(const Args& args, const Registry& reg);

}  // namespace galley::cli
