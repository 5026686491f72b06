// pdf: galley's print HTML (html_print) rendered by a paged-media engine.
//
// One run: the print HTML (properties added, local references refused) goes
// into a fresh private folder; the engine runs there, isolated (process.hpp),
// with a time limit; its messages become galley's; the PDF it wrote is read
// back and returned, so galley writes it atomically like any other output. A
// failing engine, one that timed out or wrote no PDF is an OutputError, and no
// PDF is written. docs/PDF.md has the whole story.
//
// Variables: pdf-variant (WeasyPrint's --pdf-variant: pdf/a-1b, pdf/a-2b,
// pdf/a-3b, pdf/a-4b, pdf/ua-1), pdf-attach (true: attach the article as Pandoc
// JSON and JATS; on by default with pdf/a-3b), pdf-timeout (seconds, default
// 120); the print HTML's own (papersize, margin, fontsize, columns, ...).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "galley/error.hpp"
#include "galley/text.hpp"
#include "galley/time.hpp"
#include "html_print/html_print.hpp"
#include "jats/jats.hpp"
#include "json/json.hpp"
#include "pdf/attachments.hpp"
#include "pdf/engine.hpp"
#include "pdf/local_refs.hpp"
#include "pdf/pdf.hpp"
#include "pdf/process.hpp"
#include "pdf/properties.hpp"
#include "pdf/scratch.hpp"

namespace galley::pdf {

namespace {

const std::string_view kVariants[] = {"pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-4b", "pdf/ua-1"};

std::string variant_of(const WriterOptions& o, const Engine& e) {
  std::string v = ascii_lower(o.variable("pdf-variant"));
  if (v.empty()) return v;
  bool known = false;
  for (auto k : kVariants) known |= v == k;
  if (!known)
    throw UsageError("galley.pdf.variant",
                     "pdf-variant '" + v + "' is not one of pdf/a-1b, pdf/a-2b, pdf/a-3b, pdf/a-4b, pdf/ua-1");
  if (e.kind != EngineKind::WeasyPrint)
    throw UsageError("galley.pdf.variant", "pdf-variant " + v + " needs --pdf-engine=weasyprint (" + e.name +
                                               " writes no PDF/A or PDF/UA)");
  return v;
}

bool flag(const WriterOptions& o, const std::string& name, bool dflt) {
  std::string v = ascii_lower(o.variable(name));
  if (v.empty()) return dflt;
  return !(v == "false" || v == "no" || v == "0" || v == "off");
}

int timeout_of(const WriterOptions& o, Diagnostics& diag) {
  std::string v = o.variable("pdf-timeout");
  if (v.empty()) return 120;
  char* end = nullptr;
  long n = std::strtol(v.c_str(), &end, 10);
  if (*end || n < 1 || n > 3600) {
    diag.warn("ignored-variable", "pdf-timeout \"" + v + "\" is not 1 to 3600 seconds; using 120");
    return 120;
  }
  return static_cast<int>(n);
}

// The PDF's file identifier: a digest of what the engine is given, so the
// same input gives the same identifier (two 64-bit FNV-1a, 32 hex digits).
std::string identifier_of(std::string_view html, std::string_view variant) {
  std::uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      a = (a ^ c) * 0x100000001b3ULL;
      b = (b ^ (c + 0x5bu)) * 0x100000001b3ULL;
    }
  };
  mix(html);
  mix(variant);
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a), static_cast<unsigned long long>(b));
  return buf;
}

std::vector<std::string> engine_env(const Scratch& s, long long epoch) {
  std::vector<std::string> env;
  const char* path = std::getenv("PATH");
  env.push_back(std::string("PATH=") + (path && *path ? path : "/usr/local/bin:/usr/bin:/bin"));
  // Nothing from the user's home (fonts, profiles, caches): the same PDF for everyone.
  env.push_back("HOME=" + s.path("home"));
  env.push_back("XDG_CONFIG_HOME=" + s.path("home/.config"));
  env.push_back("XDG_CACHE_HOME=" + s.path("home/.cache"));
  env.push_back("XDG_DATA_HOME=" + s.path("home/.local/share"));
  env.push_back("TMPDIR=" + s.path("tmp"));
  env.push_back("LC_ALL=C.UTF-8");
  env.push_back("LANG=C.UTF-8");
  env.push_back("TZ=UTC");
  env.push_back("PYTHONHASHSEED=0");  // WeasyPrint's font subsets come out in the same order
  env.push_back("PYTHONDONTWRITEBYTECODE=1");
  // Belt and braces for a kernel that gives no network namespace: proxies that go nowhere.
  for (const char* k : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ftp_proxy", "all_proxy", "ALL_PROXY"})
    env.push_back(std::string(k) + "=http://127.0.0.1:9");
  env.push_back("no_proxy=");
  env.push_back("NO_PROXY=");
  // The engine's own time stamps (fontTools' subset fonts) from galley's one rule, not the clock.
  env.push_back("SOURCE_DATE_EPOCH=" + std::to_string(epoch));
  for (const char* k : {"FONTCONFIG_FILE", "FONTCONFIG_PATH", "LD_LIBRARY_PATH", "PYTHONPATH"})
    if (const char* v = std::getenv(k)) env.push_back(std::string(k) + "=" + v);
  return env;
}

std::string read_pdf(const std::string& path, std::size_t max) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return {};
  std::ostringstream ss;
  ss << f.rdbuf();
  std::string bytes = ss.str();
  if (bytes.size() > max) throw OutputError("galley.pdf.too-large", "the engine's PDF is larger than the output limit");
  return bytes;
}

class PdfWriter : public Writer {
 public:
  WriterKind kind() const override { return WriterKind::Binary; }

