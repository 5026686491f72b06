// Pandoc-compatible argument parsing: "-o FILE", "-oFILE", "--output=FILE", "--output FILE".
#include "cli/args.hpp"

#include <cerrno>
#include <cstdlib>

#include "galley/error.hpp"

namespace galley::cli {

namespace {

[[noreturn]] void usage(const std::string& msg) { throw UsageError("galley.cli.usage", msg + " (see galley --help)"); }

int to_int(const std::string& opt, const std::string& v) {
  char* end = nullptr;
  long n = std::strtol(v.c_str(), &end, 10);
  if (v.empty() || *end || n < 0 || n > 100000000) usage("option " + opt + " needs a number, not '" + v + "'");
  return static_cast<int>(n);
}

std::pair<std::string, std::string> key_value(const std::string& s, const std::string& dflt) {
  auto eq = s.find_first_of("=:");
  if (eq == std::string::npos) return {s, dflt};
  return {s.substr(0, eq), s.substr(eq + 1)};
}

}  // namespace

Args parse_args(int argc, char** argv) {
  Args a;
  struct Opt { const char* shortname; const char* longname; bool takes_value; };
  static const Opt opts[] = {
      {"f", "from", true}, {"r", "read", true}, {"t", "to", true}, {"w", "write", true}, {"o", "output", true},
      {"s", "standalone", false}, {"M", "metadata", true}, {nullptr, "metadata-file", true}, {"V", "variable", true},
      {"F", "filter", true}, {nullptr, "resource-path", true}, {nullptr, "resource-root", true},
      {nullptr, "encoding", true}, {nullptr, "source-url", true}, {nullptr, "url", true},
      {nullptr, "fetch-resources", false}, {nullptr, "allow-private-network", false}, {nullptr, "columns", true}, {nullptr, "wrap", true},
      {nullptr, "pandoc-api", true}, {nullptr, "toc", false}, {nullptr, "table-of-contents", false},
      {nullptr, "split-level", true}, {"c", "css", true}, {nullptr, "epub-cover-image", true},
      {nullptr, "pdf-engine", true}, {nullptr, "pdf-engine-opt", true},
      {nullptr, "max-input-size", true}, {nullptr, "max-nesting", true},
      {nullptr, "max-fetch-count", true}, {nullptr, "max-fetch-size", true}, {nullptr, "verbose", false},
      {nullptr, "quiet", false}, {nullptr, "fail-if-warnings", false}, {nullptr, "list-input-formats", false},
      {nullptr, "list-output-formats", false}, {"v", "version", false}, {"h", "help", false},
      {nullptr, "output-dir", true}, {"j", "jobs", true}, {nullptr, "manifest", true}, {nullptr, "shard", true},
      {nullptr, "report", true}, {nullptr, "force", false}, {nullptr, "validate", false},
      {nullptr, "plan", false}, {nullptr, "worker", false}};

  bool only_files = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (only_files || arg == "-" || arg.empty() || arg[0] != '-') { a.inputs.push_back(arg); continue; }
    if (arg == "--") { only_files = true; continue; }
    const Opt* opt = nullptr;
    std::string value;
    bool has_value = false;
    if (arg.rfind("--", 0) == 0) {
      std::string name = arg.substr(2);
      auto eq = name.find('=');
      if (eq != std::string::npos) { value = name.substr(eq + 1); name = name.substr(0, eq); has_value = true; }
      if (name == "list-extensions") { a.list_extensions = has_value ? value : ""; continue; }
      for (auto& o : opts) if (name == o.longname) opt = &o;
      if (!opt) usage("unknown option --" + name);
      if (!opt->takes_value && has_value) usage("option --" + name + " takes no value");
    } else {
      std::string name = arg.substr(1, 1);
      for (auto& o : opts) if (o.shortname && name == o.shortname) opt = &o;
      if (!opt) usage("unknown option -" + name);
      if (arg.size() > 2) {
        if (!opt->takes_value) usage("option -" + name + " takes no value");
        value = arg.substr(2);
        has_value = true;
      }
    }
    if (opt->takes_value && !has_value) {
      if (i + 1 >= argc) usage(std::string("option --") + opt->longname + " needs a value");
      value = argv[++i];
    }
    std::string n = opt->longname;
    if (n == "from" || n == "read") a.from = value;
    else if (n == "to" || n == "write") a.to = value;
    else if (n == "output") a.output = value;
    else if (n == "standalone") a.standalone = true;
    else if (n == "metadata") a.metadata.push_back(key_value(value, "true"));
    else if (n == "metadata-file") a.metadata_files.push_back(value);
    else if (n == "variable") a.variables.push_back(key_value(value, "true"));
    else if (n == "filter") a.filters.push_back(value);
    else if (n == "resource-path") {
      std::size_t start = 0;
      while (start <= value.size()) {
        auto colon = value.find(':', start);
        std::string part = value.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        if (!part.empty()) a.resource_path.push_back(part);
        if (colon == std::string::npos) break;
        start = colon + 1;
      }
    } else if (n == "resource-root") a.resource_root = value;
    else if (n == "encoding") a.encoding = value;
    else if (n == "source-url") a.source_url = value;
    else if (n == "url") a.url = value;
    else if (n == "fetch-resources") a.fetch_resources = true;
    else if (n == "allow-private-network") a.allow_private_network = true;
    else if (n == "columns") { a.columns = to_int("--columns", value); if (a.columns < 1) usage("--columns must be at least 1"); }
    else if (n == "wrap") {
      if (value == "auto") a.wrap = WrapMode::Auto;
      else if (value == "none") a.wrap = WrapMode::None;
      else if (value == "preserve") a.wrap = WrapMode::Preserve;
      else usage("--wrap must be auto, none or preserve, not '" + value + "'");
    } else if (n == "pandoc-api") {
      if (value == "1.22" || value == "1.22.2" || value == "1.22.2.1") a.pandoc_api = 22;
      else if (value == "1.23" || value == "1.23.1") a.pandoc_api = 23;
      else usage("--pandoc-api must be 1.22 or 1.23, not '" + value + "'");
    } else if (n == "toc" || n == "table-of-contents") a.toc = true;
    else if (n == "split-level") { a.split_level = to_int("--split-level", value); if (a.split_level < 1 || a.split_level > 6) usage("--split-level must be 1 to 6"); }
    else if (n == "css") a.css.push_back(value);
    else if (n == "epub-cover-image") a.cover_image = value;
    else if (n == "pdf-engine") a.pdf_engine = value;
    else if (n == "pdf-engine-opt") a.pdf_engine_opts.push_back(value);
    else if (n == "max-input-size") {
      char* end = nullptr;
      errno = 0;
      unsigned long long v = std::strtoull(value.c_str(), &end, 10);
      if (value.empty() || value[0] < '0' || value[0] > '9' || *end || errno == ERANGE || v == 0)
        usage("option --max-input-size needs a number of bytes, not '" + value + "'");
      a.max_input_size = static_cast<std::size_t>(v);
    }
    else if (n == "max-fetch-size") {
      char* end = nullptr;
      errno = 0;
      unsigned long long v = std::strtoull(value.c_str(), &end, 10);
      if (value.empty() || value[0] < '0' || value[0] > '9' || *end || errno == ERANGE)
        usage("option --max-fetch-size needs a number of bytes, not '" + value + "'");
      a.max_fetch_size = static_cast<std::size_t>(v);
    }
    else if (n == "max-fetch-count") {
      int v = to_int("--max-fetch-count", value);
      if (v < 0) usage("--max-fetch-count must be 0 or more");
      a.max_fetch_count = static_cast<std::size_t>(v);
    }
    else if (n == "max-nesting") a.max_nesting = static_cast<std::size_t>(to_int("--max-nesting", value));
    else if (n == "verbose") a.verbose = true;
    else if (n == "quiet") a.quiet = true;
    else if (n == "fail-if-warnings") a.fail_if_warnings = true;
    else if (n == "list-input-formats") a.list_input = true;
    else if (n == "list-output-formats") a.list_output = true;
    else if (n == "version") a.version = true;
    else if (n == "help") a.help = true;
    else if (n == "output-dir") a.output_dir = value;
    else if (n == "jobs") { a.jobs = to_int("--jobs", value); if (a.jobs < 1 || a.jobs > 64) usage("--jobs must be 1 to 64"); }
    else if (n == "manifest") a.manifest = value;
    else if (n == "shard") a.shard = value;
    else if (n == "report") a.report = value;
    else if (n == "force") a.force = true;
    else if (n == "validate") a.validate = true;
    else if (n == "plan") a.plan = true;
    else if (n == "worker") a.worker = true;
  }
  return a;
}

}  // namespace galley::cli
