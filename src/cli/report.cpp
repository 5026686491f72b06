// See report.hpp. Merging refuses what would make a wrong report rather than
// guess: a file that is not a galley report (or whose summary does not add up
// from its articles: edited or cut short), reports of different galley
// versions, formats or output folders, one input or one output path in two
// reports, the same shard twice, shards of different counts, and a whole run
// mixed with shards. The result lists the articles by input (bytewise), the
// order of one unsharded run, whatever the order of the files given.
#include "cli/report.hpp"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include "galley/error.hpp"
#include "galley/io.hpp"
#include "galley/version.hpp"

namespace galley::cli {

namespace {

using J = ReportJson;

const char* const kCounts[] = {"articles", "converted", "with-warnings", "up-to-date",
                               "failed", "files-written", "files-up-to-date", "warnings"};

[[noreturn]] void invalid(const std::string& file, const std::string& why) {
  throw InputError("galley.report.invalid", file + " is not a galley batch report: " + why);
}

bool is_count(const J& v) { return v.is_number_unsigned() || (v.is_number_integer() && v.get<long long>() >= 0); }

// The shards a report covers: none (null: every input) or a set of K of N.
struct Shards {
  std::set<std::size_t> ks;
  std::size_t n = 0;  // 0: the whole run
};

std::optional<std::size_t> small_number(const std::string& s) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoul(s);
}

// "K/N", or "K1,K2,.../N" (a merge of some shards).
Shards parse_shards(const J& v, const std::string& file) {
  Shards s;
  if (v.is_null()) return s;
  if (!v.is_string()) invalid(file, "\"shard\" is neither null nor \"K/N\"");
  std::string text = v.get<std::string>();
  auto slash = text.find('/');
  auto n = slash == std::string::npos ? std::nullopt : small_number(text.substr(slash + 1));
  if (!n || *n < 1) invalid(file, "\"shard\" is \"" + text + "\", not \"K/N\"");
  s.n = *n;
  std::size_t start = 0;
  while (start <= slash) {
    auto comma = std::min(text.find(',', start), slash);
    auto k = small_number(text.substr(start, comma - start));
    if (!k || *k < 1 || *k > s.n || !s.ks.insert(*k).second) invalid(file, "\"shard\" is \"" + text + "\", not \"K/N\"");
    start = comma + 1;
  }
  return s;
}

J shards_json(const Shards& s) {
  if (s.n == 0 || s.ks.size() == s.n) return J();
  std::string out;
  for (auto k : s.ks) out += (out.empty() ? "" : ",") + std::to_string(k);
  return J(out + "/" + std::to_string(s.n));
}

// The shape batch mode writes; every field that merging or a reader of the
// report relies on.
void check_report(const J& r, const std::string& file) {
  if (!r.is_object()) invalid(file, "not a JSON object");
  for (const char* key : {"galley", "output-dir"})
    if (!r.contains(key) || !r[key].is_string()) invalid(file, std::string("no \"") + key + "\" string");
  if (!r.contains("formats") || !r["formats"].is_array() || r["formats"].empty()) invalid(file, "no \"formats\" list");
  for (auto& f : r["formats"])
    if (!f.is_string()) invalid(file, "a format that is not a string");
  if (!r.contains("shard")) invalid(file, "no \"shard\"");
  if (!r.contains("summary") || !r["summary"].is_object()) invalid(file, "no \"summary\" object");
  const J& s = r["summary"];
  for (const char* key : kCounts)
    if (!s.contains(key) || !is_count(s[key])) invalid(file, std::string("the summary has no count \"") + key + "\"");
  if (!s.contains("jobs") || !is_count(s["jobs"]) || !s.contains("seconds") || !s["seconds"].is_number())
    invalid(file, "the summary has no \"jobs\" or \"seconds\"");
  if (!r.contains("articles") || !r["articles"].is_array()) invalid(file, "no \"articles\" list");
  const std::size_t nformats = r["formats"].size();
  for (auto& a : r["articles"]) {
    if (!a.is_object() || !a.contains("input") || !a["input"].is_string() || !a.contains("reader") ||
        !a["reader"].is_string() || !a.contains("status") || !a["status"].is_string())
      invalid(file, "an article without \"input\", \"reader\" or \"status\"");
    const std::string where = "article " + a["input"].get<std::string>() + ": ";
    const std::string status = a["status"].get<std::string>();
    if (status != "converted" && status != "up-to-date" && status != "failed")
      invalid(file, where + "status \"" + status + "\"");
    if (!a.contains("outputs") || !a["outputs"].is_array() || a["outputs"].size() != nformats)
      invalid(file, where + "not one output per format");
    for (auto& o : a["outputs"])
      if (!o.is_object() || !o.contains("format") || !o["format"].is_string() || !o.contains("path") ||
          !o["path"].is_string() || !o.contains("status") || !o["status"].is_string())
        invalid(file, where + "an output without \"format\", \"path\" or \"status\"");
    if (!a.contains("warnings") || !a["warnings"].is_object() || !a["warnings"].contains("count") ||
        !is_count(a["warnings"]["count"]))
      invalid(file, where + "no warning count");
  }
  J again = report_summary(r["articles"], 0, 0);
  for (const char* key : kCounts)
    if (again[key] != s[key])
      invalid(file, std::string("its summary says ") + key + " = " + s[key].dump() + ", its articles " +
                        again[key].dump() + " (edited or cut short?)");
}

int merge(const std::vector<std::string>& files, const std::string& output) {
  std::vector<J> reports;
  for (auto& f : files) {
    std::string text = read_file(f);
    J r;
    try {
      r = J::parse(text);
    } catch (const J::exception& e) {
      invalid(f, std::string("not JSON (") + e.what() + ")");
    }
    check_report(r, f);
    reports.push_back(std::move(r));
  }
  const J& first = reports[0];
  Shards all;
  bool whole = false, sharded = false;
  std::map<std::string, std::string> input_in, path_in, shard_in;  // -> file
  J articles = J::array();
  std::size_t jobs = 0;
  double seconds = 0;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const J& r = reports[i];
    const std::string& f = files[i];
    for (const char* key : {"galley", "formats", "output-dir"})
      if (r[key] != first[key])
        throw InputError("galley.report.mismatch", f + " and " + files[0] + " are reports of different runs: their \"" +
                                                       key + "\" differ (" + r[key].dump() + ", " + first[key].dump() + ")");
    Shards s = parse_shards(r["shard"], f);
    (s.n ? sharded : whole) = true;
    if (whole && sharded)
      throw InputError("galley.report.mismatch", "some reports are of shards and some of whole runs (" + f + ")");
    if (s.n) {
      if (all.n && all.n != s.n)
        throw InputError("galley.report.mismatch", f + " is a shard of " + std::to_string(s.n) + ", others of " +
                                                       std::to_string(all.n));
      all.n = s.n;
      for (auto k : s.ks) {
        std::string key = std::to_string(k) + "/" + std::to_string(s.n);
        if (auto [it, fresh] = shard_in.emplace(key, f); !fresh)
          throw InputError("galley.report.duplicate", "shard " + key + " is in " + it->second + " and in " + f);
        all.ks.insert(k);
      }
    }
    for (auto& a : r["articles"]) {
      std::string in = a["input"].get<std::string>();
      if (auto [it, fresh] = input_in.emplace(in, f); !fresh)
        throw InputError("galley.report.duplicate", in + " is in " + it->second + " and in " + f);
      for (auto& o : a["outputs"])
        if (auto [it, fresh] = path_in.emplace(o["path"].get<std::string>(), f); !fresh)
          throw InputError("galley.report.duplicate", "two articles write " + it->first + " (" + it->second + ", " + f + ")");
      articles.push_back(a);
    }
    jobs += r["summary"]["jobs"].get<std::size_t>();
    seconds = std::max(seconds, r["summary"]["seconds"].get<double>());
  }
  std::stable_sort(articles.begin(), articles.end(), [](const J& a, const J& b) {
    return a["input"].get<std::string>() < b["input"].get<std::string>();
  });
  std::vector<std::string> formats;
  for (auto& f : first["formats"]) formats.push_back(f.get<std::string>());
  J body = make_report(formats, first["output-dir"].get<std::string>(), shards_json(all), std::move(articles), jobs, seconds);
  body["galley"] = first["galley"];  // the runs' version, not this merge's
  if (all.n && all.ks.size() != all.n) {
    std::string missing;
    for (std::size_t k = 1; k <= all.n; ++k)
      if (!all.ks.count(k)) missing += (missing.empty() ? "" : ", ") + std::to_string(k);
    std::cerr << "galley: report merge: shards " << missing << " of " << all.n << " are not among the reports\n";
  }
  std::string text = report_text(body);
  if (output.empty() || output == "-") std::cout << text;
  else write_file_atomic(output, text);
  return 0;
}

