// Command-line arguments of `galley`, pandoc-shaped. Parsing only; no format logic.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "galley/options.hpp"

namespace galley::cli {

struct Args {
  std::vector<std::string> inputs;
  std::string from, to, output;
  bool standalone = false;
  std::vector<std::pair<std::string, std::string>> metadata;  // -M KEY[=VAL]
  std::vector<std::string> metadata_files;
  std::vector<std::string> filters;
  std::vector<std::string> resource_path;
  std::string resource_root;
  std::vector<std::pair<std::string, std::string>> variables;  // -V KEY[=VAL]
  std::vector<std::string> css;
  std::string cover_image, encoding, source_url;
  std::string url;                              // --url: the article of an archive input (a WARC's page)
  bool fetch_resources = false, allow_private_network = false;  // --fetch-resources (src/fetch/)
  std::string pdf_engine;                    // --pdf-engine
  std::vector<std::string> pdf_engine_opts;  // --pdf-engine-opt, repeatable
  int columns = 72;
  WrapMode wrap = WrapMode::Auto;
  int pandoc_api = 23;
  int split_level = 1;
  bool toc = false;
  bool verbose = false, quiet = false, fail_if_warnings = false;
  std::optional<std::size_t> max_input_size, max_nesting;
  std::optional<std::size_t> max_fetch_count, max_fetch_size;  // --fetch-resources' budget per article
  // batch mode (src/cli/batch.cpp) and `galley package` (src/cli/package.cpp)
  std::string output_dir, manifest, report, shard;
  int jobs = 0;  // 0 = the number of cores
  bool force = false, validate = false;
  bool plan = false, worker = false;  // batch handed to another engine (src/cli/batch_worker.hpp)
  // informational actions
  bool help = false, version = false, list_input = false, list_output = false;
  std::optional<std::string> list_extensions;  // "" = all formats
};

// Throws UsageError "galley.cli.usage" with a message naming the bad argument.
Args parse_args(int argc, char** argv);

}  // namespace galley::cli
