// galley_options_set: the command's long options as keys, so a C program, the Python
// module and the command line name every setting alike. Values are checked as the
// command checks them; the conversion then applies them as the command does
// (variables and limits reach both the reader and the writer, set here once so that a
// conversion reads the options without copying them).
#include <cerrno>
#include <cstdlib>
#include <string>

#include "capi/handles.hpp"
#include "galley/error.hpp"
#include "galley/metadata_file.hpp"

namespace galley::capi {

namespace {

[[noreturn]] void bad(const std::string& key, const std::string& why) {
  throw UsageError("galley.capi.option", "option " + key + ": " + why);
}

long long number(const std::string& key, const std::string& v, long long min, long long max) {
  char* end = nullptr;
  errno = 0;
  long long n = std::strtoll(v.c_str(), &end, 10);
  if (v.empty() || *end || errno == ERANGE || n < min || n > max)
    bad(key, "needs a number from " + std::to_string(min) + " to " + std::to_string(max) + ", not '" + v + "'");
  return n;
}

bool boolean(const std::string& key, const std::string& v) {
  if (v == "true") return true;
  if (v == "false") return false;
  bad(key, "needs true or false, not '" + v + "'");
}

// "KEY=VALUE" as the command's -M and -V read it (the first '=' or ':'); no value: "true".
std::pair<std::string, std::string> key_value(const std::string& key, const std::string& v) {
  auto eq = v.find_first_of("=:");
  std::pair<std::string, std::string> kv = eq == std::string::npos ? std::pair{v, std::string("true")}
                                                                   : std::pair{v.substr(0, eq), v.substr(eq + 1)};
  if (kv.first.empty()) bad(key, "needs KEY=VALUE, not '" + v + "'");
  return kv;
}

}  // namespace

void set_option(ConvertOptions& o, const std::string& key, const std::string& v) {
  ReaderOptions& r = o.reader;
  WriterOptions& w = o.writer;
  constexpr long long big = 1LL << 40;
  if (key == "from") o.from = v;
  else if (key == "to") o.to = v.empty() ? "json" : v;
  else if (key == "input-name") r.input_name = v;
  else if (key == "source-url") r.source_url = v;
  else if (key == "resource-root") r.resources.root = v;
  else if (key == "resource-path") r.resources.search.push_back(v);
  else if (key == "encoding") r.encoding = v;
  else if (key == "standalone") w.standalone = boolean(key, v);
  else if (key == "toc") w.toc = boolean(key, v);
  else if (key == "columns") w.columns = static_cast<int>(number(key, v, 1, 100000000));
  else if (key == "split-level") w.split_level = static_cast<int>(number(key, v, 0, 100000000));
  else if (key == "max-input-size") r.limits.max_input_bytes = w.limits.max_input_bytes = static_cast<std::size_t>(number(key, v, 0, big));
  else if (key == "max-nesting") r.limits.max_nesting = w.limits.max_nesting = static_cast<std::size_t>(number(key, v, 1, 100000000));
  else if (key == "source-date-epoch") w.source_date_epoch = number(key, v, 0, big);
  else if (key == "pandoc-api") {
    if (v == "1.22") w.pandoc_api_minor = 22;
    else if (v == "1.23") w.pandoc_api_minor = 23;
    else bad(key, "needs 1.22 or 1.23, not '" + v + "'");
  } else if (key == "wrap") {
    if (v == "auto") w.wrap = WrapMode::Auto;
    else if (v == "none") w.wrap = WrapMode::None;
    else if (v == "preserve") w.wrap = WrapMode::Preserve;
    else bad(key, "needs auto, none or preserve, not '" + v + "'");
  } else if (key == "metadata") {
    auto [k, val] = key_value(key, v);
    add_metadata(o, k, val);
  } else if (key == "variable") {
    auto [k, val] = key_value(key, v);
    add_variable(o, k, val);
  } else if (key == "metadata-file") o.metadata_files.push_back(v);
  else if (key == "filter") o.filters.push_back(v);
  else if (key == "css") w.css.push_back(v);
  else if (key == "epub-cover-image") w.cover_image = v;
  else if (key == "pdf-engine") w.pdf_engine = v;
  else if (key == "pdf-engine-opt") w.pdf_engine_opts.push_back(v);
  else throw UsageError("galley.capi.option", "unknown option '" + key + "'");
}

void add_metadata(ConvertOptions& o, const std::string& key, const std::string& value) {
  if (key.empty()) bad("metadata", "the key is empty");
  o.metadata.emplace_back(key, metadata_option_value(value));
}

void add_variable(ConvertOptions& o, const std::string& key, const std::string& value) {
  if (key.empty()) bad("variable", "the key is empty");
  o.reader.variables[key] = o.writer.variables[key] = value;
}

}  // namespace galley::capi
