// One article read once and written in several formats: shared by batch mode
// (cli/batch.cpp) and archival packages (cli/package.cpp). Mirrors what the
// single-file path in main.cpp does (options, -M, --metadata-file, filters).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/args.hpp"
#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"
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
};
ArticleSettings prepare_settings(const Args& args, const Registry& reg);

// "epub,jats" -> specs, each checked against the registry (UsageError).
std::vector<FormatSpec> parse_format_list(const std::string& list, const Registry& reg, bool writers);

// The reader for an input from its extension: "html", "json" or "plain".
std::string detect_reader(const std::string& path);
// The reader spec for an input: the detected reader with the extensions of
// the -f entry naming it (batch), or the single -f entry (force = true).
FormatSpec reader_spec_for(const ArticleSettings& s, const std::string& path, bool force);

// File extension (with the dot) for a writer: .epub .xml .html .json .txt.
std::string output_extension(const Registry& reg, const std::string& writer);

// Read one input: options as in the single-file command (resource root: the
// input's folder unless --resource-root), then metadata. Throws galley::Error.
Document read_article(const ArticleSettings& s, const std::string& path, std::string_view bytes, const FormatSpec& from,
                      Diagnostics& diag);
// Write one format, running the filters first (with the format's name).
std::string write_article(const ArticleSettings& s, const std::string& path, const Document& doc, const FormatSpec& to,
                          Diagnostics& diag);

}  // namespace galley::cli