const char* const kUsage =
    "usage: galley report merge [-o MERGED.json] REPORT.json...\n"
    "  Joins batch reports (--report) of one run's shards, or of runs over\n"
    "  different inputs into one output folder, into one report: the\n"
    "  articles sorted by input, the summary counted again (jobs added up,\n"
    "  seconds the longest run's). Without -o the report goes to standard output.\n";

}  // namespace

J report_summary(const J& articles, std::size_t jobs, double seconds) {
  std::size_t converted = 0, with_warnings = 0, skipped = 0, failed = 0, written = 0, fresh = 0, warnings = 0;
  for (auto& a : articles) {
    const std::string& status = a["status"].get_ref<const std::string&>();
    converted += status == "converted";
    skipped += status == "up-to-date";
    failed += status == "failed";
    std::size_t w = a["warnings"]["count"].get<std::size_t>();
    with_warnings += w > 0;
    warnings += w;
    for (auto& o : a["outputs"]) {
      const std::string& os = o["status"].get_ref<const std::string&>();
      written += os == "written";
      fresh += os == "up-to-date";
    }
  }
  return {{"articles", articles.size()},  {"converted", converted}, {"with-warnings", with_warnings},
          {"up-to-date", skipped},         {"failed", failed},       {"files-written", written},
          {"files-up-to-date", fresh},     {"warnings", warnings},   {"jobs", jobs},
          {"seconds", std::round(seconds * 1000) / 1000}};
}

