// The `galley` command: parse arguments, read inputs, convert, write.
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <set>

#include "cli/args.hpp"
#include "cli/batch.hpp"
#include "cli/package.hpp"
#include "cli/metadata_file.hpp"
#include "galley/error.hpp"
#include "galley/filter.hpp"
#include "galley/io.hpp"
#include "galley/registry.hpp"
#include "galley/version.hpp"

namespace {

using namespace galley;

void on_signal(int sig) {
  cleanup_pending_outputs();
  cli::cleanup_package_temp();
  signal(sig, SIG_DFL);
  raise(sig);
}

void list_extensions(const Registry& reg, const std::string& format) {
  auto print = [](const std::vector<ExtensionInfo>& exts) {
    for (auto& e : exts) std::cout << (e.default_on ? '+' : '-') << e.name << "\t" << e.description << "\n";
  };
  if (format.empty()) {
    for (auto& r : reg.readers()) for (auto& e : r.extensions) std::cout << (e.default_on ? '+' : '-') << e.name << "\t(" << r.name << ") " << e.description << "\n";
    for (auto& w : reg.writers()) for (auto& e : w.extensions) std::cout << (e.default_on ? '+' : '-') << e.name << "\t(" << w.name << ") " << e.description << "\n";
    return;
  }
  auto name = parse_format_spec(format).name;
  auto r = reg.find_reader(name);
  auto w = reg.find_writer(name);
  if (!r && !w) throw UsageError("galley.format.unknown", "unknown format '" + name + "'");
  if (r) print(r->extensions);
  if (w && (!r || r->name != w->name || w->extensions.size())) print(w->extensions);
}

std::string dirname_of(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

int run(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "package") return cli::run_package(argc - 1, argv + 1);
  cli::Args args = cli::parse_args(argc, argv);
  if (args.help) { std::cout << cli::usage_text; return 0; }
  if (args.version) {
    std::cout << "galley " << GALLEY_VERSION << "\nPandoc JSON API 1.23.1 (writes 1.22 with --pandoc-api=1.22)\n";
    return 0;
  }
  Registry reg = builtin_registry();
  if (args.list_input) { for (auto& r : reg.readers()) std::cout << r.name << "\n"; return 0; }
  if (args.list_output) { for (auto& w : reg.writers()) std::cout << w.name << "\n"; return 0; }
  if (args.list_extensions) { list_extensions(reg, *args.list_extensions); return 0; }
  if (cli::is_batch(args)) return cli::run_batch(args, reg);

  Diagnostics diag;
  diag.on_emit = [&](const Diagnostic& d) {
    if (args.quiet) return;
    if (d.severity == Severity::Warning) std::cerr << "[WARNING] " << d.message << "\n";
    else if (args.verbose) std::cerr << "[INFO] " << d.message << "\n";
  };

  // Formats: -t guessed from -o's extension; -f guessed from the input's.
  std::string to = args.to;
  if (to.empty() && !args.output.empty() && args.output != "-") to = reg.writer_for_filename(args.output);
  if (to.empty()) to = args.output.empty() || args.output == "-" ? "json" : "";
  if (to.empty()) throw UsageError("galley.cli.usage", "cannot guess the output format from " + args.output + "; use -t");
  std::string from = args.from;
  if (from.empty()) {
    std::string first = args.inputs.empty() ? "-" : args.inputs[0];
    auto dot = first.rfind('.');
    std::string ext = dot == std::string::npos ? "" : first.substr(dot);
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") from = "html";
    else if (ext == ".json") from = "json";
    else from = "plain";
  }
  auto from_spec = parse_format_spec(from);
  auto to_spec = parse_format_spec(to);
  const auto& reader_entry = reg.reader_for(from_spec);
  const auto& writer_entry = reg.writer_for(to_spec);

  bool to_stdout = args.output.empty() || args.output == "-";
  if (to_stdout && writer_entry.kind == WriterKind::Binary && isatty(1))
    throw UsageError("galley.cli.binary-terminal", "not writing binary " + writer_entry.name + " output to a terminal; use -o FILE");

  // Options.
  ReaderOptions ropt;
  ropt.extensions = from_spec.extensions;
  ropt.encoding = args.encoding;
  ropt.source_url = args.source_url;
  std::string first_input = args.inputs.empty() ? "-" : args.inputs[0];
  ropt.input_name = first_input;
  std::string root = args.resource_root;
  if (root.empty()) root = first_input == "-" ? "." : dirname_of(first_input);
  char buf[4096];
  if (!realpath(root.c_str(), buf)) throw UsageError("galley.cli.resource-root", "resource root " + root + " does not exist");
  ropt.resources.root = buf;
  ropt.resources.search = args.resource_path;
  if (args.max_input_size) ropt.limits.max_input_bytes = *args.max_input_size;
  if (args.max_nesting) ropt.limits.max_nesting = *args.max_nesting;
  for (auto& [k, v] : args.variables) ropt.variables[k] = v;

  WriterOptions wopt;
  wopt.extensions = to_spec.extensions;
  wopt.standalone = args.standalone;
  wopt.columns = args.columns;
  wopt.wrap = args.wrap;
  wopt.pandoc_api_minor = args.pandoc_api;
  wopt.toc = args.toc;
  wopt.split_level = args.split_level;
  wopt.css = args.css;
  wopt.cover_image = args.cover_image;
  wopt.resources = ropt.resources;
  wopt.limits = ropt.limits;
  for (auto& [k, v] : args.variables) wopt.variables[k] = v;
  if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) {
    char* end = nullptr;
    long long v = std::strtoll(sde, &end, 10);
    if (*end || v < 0) throw UsageError("galley.cli.source-date-epoch", std::string("SOURCE_DATE_EPOCH is not a number: ") + sde);
    wopt.source_date_epoch = v;
  }

