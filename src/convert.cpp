// galley::convert, the one pipeline (see convert.hpp): the CLI's single-file
// mode, batch mode and packages, and every embedding program go through here.
#include "galley/convert.hpp"

#include <limits.h>
#include <stdlib.h>

#include "galley/error.hpp"
#include "galley/filter.hpp"
#include "galley/metadata_file.hpp"
#include "galley/resource_store.hpp"

namespace galley {

namespace {

void check_cancel(const ConvertOptions& o) {
  if (o.cancel && o.cancel->load(std::memory_order_relaxed))
    throw CancelledError("galley.cancelled", "the conversion was cancelled");
}

std::string folder_of(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// The resource root: as given, else the input's folder, else the current
// folder; always absolute and resolved, so that the containment check of
// galley/io.hpp compares real paths.
std::string resource_root(const Resources& given, const std::string& input_name) {
  std::string root = given.root;
  if (root.empty()) root = input_name.empty() || input_name == "-" ? "." : folder_of(input_name);
  char buf[PATH_MAX];
  if (!realpath(root.c_str(), buf))
    throw UsageError("galley.cli.resource-root", "resource root " + root + " does not exist");
  return buf;
}

}  // namespace

FormatSpec reader_spec(const ConvertOptions& options, const Registry& registry) {
  if (!options.from.empty()) return parse_format_spec(options.from);
  return FormatSpec{registry.reader_for_filename(options.reader.input_name), {}};
}

Document read_document(std::string_view input, const ConvertOptions& options, Diagnostics& diag,
                       const Registry& registry) {
  check_cancel(options);
  FormatSpec from = reader_spec(options, registry);
  const ReaderEntry& entry = registry.reader_for(from);
  ReaderOptions ropt = options.reader;
  for (auto& [k, v] : from.extensions.set) ropt.extensions.set[k] = v;
  ropt.resources.root = resource_root(ropt.resources, ropt.input_name);
  if (input.size() > ropt.limits.max_input_bytes)
    throw InputError("galley.io.too-large", "the input is larger than the input limit (max_input_bytes)");
  Document doc = entry.make()->read(input, ropt, diag);
  check_cancel(options);
  fetch_document_images(doc, ropt.resources, ropt.limits, diag);  // --fetch-resources: once, within the article's budget
  check_cancel(options);
  for (auto& file : options.metadata_files)
    for (auto& [k, v] : read_metadata_file(file)) doc.meta[k] = v;
  for (auto& [k, v] : options.metadata) doc.meta[k] = v;
  return doc;
}

std::string write_document(const Document& doc, const ConvertOptions& options, Diagnostics& diag,
                           const Registry& registry) {
  check_cancel(options);
  FormatSpec to = parse_format_spec(options.to);
  const WriterEntry& entry = registry.writer_for(to);
  WriterOptions wopt = options.writer;
  for (auto& [k, v] : to.extensions.set) wopt.extensions.set[k] = v;
  Resources res = wopt.resources.root.empty() && wopt.resources.search.empty() ? options.reader.resources : wopt.resources;
  wopt.resources = res;
  wopt.resources.root = resource_root(res, options.reader.input_name);
  if (doc.resources) wopt.resources.store = doc.resources;
  if (options.filters.empty()) return entry.make()->write(doc, wopt, diag);
  Document filtered = doc;
  for (auto& f : options.filters) {
    filtered = run_filter(f, to.name, filtered, 23);
    check_cancel(options);
  }
  return entry.make()->write(filtered, wopt, diag);
}

std::string write_documents(const std::vector<const Document*>& docs, const ConvertOptions& options,
                            Diagnostics& diag, const Registry& registry) {
  check_cancel(options);
  FormatSpec to = parse_format_spec(options.to);
  const WriterEntry& entry = registry.writer_for(to);
  if (!entry.joins_documents)
    throw UsageError("galley.format.single", entry.name + " writes one document; give one input");
  WriterOptions wopt = options.writer;
  for (auto& [k, v] : to.extensions.set) wopt.extensions.set[k] = v;
  Resources res = wopt.resources.root.empty() && wopt.resources.search.empty() ? options.reader.resources : wopt.resources;
  wopt.resources = res;
  wopt.resources.root = resource_root(res, options.reader.input_name);
  if (options.filters.empty()) return entry.make()->write_many(docs, wopt, diag);
  std::vector<Document> filtered;
  filtered.reserve(docs.size());
  for (const Document* d : docs) {
    Document f = *d;
    for (auto& program : options.filters) {
      f = run_filter(program, to.name, f, 23);
      check_cancel(options);
    }
    filtered.push_back(std::move(f));
  }
  std::vector<const Document*> ptrs;
  for (auto& f : filtered) ptrs.push_back(&f);
  return entry.make()->write_many(ptrs, wopt, diag);
}

std::string convert_many(const std::vector<NamedInput>& inputs, const ConvertOptions& options, Diagnostics& diag,
                         const Registry& registry) {
  std::vector<Document> docs;
  docs.reserve(inputs.size());
  for (auto& in : inputs) {
    ConvertOptions one = options;
    one.reader.input_name = in.name;
    docs.push_back(read_document(in.bytes, one, diag, registry));
  }
  std::vector<const Document*> ptrs;
  for (auto& d : docs) ptrs.push_back(&d);
  return write_documents(ptrs, options, diag, registry);
}

std::string convert(std::string_view input, const ConvertOptions& options, Diagnostics& diag, const Registry& registry) {
  Document doc = read_document(input, options, diag, registry);
  return write_document(doc, options, diag, registry);
}

}  // namespace galley