J make_report(const std::vector<std::string>& formats, const std::string& output_dir, const J& shard, J articles,
              std::size_t jobs, double seconds) {
  J rep;
  rep["galley"] = GALLEY_VERSION;
  rep["formats"] = formats;
  rep["output-dir"] = output_dir;
  rep["shard"] = shard;
  rep["summary"] = report_summary(articles, jobs, seconds);
  rep["articles"] = std::move(articles);
  return rep;
}

std::string report_text(const J& report) {
  return report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

int run_report(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && (args[0] == "-h" || args[0] == "--help")) {
    std::cout << kUsage;
    return 0;
  }
  if (args.empty() || args[0] != "merge")
    throw UsageError("galley.cli.usage", std::string("galley report: the one action is merge\n") + kUsage);
  std::string output;
  std::vector<std::string> files;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") { std::cout << kUsage; return 0; }
    if (a == "-o" || a == "--output") {
      if (i + 1 >= args.size()) throw UsageError("galley.cli.usage", "galley report merge: -o needs a file name");
      output = args[++i];
    } else if (a.rfind("--output=", 0) == 0) {
      output = a.substr(9);
    } else if (a.size() > 2 && a.rfind("-o", 0) == 0) {
      output = a.substr(2);
    } else if (!a.empty() && a[0] == '-') {
      throw UsageError("galley.cli.usage", "galley report merge: unknown option " + a + "\n" + kUsage);
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) throw UsageError("galley.cli.usage", "galley report merge: no reports given\n" + std::string(kUsage));
  return merge(files, output);
}

}  // namespace galley::cli