  std::string write(const Document& doc, const WriterOptions& options, Diagnostics& diag) const override {
    Engine engine = find_engine(options.pdf_engine);  // before any work: a missing engine fails at once
    std::string variant = variant_of(options, engine);
    int timeout = timeout_of(options, diag);
    bool attach = flag(options, "pdf-attach", variant == "pdf/a-3b");
    if (attach && engine.kind != EngineKind::WeasyPrint) {
      diag.warn("lost-content", engine.name + " cannot attach files to a PDF: the article is not attached");
      attach = false;
    }

    // The print HTML, with every image embedded: the engine reads no other file.
    WriterOptions html_options = options;
    if (!flag(options, "embed-images", true))
      diag.warn("ignored-variable", "embed-images=false does not apply to PDF: the engine reads only embedded images");
    html_options.variables["embed-images"] = "true";
    std::string html = html_print::make_writer()->write(doc, html_options, diag);
    // galley's own stylesheet, whose properties for other engines WeasyPrint reports as unknown
    std::string galley_css;
    if (auto a = html.find("<style>"), b = html.find("</style>"); a != std::string::npos && b > a)
      galley_css = html.substr(a, b - a);
    DocInfo info = doc_info(doc.meta, options.source_date_epoch);
    html = refuse_local_references(add_properties(html, info), diag);

    Scratch scratch;
    for (const char* d : {"home", "home/.config", "home/.cache", "home/.local", "home/.local/share", "tmp"})
      scratch.make_dir(d);
    EngineJob job;
    job.dir = scratch.dir();
    job.html = scratch.write("article.html", html);
    job.pdf = scratch.path("article.pdf");
    job.variant = variant;
    job.identifier = identifier_of(html, variant);
    job.extra = options.pdf_engine_opts;
    if (attach) {
      // The article itself, as the Pandoc JSON galley read and as JATS (their
      // own messages are about those renditions, not the PDF: informational).
      Diagnostics quiet;
      WriterOptions plain = options;
      plain.variables.clear();
      try {
        std::string as_json = json::make_writer()->write(doc, plain, quiet);
        std::string as_jats = jats::make_writer(jats::TagSet::Archiving)->write(doc, plain, quiet);
        job.attachments.push_back(scratch.write("article.json", as_json));
        job.attachments.push_back(scratch.write("article.jats.xml", as_jats));
      } catch (const OutputError& e) {  // the PDF does not depend on its attachments
        diag.warn("lost-content", std::string("the article is not attached: ") + e.what());
      }
      if (quiet.warning_count())
        diag.info("pdf-attachment", std::to_string(quiet.warning_count()) + " warning(s) writing the attached JSON and JATS");
    }
    if (engine.kind == EngineKind::Chromium) {
      // A throwaway profile whose preferences switch JavaScript off; the page
      // also carries a Content-Security-Policy allowing no script (properties.cpp).
      job.profile = scratch.path("profile");
      scratch.make_dir("profile");
      scratch.make_dir("profile/Default");
      scratch.write("profile/Default/Preferences",
                    R"({"profile":{"default_content_setting_values":{"javascript":2,"images":1,"popups":2}}})");
    }

    RunSpec spec;
    spec.program = engine.path;
    spec.argv = engine_argv(engine, job);
    spec.env = engine_env(scratch, info.modified);
    spec.cwd = scratch.dir();
    spec.timeout_seconds = timeout;
    RunResult run = run_isolated(spec);

    if (!run.started)
      throw OutputError("galley.pdf.engine-failed", "cannot run " + engine.path + ": " + std::strerror(run.exec_errno));
    if (!run.network_isolated)
      diag.warn("no-network-namespace", engine.name +
                                            " ran without a network namespace of its own (not permitted here); "
                                            "only proxy settings to a closed port keep it off the network");
    report_engine_output(engine, run.output, galley_css, diag);
    if (run.timed_out)
      throw OutputError("galley.pdf.engine-timeout", engine.name + " did not finish within " + std::to_string(timeout) +
                                                         " s (-V pdf-timeout) and was stopped; no PDF written");
    if (!run.exited || run.exit_code != 0) {
      std::string how = run.exited ? "exited with status " + std::to_string(run.exit_code)
                                   : "was killed by signal " + std::to_string(run.signal);
      std::string tail = output_tail(run.output);
      throw OutputError("galley.pdf.engine-failed",
                        engine.name + " " + how + "; no PDF written" + (tail.empty() ? "" : ": " + tail));
    }
    std::string pdf = read_pdf(job.pdf, options.limits.max_input_bytes);
    if (pdf.size() < 8 || pdf.compare(0, 5, "%PDF-") != 0) {
      std::string tail = output_tail(run.output);
      throw OutputError("galley.pdf.no-output",
                        engine.name + " wrote no PDF" + (tail.empty() ? "" : ": " + tail));
    }
    if (!job.attachments.empty() &&
        !mark_attachments(pdf,
                          {{"article.json", "application/json", "The article as Pandoc JSON, as galley read it", "Source"},
                           {"article.jats.xml", "application/xml", "The article as JATS 1.3 Archiving", "Alternative"}},
                          info.modified))
      diag.warn("pdf-attachment", "the attachments could not be marked for PDF/A-3 (/AF, /AFRelationship, MIME type)");
    if (engine.kind == EngineKind::Chromium) pin_dates(pdf, info);
    if (engine.kind == EngineKind::Chromium && !append_info(pdf, info, "Chromium (Skia/PDF)"))
      diag.warn("unmapped-metadata", "chromium's PDF has a trailer galley cannot extend: only its title is set");
    return pdf;
  }
};

}  // namespace

std::unique_ptr<Writer> make_writer() { return std::make_unique<PdfWriter>(); }

}  // namespace galley::pdf
