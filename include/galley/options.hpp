// Options given to readers and writers. Deliberately small: format-specific
// settings travel in `variables` (like pandoc's -V), read by the one format that cares.
#pragma once
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace galley {

class ResourceStore;    // galley/resource_store.hpp
class ResourceFetcher;
class InputIndexCache;  // galley/input_index.hpp

// Extensions switched on or off with pandoc's `name+ext-ext` syntax. Only the
// extensions a user named are stored; the format's defaults apply otherwise.
struct Extensions {
  std::map<std::string, bool> set;
  bool enabled(const std::string& name, bool default_value) const {
    auto it = set.find(name);
    return it == set.end() ? default_value : it->second;
  }
};

// Where local files may be read from. Every file access of a reader or writer
// goes through galley/io.hpp, which refuses anything outside `root`.
struct Resources {
  std::string root;                 // absolute, realpath'd; empty = current directory
  std::vector<std::string> search;  // --resource-path entries (relative to root or absolute inside it)
  bool allow_network = false;       // never fetch unless asked
  // Resources the reader found with the document (a web archive's records),
  // consulted before the file system; write_document sets it from Document::resources.
  std::shared_ptr<const ResourceStore> store;
  // Remote http(s) resources, used only when allow_network is set (galley_fetch).
  std::shared_ptr<ResourceFetcher> fetcher;
};

struct Limits {
  std::size_t max_input_bytes = std::size_t(512) << 20;     // 512 MiB
  std::size_t max_nesting = 500;  // AST / JSON / HTML depth; deep enough for any real article, shallow enough for the 8 MiB stack even under ASan
  std::size_t max_resource_bytes = std::size_t(64) << 20;   // one embedded image
  // --fetch-resources, per article: remote URLs asked for, bytes kept (resource_store.hpp)
  std::size_t max_fetch_count = 100;
  std::size_t max_fetch_bytes = std::size_t(128) << 20;     // 128 MiB
};

struct ReaderOptions {
  Extensions extensions;
  std::string input_name;   // file name for messages, "-" for stdin
  std::string encoding;     // empty = detect (BOM, meta charset, UTF-8)
  std::string source_url;   // base for relative URLs (html)
  Resources resources;
  Limits limits;
  std::map<std::string, std::string> variables;
  // Archive readers (warc): the article to read, by URL; empty: the only one.
  std::string article;
  // Readers whose entry sets opens_input (archives): when set, the reader reads
  // this file itself, record by record (a multi-GB archive is never held whole),
  // and the bytes given to Reader::read are ignored.
  std::string input_file;
  // Archive readers: indexes shared by the articles of one run (batch mode: each
  // archive indexed once for all its pages); null: each read indexes again.
  std::shared_ptr<InputIndexCache> indexes;
};

enum class WrapMode { Auto, None, Preserve };

struct WriterOptions {
  Extensions extensions;
  bool standalone = false;
  int columns = 72;
  WrapMode wrap = WrapMode::Auto;
  int pandoc_api_minor = 23;                 // 23 -> [1,23,1], 22 -> [1,22,2,1]
  bool toc = false;
  int split_level = 1;                       // epub chapter split
  std::vector<std::string> css;              // user stylesheets (paths)
  std::string cover_image;                   // epub
  std::string pdf_engine;                    // pdf: weasyprint (empty), chromium, or an engine's path
  std::vector<std::string> pdf_engine_opts;  // pdf: extra engine arguments, in order
  std::optional<long long> source_date_epoch;  // from SOURCE_DATE_EPOCH
  Resources resources;
  Limits limits;
  std::map<std::string, std::string> variables;  // papersize, margin, fontsize, lang, ...
  std::string variable(const std::string& k, const std::string& dflt = {}) const {
    auto it = variables.find(k);
    return it == variables.end() ? dflt : it->second;
  }
};

}  // namespace galley
