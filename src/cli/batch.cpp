// Batch mode: the plan's articles (cli/batch_plan.hpp) converted by std::thread
// workers, each article independent (cli/batch_article.hpp): one failure never
// stops the others. Outputs are written atomically (write_file_atomic), so
// Ctrl-C (the SIGINT handler of main.cpp removes pending temporary files)
// leaves only complete files. Up-to-date outputs (cli/freshness.hpp: by
// content) are skipped. --plan and --worker (cli/batch_worker.hpp) hand the
// same articles to other engines.
#include "cli/batch.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "cli/batch_article.hpp"
#include "cli/batch_plan.hpp"
#include "cli/batch_worker.hpp"
#include "cli/freshness.hpp"
#include "cli/report.hpp"
#include "galley/error.hpp"
#include "galley/io.hpp"

namespace galley::cli {

namespace fs = std::filesystem;

namespace {

std::string format_duration(double secs) {
  if (!std::isfinite(secs) || secs < 0) return "--:--";
  long s = std::lround(secs);
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

}  // namespace

bool is_batch(const Args& args) {
  return !args.output_dir.empty() || !args.manifest.empty() || args.to.find(',') != std::string::npos || args.plan ||
         args.worker;
}

int run_batch(const Args& args, const Registry& reg) {
  if (args.plan && args.worker) throw UsageError("galley.cli.usage", "--plan and --worker: one or the other");
  if (args.worker) return run_worker(args, reg);
  if (args.plan) return run_plan(args, reg);
  using Clock = std::chrono::steady_clock;
  auto t0 = Clock::now();
  const BatchPlan plan = make_plan(args, reg);
  const ArticleSettings& settings = plan.settings;
  const auto& formats = plan.formats;
  const auto& chosen = plan.chosen;

  // Folders first (before any thread exists).
  std::error_code ec;
  fs::create_directories(args.output_dir, ec);
  if (ec) throw OutputError("galley.io.write", "cannot create " + args.output_dir + ": " + ec.message());
  const Freshness freshness(args, args.output_dir);
  fs::create_directories(freshness.record_dir(""), ec);
  if (ec) throw OutputError("galley.io.write", "cannot create " + freshness.record_dir("") + ": " + ec.message());
  for (std::size_t slot = 0; slot < chosen.size(); ++slot) create_output_folders(plan.output_path(slot, 0), freshness);

  // Readers whose libraries set up globals on first use: do that on this thread.
  {
    std::set<std::string> used;
    for (std::size_t slot = 0; slot < chosen.size(); ++slot) used.insert(reader_spec_for(settings, plan.input(slot), false).name);
    for (auto& name : used)
      if (auto* e = reg.find_reader(name); e && e->init) e->init();
  }

  const std::size_t total = chosen.size();
  std::vector<ArticleResult> results(total);
  unsigned hw = std::thread::hardware_concurrency();
  std::size_t jobs = args.jobs > 0 ? static_cast<std::size_t>(args.jobs) : (hw ? hw : 1);
  jobs = std::max<std::size_t>(1, std::min(jobs, total));

  const bool tty = isatty(2);
  std::mutex mu;
  std::size_t done = 0, failed = 0, skipped = 0;
  auto last_draw = Clock::now() - std::chrono::seconds(1);

  auto progress = [&](std::size_t slot, bool final_draw) {  // under mu
    const ArticleResult& r = results[slot];
    const std::string& input = plan.input(slot);
    double elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
    double rate = elapsed > 0 ? done / elapsed : 0;
    if (args.verbose)
      for (auto& d : r.read_warnings) if (d.severity == Severity::Warning)
        std::cerr << (tty ? "\r\x1b[K" : "") << "[WARNING] " << input << ": " << d.message << "\n";
    if (args.verbose)
      for (auto& o : r.outputs) for (auto& d : o.warnings) if (d.severity == Severity::Warning)
        std::cerr << (tty ? "\r\x1b[K" : "") << "[WARNING] " << input << " (" << o.format << "): " << d.message << "\n";
    if (tty) {
      if (r.status == ArticleResult::Failed)
        std::cerr << "\r\x1b[K" << "FAILED " << input << ": " << r.first_error() << "\n";
      if (!final_draw && Clock::now() - last_draw < std::chrono::milliseconds(100)) return;
      last_draw = Clock::now();
      const int width = 30;
      int filled = total ? static_cast<int>(width * done / total) : width;
      double eta = rate > 0 ? (total - done) / rate : NAN;
      std::cerr << "\r\x1b[K" << done << "/" << total << " [" << std::string(filled, '#') << std::string(width - filled, '.')
                << "] " << std::fixed;
      std::cerr.precision(1);
      std::cerr << rate << " articles/s  ETA " << format_duration(eta);
      if (failed) std::cerr << "  failed " << failed;
      if (skipped) std::cerr << "  up to date " << skipped;
      std::cerr.unsetf(std::ios::floatfield);
      if (final_draw) std::cerr << "\n";
      std::cerr.flush();
      return;
    }
    if (args.quiet && r.status != ArticleResult::Failed) return;
    char head[64];
    std::snprintf(head, sizeof head, "[%*zu/%zu] ", static_cast<int>(std::to_string(total).size()), done, total);
    std::cerr << head;
    switch (r.status) {
      case ArticleResult::Failed: std::cerr << "FAILED     " << input << ": " << r.first_error() << "\n"; break;
      case ArticleResult::Skipped: std::cerr << "up to date " << input << "\n"; break;
      default: {
        std::cerr << "converted  " << input;
        if (auto w = r.warning_count()) std::cerr << " (" << w << " warning" << (w == 1 ? "" : "s") << ")";
        std::cerr << "\n";
      }
    }
  };

  auto convert_one = [&](std::size_t slot) {
    const std::string& in = plan.input(slot);
    std::vector<std::string> paths;
    for (std::size_t f = 0; f < formats.size(); ++f) paths.push_back(plan.output_path(slot, f));
    results[slot] = convert_article(settings, freshness, in, reader_spec_for(settings, in, false), formats, paths, nullptr);
    std::lock_guard<std::mutex> lock(mu);
    ++done;
    if (results[slot].status == ArticleResult::Failed) ++failed;
    if (results[slot].status == ArticleResult::Skipped) ++skipped;
    progress(slot, done == total);
  };

  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (;;) {
      std::size_t slot = next.fetch_add(1);
      if (slot >= total) return;
      convert_one(slot);
    }
  };
  if (jobs <= 1) {
    worker();
  } else {
    std::vector<std::thread> threads;
    for (std::size_t j = 0; j < jobs; ++j) threads.emplace_back(worker);
    for (auto& t : threads) t.join();
  }
  double elapsed = std::chrono::duration<double>(Clock::now() - t0).count();

