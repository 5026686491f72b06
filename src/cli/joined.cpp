// Many inputs, one output (see joined.hpp). The CLI names no format here: whether
// a writer joins documents is its registry entry's joins_documents.
#include "cli/joined.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "cli/article.hpp"
#include "cli/batch.hpp"
#include "galley/error.hpp"
#include "galley/io.hpp"

namespace galley::cli {

namespace {

std::string output_format(const Args& args, const Registry& reg) {
  if (!args.to.empty()) return args.to;
  if (!args.output.empty() && args.output != "-") return reg.writer_for_filename(args.output);
  return {};
}

}  // namespace

bool is_joined(const Args& args, const Registry& reg) {
  if (!args.output_dir.empty()) return false;
  std::string to = output_format(args, reg);
  if (to.empty() || to.find(',') != std::string::npos) return false;
  const WriterEntry* w = reg.find_writer(parse_format_spec(to).name);
  return w && w->joins_documents;
}

int run_joined(const Args& args, const Registry& reg) {
  Diagnostics diag;
  diag.on_emit = [&](const Diagnostic& d) {
    if (args.quiet) return;
    if (d.severity != Severity::Warning && !args.verbose) return;
    std::string line = (d.severity == Severity::Warning ? "[WARNING] " : "[INFO] ") + d.message + "\n";
    std::cerr.write(line.data(), static_cast<std::streamsize>(line.size()));
  };
  ArticleSettings settings = prepare_settings(args, reg);
  FormatSpec to_spec = parse_format_spec(output_format(args, reg));
  const WriterEntry& writer = reg.writer_for(to_spec);
  check_output_target(args, writer);

  // Inputs in the order given (the writer orders its entries itself).
  std::vector<std::string> inputs = args.inputs;
  if (!args.manifest.empty())
    for (auto& p : read_manifest(args.manifest)) inputs.push_back(p);
  if (inputs.empty()) inputs.push_back("-");
  std::size_t stdin_uses = 0;
  for (auto& p : inputs) stdin_uses += p == "-";
  if (stdin_uses > 1 || (stdin_uses && args.manifest == "-"))
    throw UsageError("galley.cli.usage", "standard input can be read once");

  std::size_t max_input = args.max_input_size.value_or(Limits{}.max_input_bytes);
  // As in batch mode: each input's reader comes from its extension, and -f entries
  // give the extensions of the readers they name (-f html+extract).
  const bool force = false;
  std::vector<Document> docs;
  docs.reserve(inputs.size());
  for (auto& path : inputs) {
    FormatSpec from = reader_spec_for(settings, path, force);
    const bool from_file = reads_input_file(settings, path, from);  // an archive: read record by record
    std::string bytes = from_file ? std::string() : path == "-" ? read_stdin(max_input) : read_file(path, max_input);
    try {
      docs.push_back(read_article(settings, path, bytes, from, diag, from_file));
    } catch (const Error& e) {
      // Which of many inputs failed matters; the category (exit code) stays.
      std::string m = e.what();
      if (auto close = m.find("] "); !m.empty() && m[0] == '[' && close != std::string::npos) m.erase(0, close + 2);
      throw Error(e.category(), e.id(), path + ": " + m);
    }
  }
  std::vector<const Document*> ptrs;
  for (auto& d : docs) ptrs.push_back(&d);
  // One input is one document (a newsItem, a ninjs object); several are joined.
  ConvertOptions copt = convert_options(settings, inputs[0], {}, to_spec);
  std::string out = docs.size() == 1 ? write_document(docs[0], copt, diag, reg) : write_documents(ptrs, copt, diag, reg);
  return deliver_output(args, out, diag);
}

}  // namespace galley::cli
