// One article, read once, written in several formats (batch mode, packages).
#include "cli/article.hpp"

#include "cli/archive_input.hpp"
#include "fetch/fetch.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "galley/error.hpp"
#include "galley/io.hpp"
#include "galley/metadata_file.hpp"

namespace galley::cli {

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
  if (args.fetch_resources) {
    fetch::FetchOptions fo;
    fo.allow_private = args.allow_private_network;
    if (const char* p = std::getenv("GALLEY_TEST_PUBLIC_ADDRESS")) fo.public_address = p;  // tests only (fetch.hpp)
    s.fetcher = fetch::make_fetcher(fo);
  }
  return s;
}

std::vector<std::string> output_suffixes(const Registry& reg, const std::vector<FormatSpec>& formats) {
  std::vector<std::string> plain, out;
  for (auto& f : formats) plain.push_back(reg.output_suffix(f.name));
  for (std::size_t i = 0; i < formats.size(); ++i) {
    bool shared = false;
    for (std::size_t j = 0; j < formats.size(); ++j) shared |= i != j && plain[i] == plain[j];
    out.push_back(shared ? "." + formats[i].name + plain[i] : plain[i]);
  }
  return out;
}

FormatSpec reader_spec_for(const ArticleSettings& s, const std::string& path, bool force) {
  if (force && s.from.size() == 1) return s.from[0];
  std::string name = s.registry->reader_for_filename(input_path(path));
  for (auto& f : s.from)
    if (f.name == name) return f;
  return FormatSpec{name, {}};
}

ConvertOptions convert_options(const ArticleSettings& s, const std::string& path, const FormatSpec& from,
                               const FormatSpec& to) {
  const Args& args = *s.args;
  ConvertOptions o;
  o.from = to_string(from);
  o.to = to.name.empty() ? s.registry->default_writer() : to_string(to);
  o.reader.input_name = input_path(path);
  o.reader.article = path.find(kArticleSeparator) != std::string::npos ? input_article(path) : args.url;
  o.reader.encoding = args.encoding;
  o.reader.source_url = args.source_url;
  o.reader.resources.root = args.resource_root;
  o.reader.resources.search = args.resource_path;
  if (s.resources) o.reader.resources = *s.resources;
  if (s.fetcher) {
    o.reader.resources.fetcher = s.fetcher;
    o.reader.resources.allow_network = true;
  }
  o.reader.indexes = s.indexes;
  o.cancel = s.cancel;
  if (args.max_input_size) o.reader.limits.max_input_bytes = *args.max_input_size;
  if (args.max_nesting) o.reader.limits.max_nesting = *args.max_nesting;
  if (args.max_fetch_count) o.reader.limits.max_fetch_count = *args.max_fetch_count;
  if (args.max_fetch_size) o.reader.limits.max_fetch_bytes = *args.max_fetch_size;
  for (auto& [k, v] : args.variables) o.reader.variables[k] = v;
  o.writer.standalone = args.standalone;
  o.writer.columns = args.columns;
  o.writer.wrap = args.wrap;
  o.writer.pandoc_api_minor = args.pandoc_api;
  o.writer.toc = args.toc;
  o.writer.split_level = args.split_level;
  o.writer.css = args.css;
  o.writer.cover_image = args.cover_image;
  o.writer.pdf_engine = args.pdf_engine;
  o.writer.pdf_engine_opts = args.pdf_engine_opts;
  o.writer.source_date_epoch = s.source_date_epoch;
  o.writer.limits = o.reader.limits;
  o.writer.variables = o.reader.variables;
  o.metadata = s.metadata;  // metadata files already read once for the run (prepare_settings)
  o.filters = args.filters;
  return o;
}

bool reads_input_file(const ArticleSettings& s, const std::string& path, const FormatSpec& from) {
  const ReaderEntry* entry = s.registry->find_reader(from.name);
  std::string file = input_path(path);
  if (!entry || !entry->opens_input || file.empty() || file == "-") return false;
  std::error_code ec;
  return std::filesystem::is_regular_file(file, ec);
}

Document read_article(const ArticleSettings& s, const std::string& path, std::string_view bytes, const FormatSpec& from,
                      Diagnostics& diag, bool from_file) {
  ConvertOptions o = convert_options(s, path, from, {});
  if (from_file) o.reader.input_file = input_path(path);
  return read_document(bytes, o, diag, *s.registry);
}

static bool writes_stdout(const Args& args) { return args.output.empty() || args.output == "-"; }

void check_output_target(const Args& args, const WriterEntry& writer) {
  if (writes_stdout(args) && writer.kind == WriterKind::Binary && isatty(1))
    throw UsageError("galley.cli.binary-terminal", "not writing binary " + writer.name + " output to a terminal; use -o FILE");
}

int deliver_output(const Args& args, std::string_view out, const Diagnostics& diag) {
  if (writes_stdout(args)) {
    // A short write (a full disk, /dev/full, a closed pipe) must not pass silently.
    if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0 || std::ferror(stdout))
      throw OutputError("galley.io.write", std::string("cannot write standard output: ") + std::strerror(errno));
  } else {
    write_file_atomic(args.output, out);
  }
  if (args.fail_if_warnings && diag.warning_count()) {
    std::cerr << "Failing because there were " << diag.warning_count() << " warning(s).\n";
    return 6;
  }
  return 0;
}

std::string write_article(const ArticleSettings& s, const std::string& path, const Document& doc, const FormatSpec& to,
                          Diagnostics& diag) {
  return write_document(doc, convert_options(s, path, {}, to), diag, *s.registry);
}

std::string read_stdin(std::size_t max_input) {
  std::string data;
  char chunk[65536];
  std::size_t n;
  while ((n = std::fread(chunk, 1, sizeof chunk, stdin)) > 0) {
    data.append(chunk, n);
    if (data.size() > max_input)
      throw InputError("galley.io.too-large", "standard input is larger than the input limit (--max-input-size)");
  }
  return data;
}

}  // namespace galley::cli
