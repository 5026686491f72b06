// The command line's options turned into the library's pipeline options
// (galley/convert.hpp), for the single-file mode (main.cpp), batch mode
// (batch.cpp) and archival packages (package.cpp) alike: one article is read
// once with read_article and written in each format with write_article.
#pragma once
#include <atomic>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/args.hpp"
#include "galley/ast.hpp"
#include "galley/convert.hpp"
#include "galley/diagnostics.hpp"
#include "galley/input_index.hpp"
#include "galley/registry.hpp"

namespace galley::cli {

// Settings common to every article of a run, prepared once (metadata files
// parsed, SOURCE_DATE_EPOCH checked). Throws UsageError / InputError.
struct ArticleSettings {
  const Args* args = nullptr;
  const Registry* registry = nullptr;
  std::vector<FormatSpec> from;  // -f entries (comma list), resolved reader names
  std::vector<std::pair<std::string, MetaValue>> metadata;  // --metadata-file then -M, in order
  std::optional<long long> source_date_epoch;
  // Set by `galley server`: where files may be read, in place of --resource-root/-path.
  std::optional<Resources> resources;
  const std::atomic<bool>* cancel = nullptr;  // ConvertOptions::cancel (the server's time limit)
  // --fetch-resources: one fetcher (and cache) for every article of the run.
  std::shared_ptr<ResourceFetcher> fetcher;
  // Archive indexes shared by the articles of the run (each archive indexed once).
  std::shared_ptr<InputIndexCache> indexes = std::make_shared<InputIndexCache>();
};
ArticleSettings prepare_settings(const Args& args, const Registry& reg);

// "epub,jats" -> specs, each checked against the registry (UsageError).
std::vector<FormatSpec> parse_format_list(const std::string& list, const Registry& reg, bool writers);

// The reader spec for an input: the detected reader with the extensions of
// the -f entry naming it (batch), or the single -f entry (force = true).
FormatSpec reader_spec_for(const ArticleSettings& s, const std::string& path, bool force);

// The file suffix of each format's output; formats that share one get their name
// in it ("jats_archiving" and "jats_publishing": ".jats_archiving.xml", ".jats_publishing.xml").
std::vector<std::string> output_suffixes(const Registry& reg, const std::vector<FormatSpec>& formats);

// The pipeline options for one input (its path, "-" for standard input) read
// with `from` and written with `to` (either may be empty when only the other half runs).
ConvertOptions convert_options(const ArticleSettings& s, const std::string& path, const FormatSpec& from,
                               const FormatSpec& to);

// All of standard input; InputError galley.io.too-large past `max_input` bytes
// (--max-input-size), checked as it arrives.
std::string read_stdin(std::size_t max_input);

// Does the reader `from` read this input's file itself (ReaderEntry::opens_input,
// and the input is a regular file, not standard input)? Then the caller reads no
// bytes and passes from_file to read_article: a multi-GB archive is never held.
bool reads_input_file(const ArticleSettings& s, const std::string& path, const FormatSpec& from);

// galley::read_document for one input (resource root: the input's folder unless
// --resource-root), metadata included; from_file: the reader is given the input's
// path (ReaderOptions::input_file) and `bytes` is empty. Throws galley::Error.
Document read_article(const ArticleSettings& s, const std::string& path, std::string_view bytes, const FormatSpec& from,
                      Diagnostics& diag, bool from_file = false);
// galley::write_document: the filters (given the format's name), then the writer.
// Single-file mode's two ends, shared by one-article and joined conversions:
// refuse binary output to a terminal before any work; write the result to -o
// (atomically) or standard output (a short write is an error), and return the exit
// code (6 under --fail-if-warnings when there were warnings, else 0).
void check_output_target(const Args& args, const WriterEntry& writer);
int deliver_output(const Args& args, std::string_view out, const Diagnostics& diag);

std::string write_article(const ArticleSettings& s, const std::string& path, const Document& doc, const FormatSpec& to,
                          Diagnostics& diag);

}  // namespace galley::cli
