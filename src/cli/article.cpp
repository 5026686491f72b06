// One article, read once, written in several formats (batch mode, packages).
#include "cli/article.hpp"

#include <stdlib.h>

#include <cstdlib>
#include <map>

#include "cli/metadata_file.hpp"
#include "galley/error.hpp"
#include "galley/filter.hpp"
#include "galley/format.hpp"

namespace galley::cli {

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string dirname_of(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// What readers and writers share: the resource root (the input's folder
// unless --resource-root), the search path, the limits and -V variables.
void set_common(const Args& args, const std::string& path, Resources& resources, Limits& limits,
                std::map<std::string, std::string>& variables) {
  std::string root = args.resource_root.empty() ? dirname_of(path) : args.resource_root;
  char buf[PATH_MAX];
  if (!realpath(root.c_str(), buf)) throw UsageError("galley.cli.resource-root", "resource root " + root + " does not exist");
  resources.root = buf;
  resources.search = args.resource_path;
  if (args.max_input_size) limits.max_input_bytes = *args.max_input_size;
  if (args.max_nesting) limits.max_nesting = *args.max_nesting;
  for (auto& [k, v] : args.variables) variables[k] = v;
}

}  // namespace

std::vector<FormatSpec> parse_format_list(const std::string& list, const Registry& reg, bool writers) {
  std::vector<FormatSpec> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    auto comma = list.find(',', start);
    std::string part = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (part.empty()) throw UsageError("galley.cli.usage", "empty format in the list '" + list + "'");
    FormatSpec spec = parse_format_spec(part);
    if (writers) spec.name = reg.writer_for(spec).name;
    else spec.name = reg.reader_for(spec).name;
    for (auto& o : out)
      if (o.name == spec.name) throw UsageError("galley.cli.usage", "format " + spec.name + " given twice in '" + list + "'");
    out.push_back(std::move(spec));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

ArticleSettings prepare_settings(const Args& args, const Registry& reg) {
  ArticleSettings s;
  s.args = &args;
  s.registry = &reg;
  if (!args.from.empty()) s.from = parse_format_list(args.from, reg, false);
  for (auto& f : args.metadata_files)
    for (auto& kv : read_metadata_file(f)) s.metadata.emplace_back(kv.first, kv.second);
  for (auto& [k, v] : args.metadata) s.metadata.emplace_back(k, metadata_option_value(v));
  if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) {
    char* end = nullptr;
    long long v = std::strtoll(sde, &end, 10);
    if (*end || v < 0) throw UsageError("galley.cli.source-date-epoch", std::string("SOURCE_DATE_EPOCH is not a number: ") + sde);
    s.source_date_epoch = v;
  }
  return s;
}

std::string detect_reader(const std::string& path) {
  auto slash = path.rfind('/');
  auto dot = path.rfind('.');
  std::string ext = dot == std::string::npos || (slash != std::string::npos && dot < slash) ? "" : lower(path.substr(dot));
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return "html";
  if (ext == ".json") return "json";
  return "plain";
}

FormatSpec reader_spec_for(const ArticleSettings& s, const std::string& path, bool force) {
  if (force && s.from.size() == 1) return s.from[0];
  std::string name = detect_reader(path);
  for (auto& f : s.from)
    if (f.name == name) return f;
  return FormatSpec{name, {}};
}

std::string output_extension(const Registry& reg, const std::string& writer) {
  if (writer.rfind("jats", 0) == 0) return ".xml";
  if (auto* w = reg.find_writer(writer); w && !w->file_extensions.empty()) return w->file_extensions.front();
  if (writer == "plain") return ".txt";
  return "." + writer;
}

Document read_article(const ArticleSettings& s, const std::string& path, std::string_view bytes, const FormatSpec& from,
                      Diagnostics& diag) {
  const Args& args = *s.args;
  ReaderOptions ropt;
  ropt.extensions = from.extensions;
  ropt.encoding = args.encoding;
  ropt.source_url = args.source_url;
  ropt.input_name = path;
  set_common(args, path, ropt.resources, ropt.limits, ropt.variables);
  Document doc = s.registry->reader_for(from).make()->read(bytes, ropt, diag);
  for (auto& [k, v] : s.metadata) doc.meta[k] = v;
  return doc;
}

std::string write_article(const ArticleSettings& s, const std::string& path, const Document& doc, const FormatSpec& to,
                          Diagnostics& diag) {
  const Args& args = *s.args;
  WriterOptions wopt;
  wopt.extensions = to.extensions;
  wopt.standalone = args.standalone;
  wopt.columns = args.columns;
  wopt.wrap = args.wrap;
  wopt.pandoc_api_minor = args.pandoc_api;
  wopt.toc = args.toc;
  wopt.split_level = args.split_level;
  wopt.css = args.css;
  wopt.cover_image = args.cover_image;
  set_common(args, path, wopt.resources, wopt.limits, wopt.variables);
  wopt.source_date_epoch = s.source_date_epoch;
  const auto& entry = s.registry->writer_for(to);
  if (args.filters.empty()) return entry.make()->write(doc, wopt, diag);
  Document filtered = doc;
  for (auto& f : args.filters) filtered = run_filter(f, to.name, filtered, 23);
  return entry.make()->write(filtered, wopt, diag);
}

}  // namespace galley::cli
