// Batch mode: inputs (arguments and --manifest) sorted, sharded, converted by
// std::thread workers, each article independent: one failure never stops the
// others. Outputs are written atomically (write_file_atomic), so Ctrl-C (the
// SIGINT handler of main.cpp removes pending temporary files) leaves only
// complete files. Up-to-date outputs (cli/freshness.hpp: by content) are skipped.
#include "cli/batch.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "cli/article.hpp"
#include "cli/freshness.hpp"
#include "galley/error.hpp"
#include "galley/io.hpp"
#include "galley/text.hpp"
#include "galley/version.hpp"

namespace galley::cli {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string_view s) { return ascii_lower(s); }

}  // namespace

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

namespace {

struct Shard {
  std::size_t k = 1, n = 1;
};

Shard parse_shard(const std::string& s) {
  Shard sh;
  auto slash = s.find('/');
  auto bad = [&] { throw UsageError("galley.cli.usage", "--shard must be K/N with 1 <= K <= N, not '" + s + "'"); };
  if (slash == std::string::npos) bad();
  try {
    std::size_t used = 0;
    sh.k = std::stoul(s.substr(0, slash), &used);
    if (used != slash) bad();
    std::string n = s.substr(slash + 1);
    sh.n = std::stoul(n, &used);
    if (used != n.size()) bad();
  } catch (const std::logic_error&) {
    bad();
  }
  if (sh.n < 1 || sh.k < 1 || sh.k > sh.n) bad();
  return sh;
}

struct OutputResult {
  std::string format, path;
  enum { Pending, Written, UpToDate, Failed } status = Pending;
  std::size_t bytes = 0;
  std::vector<Diagnostic> warnings;
  std::string error_id, error;
};

struct ArticleResult {
  enum { Pending, Converted, Skipped, Failed } status = Pending;
  std::string reader;
  std::vector<Diagnostic> read_warnings;
  std::vector<OutputResult> outputs;
  std::string error_id, error;  // reading failed (outputs then all Failed)
  double seconds = 0;
  std::size_t warning_count() const {
    std::size_t n = 0;
    for (auto& d : read_warnings) n += d.severity == Severity::Warning;
    for (auto& o : outputs)
      for (auto& d : o.warnings) n += d.severity == Severity::Warning;
    return n;
  }
  std::string first_error() const {
    if (!error.empty()) return error;
    for (auto& o : outputs)
      if (o.status == OutputResult::Failed) return o.format + ": " + o.error;
    return {};
  }
};

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
  return !args.output_dir.empty() || !args.manifest.empty() || args.to.find(',') != std::string::npos;
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
    for (std::size_t i = 0; i < items.size(); ++i) groups[lower(name(items[i]))].push_back(i);
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
    for (int k = 2; !used.insert(lower(candidate)).second; ++k) candidate = n + "~" + std::to_string(k);
    out.push_back(candidate);
  }
  return out;
}

