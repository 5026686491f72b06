// See batch_article.hpp.
#include "cli/batch_article.hpp"

#include "cli/archive_input.hpp"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>

#include "galley/error.hpp"
#include "galley/io.hpp"

namespace galley::cli {

namespace {

std::size_t max_input(const ArticleSettings& s) {
  return s.args->max_input_size ? *s.args->max_input_size : std::size_t(512) << 20;
}

// What an exception says, as the report records it.
template <class Target>
void record_error(Target& t, const std::exception_ptr& ep) {
  try {
    std::rethrow_exception(ep);
  } catch (const Error& e) {
    t.error_id = e.id();
    t.error = e.what();
  } catch (const std::bad_alloc&) {
    t.error_id = "galley.memory";
    t.error = "[galley.memory] out of memory";
  } catch (const std::exception& e) {
    t.error_id = "galley.internal";
    t.error = std::string("[galley.internal] ") + e.what();
  } catch (...) {
    t.error_id = "galley.internal";
    t.error = "[galley.internal] unknown exception";
  }
}

}  // namespace

std::size_t ArticleResult::warning_count() const {
  std::size_t n = 0;
  for (auto& d : read_warnings) n += d.severity == Severity::Warning;
  for (auto& o : outputs)
    for (auto& d : o.warnings) n += d.severity == Severity::Warning;
  return n;
}

std::string ArticleResult::first_error() const {
  if (!error.empty()) return error;
  for (auto& o : outputs)
    if (o.status == OutputResult::Failed) return o.format + ": " + o.error;
  return {};
}

void create_output_folders(const std::string& output_path, const Freshness& freshness) {
  for (const std::string& dir : {std::filesystem::path(output_path).parent_path().string(), freshness.record_dir_of(output_path)}) {
    if (dir.empty()) continue;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw OutputError("galley.io.write", "cannot create " + dir + ": " + ec.message());
  }
}

std::vector<bool> outputs_up_to_date(const ArticleSettings& settings, const Freshness& freshness,
                                     const std::string& input, const FormatSpec& from,
                                     const std::vector<FormatSpec>& formats, const std::vector<std::string>& paths) {
  std::vector<bool> fresh(formats.size(), false);
  if (settings.args->force) return fresh;
  std::string bytes;
  try {
    bytes = reads_input_file(settings, input, from) ? archive_fingerprint(input)
                                                    : read_file(input_path(input), max_input(settings));
  } catch (const Error&) {
    return fresh;  // converting reports the error
  }
  for (std::size_t f = 0; f < formats.size(); ++f)
    fresh[f] = freshness.up_to_date(paths[f], freshness.source_digest(bytes, to_string(from), to_string(formats[f])));
  return fresh;
}

ArticleResult convert_article(const ArticleSettings& settings, const Freshness& freshness, const std::string& in,
                              const FormatSpec& from, const std::vector<FormatSpec>& formats,
                              const std::vector<std::string>& paths, const std::vector<bool>* known_fresh) {
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  ArticleResult r;
  r.reader = to_string(from);
  for (std::size_t f = 0; f < formats.size(); ++f) {
    OutputResult o;
    o.format = formats[f].name;
    o.path = paths[f];
    r.outputs.push_back(std::move(o));
  }
  const bool force = settings.args->force;
  // An archive read from its file: `bytes` holds its fingerprint for the digests, not its content.
  const bool from_file = reads_input_file(settings, in, from);
  auto read_input = [&] { return from_file ? archive_fingerprint(in) : read_file(input_path(in), max_input(settings)); };
  std::string bytes;
  std::vector<std::string> sources(formats.size());
  bool all_fresh = false, have_input = false;
  if (known_fresh) {
    all_fresh = true;
    for (std::size_t f = 0; f < formats.size(); ++f) {
      if ((*known_fresh)[f]) r.outputs[f].status = OutputResult::UpToDate;
      all_fresh &= r.outputs[f].status == OutputResult::UpToDate;
    }
  } else {
    try {
      bytes = read_input();
      have_input = all_fresh = true;
      for (std::size_t f = 0; f < formats.size(); ++f) {
        sources[f] = freshness.source_digest(bytes, r.reader, to_string(formats[f]));
        if (!force && freshness.up_to_date(r.outputs[f].path, sources[f])) r.outputs[f].status = OutputResult::UpToDate;
        all_fresh &= r.outputs[f].status == OutputResult::UpToDate;
      }
    } catch (const Error&) {
      // Reading again below reports the error in the article's result.
    }
  }
  if (all_fresh) {
    r.status = ArticleResult::Skipped;
  } else {
    bool ok = true;
    try {
      Diagnostics diag;
      if (!have_input) {
        bytes = read_input();
        for (std::size_t f = 0; f < formats.size(); ++f)
          sources[f] = freshness.source_digest(bytes, r.reader, to_string(formats[f]));
      }
      Document doc = read_article(settings, in, from_file ? std::string_view() : std::string_view(bytes), from, diag, from_file);
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
        } catch (...) {
          o.status = OutputResult::Failed;
          record_error(o, std::current_exception());
          ok = false;
        }
      }
    } catch (...) {
      record_error(r, std::current_exception());
      ok = false;
    }
    if (!r.error.empty())
      for (auto& o : r.outputs)
        if (o.status == OutputResult::Pending) o.status = OutputResult::Failed;
    r.status = ok ? ArticleResult::Converted : ArticleResult::Failed;
  }
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return r;
}

nlohmann::ordered_json article_json(const std::string& input, const ArticleResult& r) {
  using J = nlohmann::ordered_json;
  static const char* status_names[] = {"pending", "converted", "up-to-date", "failed"};
  static const char* out_names[] = {"pending", "written", "up-to-date", "failed"};
  J a;
  a["input"] = input_display(input);
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
  return a;
}

}  // namespace galley::cli
