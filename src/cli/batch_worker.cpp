// See batch_worker.hpp.
#include "cli/batch_worker.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <set>
#include <thread>

#include "cli/batch_article.hpp"
#include "cli/batch_plan.hpp"
#include "cli/freshness.hpp"
#include "cli/report.hpp"
#include "galley/error.hpp"
#include "galley/version.hpp"

namespace galley::cli {

namespace fs = std::filesystem;

namespace {

using J = ReportJson;

std::size_t job_count(const Args& args, std::size_t total) {
  unsigned hw = std::thread::hardware_concurrency();
  std::size_t jobs = args.jobs > 0 ? static_cast<std::size_t>(args.jobs) : (hw ? hw : 1);
  return std::max<std::size_t>(1, std::min(jobs, total));
}

[[noreturn]] void bad_request(const std::string& why) { throw UsageError("galley.worker.request", why); }

// An output path the plan gave: inside the output folder, with the format's suffix.
void check_path(const std::string& path, const std::string& output_dir, const std::string& suffix) {
  fs::path rel = fs::path(path).lexically_normal().lexically_relative(fs::path(output_dir).lexically_normal());
  if (rel.empty() || *rel.begin() == ".." || rel == "." || path.size() < suffix.size() ||
      path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0)
    bad_request("output " + path + " is not a " + suffix + " file below " + output_dir);
}

}  // namespace

int run_plan(const Args& args, const Registry& reg) {
  const BatchPlan plan = make_plan(args, reg);
  const Freshness freshness(args, args.output_dir);
  const std::size_t total = plan.chosen.size();
  std::vector<std::vector<bool>> fresh(total);
  // Deciding "up to date" reads every input and existing output: in parallel, as batch mode does.
  std::atomic<std::size_t> next{0};
  auto check = [&] {
    for (std::size_t slot; (slot = next.fetch_add(1)) < total;) {
      std::vector<std::string> paths;
      for (std::size_t f = 0; f < plan.formats.size(); ++f) paths.push_back(plan.output_path(slot, f));
      const std::string& in = plan.input(slot);
      fresh[slot] = outputs_up_to_date(plan.settings, freshness, in, reader_spec_for(plan.settings, in, false),
                                       plan.formats, paths);
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t j = 0; j < job_count(args, total); ++j) threads.emplace_back(check);
  for (auto& t : threads) t.join();

  J out;
  out["galley"] = GALLEY_VERSION;
  out["formats"] = J::array();
  for (auto& f : plan.formats) out["formats"].push_back(to_string(f));
  out["output-dir"] = args.output_dir;
  out["shard"] = plan.shard.n > 1 ? J(std::to_string(plan.shard.k) + "/" + std::to_string(plan.shard.n)) : J();
  out["inputs"] = plan.inputs.size();
  J articles = J::array();
  for (std::size_t slot = 0; slot < total; ++slot) {
    const std::string& in = plan.input(slot);
    J outs = J::array();
    for (std::size_t f = 0; f < plan.formats.size(); ++f)
      outs.push_back({{"format", plan.formats[f].name},
                      {"path", plan.output_path(slot, f)},
                      {"status", fresh[slot][f] ? "up-to-date" : "pending"}});
    const FormatSpec from = reader_spec_for(plan.settings, in, false);
    J article = {{"input", in}, {"reader", to_string(from)}, {"outputs", outs}};
    // Nothing to do: the article's report entry is known now, and an engine
    // need not send it to a worker.
    if (std::all_of(fresh[slot].begin(), fresh[slot].end(), [](bool b) { return b; })) {
      std::vector<std::string> paths;
      for (std::size_t f = 0; f < plan.formats.size(); ++f) paths.push_back(plan.output_path(slot, f));
      article["up-to-date"] = article_json(in, convert_article(plan.settings, freshness, in, from, plan.formats, paths, &fresh[slot]));
    }
    articles.push_back(std::move(article));
  }
  out["articles"] = std::move(articles);
  std::cout << report_text(out) << std::flush;
  return 0;
}

int run_worker(const Args& args, const Registry& reg) {
  const BatchPlan plan = make_plan(args, reg);
  const Freshness freshness(args, args.output_dir);
  std::set<std::string> initialised;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    J answer;
    try {
      J req;
      try {
        req = J::parse(line);
      } catch (const J::exception& e) {
        bad_request(std::string("not JSON: ") + e.what());
      }
      if (!req.is_object() || !req.contains("input") || !req["input"].is_string() || !req.contains("reader") ||
          !req["reader"].is_string() || !req.contains("outputs") || !req["outputs"].is_array())
        bad_request("not a plan article (input, reader, outputs)");
      const std::string in = req["input"];
      const FormatSpec from = reader_spec_for(plan.settings, in, false);
      if (req["reader"] != to_string(from))
        bad_request(in + ": the plan reads it as " + req["reader"].dump() + ", these options as " + to_string(from));
      const J& outs = req["outputs"];
      if (outs.size() != plan.formats.size()) bad_request(in + ": the plan has other formats");
      std::vector<std::string> paths;
      std::vector<bool> fresh;
      for (std::size_t f = 0; f < plan.formats.size(); ++f) {
        const J& o = outs[f];
        if (!o.is_object() || !o.contains("format") || o["format"] != plan.formats[f].name || !o.contains("path") ||
            !o["path"].is_string() || !o.contains("status") || (o["status"] != "pending" && o["status"] != "up-to-date"))
          bad_request(in + ": output " + std::to_string(f + 1) + " is not format " + plan.formats[f].name +
                      " with a path and a status");
        paths.push_back(o["path"]);
        check_path(paths.back(), args.output_dir, plan.suffix[f]);
        fresh.push_back(o["status"] == "up-to-date");
      }
      if (initialised.insert(from.name).second)
        if (auto* e = reg.find_reader(from.name); e && e->init) e->init();
      for (auto& p : paths) create_output_folders(p, freshness);
      answer = article_json(in, convert_article(plan.settings, freshness, in, from, plan.formats, paths, &fresh));
    } catch (const Error& e) {
      answer = {{"error", {{"id", e.id()}, {"message", e.what()}}}};
    }
    std::cout << answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n" << std::flush;
  }
  return 0;
}

}  // namespace galley::cli
