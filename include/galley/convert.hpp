// The conversion pipeline, for the CLI and for programs that embed galley alike:
//
//   read (the `from` reader; extraction is its +extract extension)
//   -> metadata (metadata files, then `metadata` pairs: later wins, as pandoc's -M)
//   -> filters (Pandoc JSON filters, each given the writer's name)
//   -> write (the `to` writer)
//
// with diagnostics collected in `diag`, the limits of the reader and writer
// options, a resource root that defaults to the input's folder, and cancellation
// checked between the stages.
#pragma once
#include <atomic>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"
#include "galley/options.hpp"
#include "galley/registry.hpp"

namespace galley {

struct ConvertOptions {
  // Reader spec, e.g. "html+extract"; empty: guessed from reader.input_name's
  // extension (the registry's default reader when that tells nothing).
  std::string from;
  std::string to = "json";  // writer spec, e.g. "jats_publishing"
  // reader.input_name is the input's path ("" or "-" when it has none). When
  // reader.resources.root is empty, local files are read below the input's
  // folder (the current folder for input without a path); the writer's
  // resources default to the reader's.
  ReaderOptions reader;
  WriterOptions writer;
  std::vector<std::string> metadata_files;                  // YAML or JSON, read in order
  std::vector<std::pair<std::string, MetaValue>> metadata;  // set after the files
  std::vector<std::string> filters;                         // programs, run in order
  const std::atomic<bool>* cancel = nullptr;  // when it becomes true: CancelledError between stages
};

// The whole pipeline. Extensions in the specs override those in the options.
// Throws galley::Error (UsageError for unknown formats, InputError, FilterError,
// OutputError, CancelledError).
std::string convert(std::string_view input, const ConvertOptions& options, Diagnostics& diag,
                    const Registry& registry);

// The first half: read, then metadata. Write the result once per format with
// write_document (batch mode and packages read an article once).
Document read_document(std::string_view input, const ConvertOptions& options, Diagnostics& diag,
                       const Registry& registry);
// The second half: filters, then the writer.
std::string write_document(const Document& doc, const ConvertOptions& options, Diagnostics& diag,
                           const Registry& registry);

// Many articles, one output, for writers whose entry sets joins_documents (feeds,
// newsMessage); others throw UsageError "galley.format.single". The filters run on
// each document, then the writer's write_many once, with the writer options of
// `options` (resource root: options.reader.input_name's folder, as write_document).
std::string write_documents(const std::vector<const Document*>& docs, const ConvertOptions& options,
                            Diagnostics& diag, const Registry& registry);

// One input of convert_many: its name (a path, for the reader's guess and the
// resource root, as ReaderOptions::input_name) and its bytes.
struct NamedInput {
  std::string name;
  std::string_view bytes;
};
// Each input read on its own (read_document with input_name = the input's name, the
// reader guessed from it when `from` is empty), then write_documents.
std::string convert_many(const std::vector<NamedInput>& inputs, const ConvertOptions& options, Diagnostics& diag,
                         const Registry& registry);

// The reader spec `options` resolve to (`from`, else guessed from the input's name).
FormatSpec reader_spec(const ConvertOptions& options, const Registry& registry);

}  // namespace galley
