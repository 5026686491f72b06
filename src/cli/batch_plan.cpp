// See batch_plan.hpp.
#include "cli/batch_plan.hpp"

#include "cli/archive_input.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "galley/error.hpp"
#include "galley/io.hpp"
#include "galley/text.hpp"

namespace galley::cli {

namespace fs = std::filesystem;

std::vector<std::string> read_manifest(const std::string& file) {
  std::string text;
  std::string base;
  if (file == "-") {
    std::stringstream ss;
    ss << std::cin.rdbuf();
    text = ss.str();
  } else {
    text = read_file(file);
    auto slash = file.rfind('/');
    if (slash != std::string::npos) base = file.substr(0, slash + 1);
  }
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto b = line.find_first_not_of(" \t");
    if (b == std::string::npos || line[b] == '#') continue;
    auto e = line.find_last_not_of(" \t");
    line = line.substr(b, e - b + 1);
    out.push_back(line[0] == '/' || base.empty() ? line : base + line);
  }
  return out;
}

std::vector<std::string> output_names(const std::vector<std::string>& inputs) {
  struct Item {
    std::vector<std::string> parents;  // nearest first
    std::string stem, base;
    std::size_t depth = 0;
    bool keep_ext = false;
  };
  std::vector<Item> items;
  for (auto& in : inputs) {
    fs::path p = fs::absolute(fs::path(in)).lexically_normal();
    Item it;
    it.base = p.filename().string();
    auto dot = it.base.rfind('.');
    it.stem = dot == std::string::npos || dot == 0 ? it.base : it.base.substr(0, dot);
    for (fs::path d = p.parent_path(); d.has_relative_path(); d = d.parent_path()) it.parents.push_back(d.filename().string());
    items.push_back(std::move(it));
  }
  auto name = [](const Item& it) {
    std::string s;
    for (std::size_t i = it.depth; i-- > 0;) s += it.parents[i] + "/";
    return s + (it.keep_ext ? it.base : it.stem);
  };
  for (int round = 0; round < 4096; ++round) {
    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < items.size(); ++i) groups[ascii_lower(name(items[i]))].push_back(i);
    bool changed = false;
    for (auto& [key, members] : groups) {
      if (members.size() < 2) continue;
      // Inputs of one folder (a.txt, a.html) keep their extension; parent
      // folders would not tell them apart. The others go one folder deeper.
      for (auto i : members) {
        bool same_folder = false;
        for (auto j : members) same_folder |= i != j && items[i].parents == items[j].parents;
        if (same_folder || items[i].depth >= items[i].parents.size()) {
          if (!items[i].keep_ext) { items[i].keep_ext = true; changed = true; }
        } else {
          ++items[i].depth;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  std::vector<std::string> out;
  std::set<std::string> used;
  for (auto& it : items) {  // what is still shared (A.TXT and a.txt) gets a number
    std::string n = name(it), candidate = n;
    for (int k = 2; !used.insert(ascii_lower(candidate)).second; ++k) candidate = n + "~" + std::to_string(k);
    out.push_back(candidate);
  }
  return out;
}

std::string BatchPlan::output_path(std::size_t slot, std::size_t f) const {
  return (fs::path(settings.args->output_dir) / (names[chosen[slot]] + suffix[f])).string();
}

BatchPlan make_plan(const Args& args, const Registry& reg) {
  if (args.output_dir.empty()) throw UsageError("galley.cli.usage", "batch mode (a list in --to, or --manifest) needs --output-dir");
  if (!args.output.empty()) throw UsageError("galley.cli.usage", "-o names one output file; in batch mode use --output-dir");
  BatchPlan plan;
  plan.settings = prepare_settings(args, reg);
  plan.formats = parse_format_list(args.to.empty() ? reg.default_writer() : args.to, reg, true);
  plan.suffix = output_suffixes(reg, plan.formats);
  if (args.worker) return plan;  // a worker is handed its articles, paths and all

  // Inputs: arguments and manifest, deduplicated by real path, sorted.
  std::vector<std::string> raw = args.inputs;
  if (!args.manifest.empty())
    for (auto& p : read_manifest(args.manifest)) raw.push_back(p);
  for (auto& p : raw)
    if (p == "-") throw UsageError("galley.cli.usage", "batch mode reads files, not standard input (use --manifest -)");
  if (raw.empty()) throw UsageError("galley.cli.usage", "batch mode: no input files");
  {
    std::set<std::string> seen;
    std::vector<std::string> sorted = raw;
    for (auto& p : sorted) p = fs::path(p).lexically_normal().string();
    std::sort(sorted.begin(), sorted.end());
    for (auto& p : sorted) {
      std::error_code ec;
      auto canon = fs::weakly_canonical(p, ec);
      if (seen.insert(ec ? p : canon.string()).second) plan.inputs.push_back(p);
    }
  }
  plan.names = output_names(plan.inputs);
  expand_archive_inputs(plan.settings, plan.inputs, plan.names);  // a web archive: one article per page
  plan.shard = args.shard.empty() ? Shard{} : parse_shard(args.shard, process_environment());
  for (std::size_t i = 0; i < plan.inputs.size(); ++i)
    if (i % plan.shard.n == plan.shard.k - 1) plan.chosen.push_back(i);
  return plan;
}

}  // namespace galley::cli