  // Read: inputs concatenated (blank line between), like pandoc.
  std::string input;
  std::vector<std::string> inputs = args.inputs.empty() ? std::vector<std::string>{"-"} : args.inputs;
  if (inputs.size() > 1 && reader_entry.name == "json")
    throw UsageError("galley.cli.usage", "the json reader takes one input");
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (i) input += "\n\n";
    if (inputs[i] == "-") {
      std::string data;
      char chunk[65536];
      std::size_t n;
      while ((n = std::fread(chunk, 1, sizeof chunk, stdin)) > 0) {
        data.append(chunk, n);
        if (data.size() > ropt.limits.max_input_bytes)
          throw InputError("galley.io.too-large", "standard input is larger than the input limit (--max-input-size)");
      }
      input += data;
    } else {
      input += read_file(inputs[i], ropt.limits.max_input_bytes);
    }
  }

  Document doc = reader_entry.make()->read(input, ropt, diag);
  input.clear();
  input.shrink_to_fit();

  // Metadata from files, then -M (later wins), as pandoc does.
  for (auto& f : args.metadata_files)
    for (auto& [k, v] : cli::read_metadata_file(f)) doc.meta[k] = v;
  for (auto& [k, v] : args.metadata) doc.meta[k] = cli::metadata_option_value(v);

  for (auto& f : args.filters) doc = run_filter(f, to_spec.name, doc, 23);

  std::string out = writer_entry.make()->write(doc, wopt, diag);
  if (to_stdout) {
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (std::fflush(stdout) != 0) throw OutputError("galley.io.write", "cannot write standard output");
  } else {
    write_file_atomic(args.output, out);
  }
  if (args.fail_if_warnings && diag.warning_count()) {
    std::cerr << "Failing because there were " << diag.warning_count() << " warning(s).\n";
    return 6;
  }
  return 0;
}

}  // namespace

// A conversion allocates its whole document at once; with glibc's malloc on
// ordinary 4 KiB pages, page faults cost as much CPU as the conversion itself
// (measured: 12,076 faults and 0.10 s of system time for a 3 MB JSON document;
// 2,976 faults and 0.04 s with transparent huge pages). glibc reads its
// tunables only at start-up, so galley re-executes itself once with
// glibc.malloc.hugetlb=1 unless the user set GLIBC_TUNABLES or GALLEY_NO_REEXEC.
void use_huge_pages(char** argv) {
  if (std::getenv("GLIBC_TUNABLES") || std::getenv("GALLEY_NO_REEXEC")) return;
  setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1);
  setenv("GALLEY_NO_REEXEC", "1", 1);
  execv("/proc/self/exe", argv);
  // exec failed (no /proc): carry on without huge pages.
}

int main(int argc, char** argv) {
  use_huge_pages(argv);
  signal(SIGINT, on_signal);
  signal(SIGTERM, on_signal);
  signal(SIGHUP, on_signal);
  try {
    return run(argc, argv);
  } catch (const Error& e) {
    std::cerr << "galley: " << e.what() << "\n";
    return exit_code_for(e.category());
  } catch (const std::bad_alloc&) {
    std::cerr << "galley: [galley.memory] out of memory\n";
    return 70;
  } catch (const std::exception& e) {
    std::cerr << "galley: [galley.internal] " << e.what() << "\n";
    return 70;
  }
}