int run_batch(const Args& args, const Registry& reg) {
  using Clock = std::chrono::steady_clock;
  auto t0 = Clock::now();
  if (args.output_dir.empty()) throw UsageError("galley.cli.usage", "batch mode (a list in --to, or --manifest) needs --output-dir");
  if (!args.output.empty()) throw UsageError("galley.cli.usage", "-o names one output file; in batch mode use --output-dir");
  ArticleSettings settings = prepare_settings(args, reg);
  std::vector<FormatSpec> formats = parse_format_list(args.to.empty() ? reg.default_writer() : args.to, reg, true);

  const std::vector<std::string> suffix = output_suffixes(reg, formats);

  // Inputs: arguments and manifest, deduplicated by real path, sorted.
  std::vector<std::string> raw = args.inputs;
  if (!args.manifest.empty())
    for (auto& p : read_manifest(args.manifest)) raw.push_back(p);
  for (auto& p : raw)
    if (p == "-") throw UsageError("galley.cli.usage", "batch mode reads files, not standard input (use --manifest -)");
  if (raw.empty()) throw UsageError("galley.cli.usage", "batch mode: no input files");
  std::vector<std::string> inputs;
  {
    std::set<std::string> seen;
    std::vector<std::string> sorted = raw;
    for (auto& p : sorted) p = fs::path(p).lexically_normal().string();
    std::sort(sorted.begin(), sorted.end());
    for (auto& p : sorted) {
      std::error_code ec;
      auto canon = fs::weakly_canonical(p, ec);
      if (seen.insert(ec ? p : canon.string()).second) inputs.push_back(p);
    }
  }
  std::vector<std::string> names = output_names(inputs);
  std::vector<std::size_t> chosen;
  Shard shard = args.shard.empty() ? Shard{} : parse_shard(args.shard);
  for (std::size_t i = 0; i < inputs.size(); ++i)
    if (i % shard.n == shard.k - 1) chosen.push_back(i);

  // Folders first (before any thread exists).
  std::error_code ec;
  fs::create_directories(args.output_dir, ec);
  if (ec) throw OutputError("galley.io.write", "cannot create " + args.output_dir + ": " + ec.message());
  const Freshness freshness(args, args.output_dir);
  fs::create_directories(freshness.record_dir(""), ec);
  if (ec) throw OutputError("galley.io.write", "cannot create " + freshness.record_dir("") + ": " + ec.message());
  for (auto i : chosen) {
    auto slash = names[i].rfind('/');
    if (slash == std::string::npos) continue;
    for (const std::string& dir : {(fs::path(args.output_dir) / names[i].substr(0, slash)).string(),
                                   freshness.record_dir(names[i].substr(0, slash))}) {
      fs::create_directories(dir, ec);
      if (ec) throw OutputError("galley.io.write", "cannot create a folder in " + args.output_dir + ": " + ec.message());
    }
  }

  // Readers whose libraries set up globals on first use: do that on this thread.
  {
    std::set<std::string> used;
    for (auto i : chosen) used.insert(reader_spec_for(settings, inputs[i], false).name);
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
    double elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
    double rate = elapsed > 0 ? done / elapsed : 0;
    if (args.verbose)
      for (auto* list : {&r.read_warnings}) for (auto& d : *list) if (d.severity == Severity::Warning)
        std::cerr << (tty ? "\r\x1b[K" : "") << "[WARNING] " << inputs[chosen[slot]] << ": " << d.message << "\n";
    if (args.verbose)
      for (auto& o : r.outputs) for (auto& d : o.warnings) if (d.severity == Severity::Warning)
        std::cerr << (tty ? "\r\x1b[K" : "") << "[WARNING] " << inputs[chosen[slot]] << " (" << o.format << "): " << d.message << "\n";
    if (tty) {
      if (r.status == ArticleResult::Failed)
        std::cerr << "\r\x1b[K" << "FAILED " << inputs[chosen[slot]] << ": " << r.first_error() << "\n";
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
      case ArticleResult::Failed: std::cerr << "FAILED     " << inputs[chosen[slot]] << ": " << r.first_error() << "\n"; break;
      case ArticleResult::Skipped: std::cerr << "up to date " << inputs[chosen[slot]] << "\n"; break;
      default: {
        std::cerr << "converted  " << inputs[chosen[slot]];
        if (auto w = r.warning_count()) std::cerr << " (" << w << " warning" << (w == 1 ? "" : "s") << ")";
        std::cerr << "\n";
      }
    }
  };

  auto convert_one = [&](std::size_t slot) {
    auto start = Clock::now();
    ArticleResult& r = results[slot];
    const std::string& in = inputs[chosen[slot]];
    FormatSpec from = reader_spec_for(settings, in, false);
    r.reader = to_string(from);
    for (std::size_t f = 0; f < formats.size(); ++f) {
      OutputResult o;
      o.format = formats[f].name;
      o.path = (fs::path(args.output_dir) / (names[chosen[slot]] + suffix[f])).string();
      r.outputs.push_back(std::move(o));
    }
    std::string bytes;
    std::vector<std::string> sources(formats.size());
    bool all_fresh = false, have_input = false;
    try {
      bytes = read_file(in, args.max_input_size ? *args.max_input_size : std::size_t(512) << 20);
      have_input = all_fresh = true;
      for (std::size_t f = 0; f < formats.size(); ++f) {
        sources[f] = freshness.source_digest(bytes, r.reader, to_string(formats[f]));
        if (!args.force && freshness.up_to_date(r.outputs[f].path, sources[f])) r.outputs[f].status = OutputResult::UpToDate;
        all_fresh &= r.outputs[f].status == OutputResult::UpToDate;
      }
    } catch (const Error&) {
      // Reading again below reports the error in the article's result.
    }
    if (all_fresh) {
      r.status = ArticleResult::Skipped;
    } else {
      bool ok = true;
      try {
        Diagnostics diag;
        if (!have_input)
          bytes = read_file(in, args.max_input_size ? *args.max_input_size : std::size_t(512) << 20);
        Document doc = read_article(settings, in, bytes, from, diag);
        r.read_warnings = diag.all();
        bytes.clear();
        bytes.shrink_to_fit();
        for (std::size_t f = 0; f < formats.size(); ++f) {
          OutputResult& o = r.outputs[f];
          if (o.status == OutputResult::UpToDate) continue;
          try {
            Diagnostics wd;
            std::string out = write_article(settings, in, doc, formats[f], wd);
            o.warnings = wd.all();
            write_file_atomic(o.path, out);
            freshness.record(o.path, sources[f], out);
            o.bytes = out.size();
            o.status = OutputResult::Written;
          } catch (const Error& e) {
            o.status = OutputResult::Failed;
            o.error_id = e.id();
            o.error = e.what();
            ok = false;
          } catch (const std::bad_alloc&) {
            o.status = OutputResult::Failed;
            o.error_id = "galley.memory";
            o.error = "[galley.memory] out of memory";
            ok = false;
          } catch (const std::exception& e) {
            o.status = OutputResult::Failed;
            o.error_id = "galley.internal";
            o.error = std::string("[galley.internal] ") + e.what();
            ok = false;
          }
        }
      } catch (const Error& e) {
        r.error_id = e.id();
        r.error = e.what();
        ok = false;
      } catch (const std::bad_alloc&) {
        r.error_id = "galley.memory";
        r.error = "[galley.memory] out of memory";
        ok = false;
      } catch (const std::exception& e) {
        r.error_id = "galley.internal";
        r.error = std::string("[galley.internal] ") + e.what();
        ok = false;
      }
      if (!r.error.empty())
        for (auto& o : r.outputs)
          if (o.status == OutputResult::Pending) o.status = OutputResult::Failed;
      r.status = ok ? ArticleResult::Converted : ArticleResult::Failed;
    }
    r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::lock_guard<std::mutex> lock(mu);
    ++done;
    if (r.status == ArticleResult::Failed) ++failed;
    if (r.status == ArticleResult::Skipped) ++skipped;
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

  // Summary.
  std::size_t converted = 0, with_warnings = 0, written = 0, fresh = 0, warnings = 0;
  for (auto& r : results) {
    if (r.status == ArticleResult::Converted) ++converted;
    if (r.status != ArticleResult::Skipped && r.warning_count()) ++with_warnings;
    warnings += r.status == ArticleResult::Skipped ? 0 : r.warning_count();
    for (auto& o : r.outputs) {
      written += o.status == OutputResult::Written;
      fresh += o.status == OutputResult::UpToDate;
    }
  }
  {
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(1);
    s << "galley: " << total << " article" << (total == 1 ? "" : "s");
    if (shard.n > 1) s << " (shard " << shard.k << "/" << shard.n << " of " << inputs.size() << ")";
    s << " in " << elapsed << " s (" << (elapsed > 0 ? total / elapsed : 0.0) << "/s, " << jobs << " job"
      << (jobs == 1 ? "" : "s") << "): " << converted << " converted (" << with_warnings << " with warnings), " << skipped
      << " up to date, " << failed << " failed; " << written << " files written, " << fresh << " up to date\n";
    if (failed) {
      s << "failed:\n";
      for (std::size_t i = 0; i < total; ++i)
        if (results[i].status == ArticleResult::Failed) s << "  " << inputs[chosen[i]] << ": " << results[i].first_error() << "\n";
    }
    std::cerr << s.str();
  }

  // Report.
  if (!args.report.empty()) {
    using J = nlohmann::ordered_json;
    J rep;
    rep["galley"] = GALLEY_VERSION;
    rep["formats"] = J::array();
    for (auto& f : formats) rep["formats"].push_back(to_string(f));
    rep["output-dir"] = args.output_dir;
    rep["shard"] = shard.n > 1 ? J(std::to_string(shard.k) + "/" + std::to_string(shard.n)) : J();
    rep["summary"] = {{"articles", total},        {"converted", converted}, {"with-warnings", with_warnings},
                      {"up-to-date", skipped},     {"failed", failed},       {"files-written", written},
                      {"files-up-to-date", fresh}, {"warnings", warnings},   {"jobs", jobs},
                      {"seconds", std::round(elapsed * 1000) / 1000}};
    J arts = J::array();
    static const char* status_names[] = {"pending", "converted", "up-to-date", "failed"};
    static const char* out_names[] = {"pending", "written", "up-to-date", "failed"};
    for (std::size_t i = 0; i < total; ++i) {
      auto& r = results[i];
      J a;
      a["input"] = inputs[chosen[i]];
      a["reader"] = r.reader;
      a["status"] = status_names[r.status];
      if (!r.error.empty()) a["error"] = {{"id", r.error_id}, {"message", r.error}};
      J outs = J::array();
      std::map<std::string, std::size_t> kinds;
      J messages = J::array();
      for (auto& d : r.read_warnings) {
        if (d.severity != Severity::Warning) continue;
        ++kinds[d.kind];
        messages.push_back({{"stage", "read"}, {"kind", d.kind}, {"message", d.message}});
      }
      for (auto& o : r.outputs) {
        J oj = {{"format", o.format}, {"path", o.path}, {"status", out_names[o.status]}};
        if (o.status == OutputResult::Written) oj["bytes"] = o.bytes;
        if (o.status == OutputResult::Failed && !o.error.empty()) oj["error"] = {{"id", o.error_id}, {"message", o.error}};
        outs.push_back(oj);
        for (auto& d : o.warnings) {
          if (d.severity != Severity::Warning) continue;
          ++kinds[d.kind];
          messages.push_back({{"stage", o.format}, {"kind", d.kind}, {"message", d.message}});
        }
      }
      a["outputs"] = outs;
      J by_kind = J::object();
      for (auto& [k, n] : kinds) by_kind[k] = n;
      a["warnings"] = {{"count", messages.size()}, {"by-kind", by_kind}, {"messages", messages}};
      a["seconds"] = std::round(r.seconds * 1000) / 1000;
      arts.push_back(a);
    }
    rep["articles"] = arts;
    write_file_atomic(args.report, rep.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  }

  if (failed) return 1;
  if (args.fail_if_warnings && warnings) {
    std::cerr << "Failing because there were " << warnings << " warning(s).\n";
    return 6;
  }
  return 0;
}

}  // namespace galley::cli
