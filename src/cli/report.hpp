// The --report JSON of batch mode, in one place: the document, its summary
// (counted from the articles, so that a report made of other reports' articles
// adds up the same way) and `galley report merge`, which joins the reports of
// a run's shards (Slurm arrays, Kubernetes Indexed Jobs, one machine each) or
// of a distributed run into one.
#pragma once
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace galley::cli {

using ReportJson = nlohmann::ordered_json;

// The summary of `articles` (report entries, batch_article.hpp): articles,
// converted, with-warnings, up-to-date, failed, files-written,
// files-up-to-date, warnings, then jobs and seconds as given.
ReportJson report_summary(const ReportJson& articles, std::size_t jobs, double seconds);

// The whole report: galley's version, the formats, the output folder, the
// shard ("K/N", null for all inputs), the summary, the articles.
ReportJson make_report(const std::vector<std::string>& formats, const std::string& output_dir, const ReportJson& shard,
                       ReportJson articles, std::size_t jobs, double seconds);

// The report as written to a file: two-space indentation, UTF-8, a final newline.
std::string report_text(const ReportJson& report);

// `galley report merge [-o FILE] REPORT.json...`; argv[0] is "report".
int run_report(int argc, char** argv);

}  // namespace galley::cli
