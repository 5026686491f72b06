// The `galley` command: parse arguments, read inputs, convert, write.
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <set>

#include "cli/args.hpp"
#include "cli/article.hpp"
#include "cli/batch.hpp"
#include "cli/exit_codes.hpp"
#include "cli/heap.hpp"
#include "cli/joined.hpp"
#include "cli/package.hpp"
#include "cli/report.hpp"
#include "cli/usage.hpp"
#include "server/command.hpp"
#include "galley/builtin.hpp"
#include "galley/error.hpp"
#include "galley/io.hpp"
#include "galley/registry.hpp"
#include "galley/version.hpp"

namespace galley::cli {
// The converted document, deliberately never freed (see run()). A global with
// external linkage: the store cannot be optimised away, and LeakSanitizer sees
// the document as reachable, not leaked.
Document* finished_document = nullptr;
}  // namespace galley::cli

namespace {

using namespace galley;

void on_signal(int sig) {
  cleanup_pending_outputs();
  cli::cleanup_package_temp();
  // Batch workers may be creating a temporary file right now: give them a
  // moment to see the flag and remove their own, then sweep again.
  struct timespec pause {0, 50 * 1000 * 1000};
  nanosleep(&pause, nullptr);
  cleanup_pending_outputs();
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

int run(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "package") return cli::run_package(argc - 1, argv + 1);
  if (argc > 1 && std::string(argv[1]) == "report") return cli::run_report(argc - 1, argv + 1);
  cli::Args args = cli::parse_args(argc, argv);
  if (args.help) { std::cout << cli::usage_text(builtin_registry()); return 0; }
  if (args.version) {
    std::cout << "galley " << GALLEY_VERSION << "\nPandoc JSON API 1.23.1 (writes 1.22 with --pandoc-api=1.22)\n";
    return 0;
  }
  Registry reg = builtin_registry();
  if (args.list_input) { for (auto& r : reg.readers()) std::cout << r.name << "\n"; return 0; }
  if (args.list_output) { for (auto& w : reg.writers()) std::cout << w.name << "\n"; return 0; }
  if (args.list_extensions) { list_extensions(reg, *args.list_extensions); return 0; }
  if (cli::is_joined(args, reg)) return cli::run_joined(args, reg);
  if (cli::is_batch(args)) return cli::run_batch(args, reg);

  Diagnostics diag;
  diag.on_emit = [&](const Diagnostic& d) {
    if (args.quiet) return;
    if (d.severity != Severity::Warning && !args.verbose) return;
    // One write per message: std::cerr is unbuffered, and three writes a warning were
    // 4,373 system calls for a document with 1,459 warnings.
    std::string line = (d.severity == Severity::Warning ? "[WARNING] " : "[INFO] ") + d.message + "\n";
    std::cerr.write(line.data(), static_cast<std::streamsize>(line.size()));
  };

  // Formats: -t guessed from -o's extension; -f guessed from the input's.
  std::string to = args.to;
  if (to.empty() && !args.output.empty() && args.output != "-") to = reg.writer_for_filename(args.output);
  if (to.empty()) to = args.output.empty() || args.output == "-" ? reg.default_writer() : "";
  if (to.empty()) throw UsageError("galley.cli.usage", "cannot guess the output format from " + args.output + "; use -t");
  cli::ArticleSettings settings = cli::prepare_settings(args, reg);
  if (settings.from.size() > 1) throw UsageError("galley.cli.usage", "one input format, please (a list of formats is for batch mode)");
  std::vector<std::string> inputs = args.inputs.empty() ? std::vector<std::string>{"-"} : args.inputs;
  const std::string& first_input = inputs[0];
  FormatSpec from_spec = cli::reader_spec_for(settings, first_input, true);
  FormatSpec to_spec = parse_format_spec(to);
  const auto& reader_entry = reg.reader_for(from_spec);
  const auto& writer_entry = reg.writer_for(to_spec);

  cli::check_output_target(args, writer_entry);

  // Read: inputs concatenated (blank line between), like pandoc.
  std::size_t max_input = args.max_input_size.value_or(Limits{}.max_input_bytes);
  std::string input;
  if (inputs.size() > 1 && !reader_entry.joins_inputs)
    throw UsageError("galley.cli.usage", "the " + reader_entry.name + " reader takes one input");
  // An archive its reader reads from the file (record by record): no bytes read here.
  const bool from_file = inputs.size() == 1 && cli::reads_input_file(settings, first_input, from_spec);
  for (std::size_t i = 0; i < inputs.size() && !from_file; ++i) {
    if (i) input += "\n\n";
    if (inputs[i] == "-") {
      input += cli::read_stdin(max_input);
    } else {
      input += read_file(inputs[i], max_input);
    }
  }

  // Reader, then metadata files and -M (later wins, as in pandoc), then the
  // filters and the writer: the same steps as batch mode and packages.
  Document doc = cli::read_article(settings, first_input, input, from_spec, diag, from_file);
  input.clear();
  input.shrink_to_fit();
  std::string out = cli::write_article(settings, first_input, doc, to_spec, diag);
  // The process ends after this: freeing a large document node by node costs
  // about a tenth of a conversion (callgrind) for memory the system takes back
  // anyway. Kept reachable from a static, so it is not a leak to LeakSanitizer.
  cli::finished_document = new Document(std::move(doc));
  return cli::deliver_output(args, out, diag);
}

}  // namespace

int main(int argc, char** argv) {
  // A long-running server keeps glibc's usual heap (prepare_heap tunes one short conversion).
  if (argc > 1 && std::strcmp(argv[1], "server") == 0) return galley::server::run_command(argc - 1, argv + 1);
  galley::cli::prepare_heap(argc, argv);
  signal(SIGINT, on_signal);
  signal(SIGTERM, on_signal);
  signal(SIGHUP, on_signal);
  try {
    return run(argc, argv);
  } catch (const Error& e) {
    std::cerr << "galley: " << e.what() << "\n";
    return cli::exit_code_for(e.category());
  } catch (const std::bad_alloc&) {
    std::cerr << "galley: [galley.memory] out of memory\n";
    return 70;
  } catch (const std::exception& e) {
    std::cerr << "galley: [galley.internal] " << e.what() << "\n";
    return 70;
  }
}
