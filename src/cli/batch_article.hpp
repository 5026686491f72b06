// One article of a batch: read once, written in every format whose output is
// not up to date, each output atomically with its up-to-date record; and the
// article's entry in the --report JSON. Batch mode's threads and the --worker
// of distributed runs both convert through here, so their outputs, records and
// report entries cannot differ.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/article.hpp"
#include "cli/freshness.hpp"
#include "galley/diagnostics.hpp"

namespace galley::cli {

struct OutputResult {
  std::string format, path;
  enum { Pending, Written, UpToDate, Failed } status = Pending;
  std::size_t bytes = 0;
  std::vector<Diagnostic> warnings;
  std::string error_id, error;
};

struct ArticleResult {
  enum { Pending, Converted, Skipped, Failed } status = Pending;
  std::string reader;
  std::vector<Diagnostic> read_warnings;
  std::vector<OutputResult> outputs;
  std::string error_id, error;  // reading failed (outputs then all Failed)
  double seconds = 0;
  std::size_t warning_count() const;
  std::string first_error() const;
};

// The article at `input`, read with `from`, written in `formats` to `paths`.
// `known_fresh` (one flag per format) says which outputs were found up to date
// when the run was planned; without it (nullptr) each output is checked here.
// Never throws for the article's own problems: they are in the result.
ArticleResult convert_article(const ArticleSettings& settings, const Freshness& freshness, const std::string& input,
                              const FormatSpec& from, const std::vector<FormatSpec>& formats,
                              const std::vector<std::string>& paths, const std::vector<bool>* known_fresh);

// Creates the folder of an output and of its up-to-date record (mkdir -p).
// Throws OutputError.
void create_output_folders(const std::string& output_path, const Freshness& freshness);

// The source digests of the article's outputs and whether each is up to date
// (all false when the input cannot be read: converting it reports why).
std::vector<bool> outputs_up_to_date(const ArticleSettings& settings, const Freshness& freshness,
                                     const std::string& input, const FormatSpec& from,
                                     const std::vector<FormatSpec>& formats, const std::vector<std::string>& paths);

// The article's entry in --report: input, reader, status, error, outputs, warnings, seconds.
nlohmann::ordered_json article_json(const std::string& input, const ArticleResult& r);

}  // namespace galley::cli