  // The report, and the summary line from its counts.
  ReportJson articles = ReportJson::array();
  for (std::size_t slot = 0; slot < total; ++slot) articles.push_back(article_json(plan.input(slot), results[slot]));
  std::vector<std::string> format_names;
  for (auto& f : formats) format_names.push_back(to_string(f));
  const Shard& shard = plan.shard;
  ReportJson rep = make_report(format_names, args.output_dir,
                               shard.n > 1 ? ReportJson(std::to_string(shard.k) + "/" + std::to_string(shard.n)) : ReportJson(),
                               std::move(articles), jobs, elapsed);
  const ReportJson& s = rep["summary"];
  const std::size_t warnings = s["warnings"];
  {
    std::ostringstream o;
    o.setf(std::ios::fixed);
    o.precision(1);
    o << "galley: " << total << " article" << (total == 1 ? "" : "s");
    if (shard.n > 1) o << " (shard " << shard.k << "/" << shard.n << " of " << plan.inputs.size() << ")";
    o << " in " << elapsed << " s (" << (elapsed > 0 ? total / elapsed : 0.0) << "/s, " << jobs << " job"
      << (jobs == 1 ? "" : "s") << "): " << s["converted"].get<std::size_t>() << " converted ("
      << s["with-warnings"].get<std::size_t>() << " with warnings), " << s["up-to-date"].get<std::size_t>()
      << " up to date, " << s["failed"].get<std::size_t>() << " failed; " << s["files-written"].get<std::size_t>()
      << " files written, " << s["files-up-to-date"].get<std::size_t>() << " up to date\n";
    if (failed) {
      o << "failed:\n";
      for (std::size_t i = 0; i < total; ++i)
        if (results[i].status == ArticleResult::Failed) o << "  " << plan.input(i) << ": " << results[i].first_error() << "\n";
    }
    std::cerr << o.str();
  }
  if (!args.report.empty()) write_file_atomic(args.report, report_text(rep));

  if (failed) return 1;
  if (args.fail_if_warnings && warnings) {
    std::cerr << "Failing because there were " << warnings << " warning(s).\n";
    return 6;
  }
  return 0;
}

}  // namespace galley::cli
