#include "pdf/engine.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "galley/error.hpp"
#include "galley/text.hpp"

namespace galley::pdf {

namespace {

bool executable(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(path.c_str(), X_OK) == 0;
}

std::string on_path(const std::string& name) {
  const char* env = std::getenv("PATH");
  std::string path = env && *env ? env : "/usr/local/bin:/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t colon = path.find(':', start);
    std::string dir = path.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
    if (dir.empty()) dir = ".";
    std::string candidate = dir + "/" + name;
    if (executable(candidate)) {
      if (candidate[0] == '/') return candidate;
      char* real = realpath(candidate.c_str(), nullptr);  // a relative PATH entry: the child runs elsewhere
      std::string abs = real ? real : "";
      std::free(real);
      if (!abs.empty()) return abs;
    }
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return {};
}

std::string base_name(const std::string& p) {
  auto slash = p.rfind('/');
  return ascii_lower(slash == std::string::npos ? p : p.substr(slash + 1));
}

[[noreturn]] void missing(EngineKind kind, const std::string& what) {
  if (kind == EngineKind::WeasyPrint)
    throw OutputError("galley.pdf.engine-missing",
                      "PDF engine " + what + " not found: install WeasyPrint (Debian package 'weasyprint', "
                      "apt-get install weasyprint) or give its path with --pdf-engine=PATH");
  throw OutputError("galley.pdf.engine-missing",
                    "PDF engine " + what + " not found: install Chromium (Debian package 'chromium', "
                    "apt-get install chromium) or give its path with --pdf-engine=PATH");
}

// A file: URL for an absolute path, every byte but unreserved ones and '/'
// percent-encoded (a TMPDIR with a space, '#' or '%' stays one path).
std::string file_url(const std::string& path) {
  std::string out = "file://";
  char buf[4];
  for (unsigned char c : path) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' ||
                c == '.' || c == '_' || c == '~';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace

Engine find_engine(const std::string& requested) {
  std::string req = requested.empty() ? "weasyprint" : requested;
  bool is_path = req.find('/') != std::string::npos;
  std::string base = base_name(req);
  Engine e;
  if (base.starts_with("weasyprint")) e.kind = EngineKind::WeasyPrint, e.name = "weasyprint";
  else if (base.find("chrom") != std::string::npos) e.kind = EngineKind::Chromium, e.name = "chromium";
  else
    throw UsageError("galley.pdf.engine-unknown", "unknown PDF engine '" + requested +
                                                      "': --pdf-engine takes weasyprint, chromium or the path of one");
  if (is_path) {
    if (!executable(req)) missing(e.kind, "'" + req + "'");
    char* real = realpath(req.c_str(), nullptr);
    e.path = real ? real : req;
    std::free(real);
    return e;
  }
  // Chromium goes by several names (Debian's chromium, Ubuntu's chromium-browser, Google's builds).
  std::vector<std::string> names = {req};
  if (e.kind == EngineKind::Chromium && req == "chromium")
    names = {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"};
  for (auto& n : names)
    if (auto p = on_path(n); !p.empty()) {
      e.path = p;
      return e;
    }
  missing(e.kind, "'" + req + "' (searched on PATH)");
}

std::vector<std::string> engine_argv(const Engine& e, const EngineJob& job) {
  std::vector<std::string> a = {e.path};
  if (e.kind == EngineKind::WeasyPrint) {
    a.insert(a.end(), {"--encoding", "utf-8", "--pdf-identifier", job.identifier});
    if (!job.variant.empty()) a.insert(a.end(), {"--pdf-variant", job.variant});
    for (auto& f : job.attachments) a.insert(a.end(), {"--attachment", f});
    a.insert(a.end(), job.extra.begin(), job.extra.end());
    a.insert(a.end(), {job.html, job.pdf});
    return a;
  }
  // Chromium: headless, a throwaway profile (its preferences switch JavaScript
  // off), nothing that phones home, a proxy that goes nowhere should the
  // network namespace be unavailable.
  a.insert(a.end(), {"--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-extensions", "--disable-default-apps", "--disable-breakpad", "--disable-quic",
                     "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                     "--dns-prefetch-disable", "--no-pdf-header-footer", "--user-data-dir=" + job.profile,
                     "--print-to-pdf=" + job.pdf});
  if (geteuid() == 0) a.push_back("--no-sandbox");  // Chromium refuses to start its sandbox as root
  a.insert(a.end(), job.extra.begin(), job.extra.end());
  a.push_back(file_url(job.html));
  return a;
}

namespace {

std::vector<std::string_view> lines_of(const std::string& s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t nl = s.find('\n', start);
    std::string_view line(s.data() + start, (nl == std::string::npos ? s.size() : nl) - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty()) out.push_back(line);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

// Chromium logs "[pid:tid:date:LEVEL:file.cc(line)] message". Messages from
// the parts that look for a desktop session (D-Bus, GPU, power, sandbox host)
// say nothing about the document.
bool chromium_noise(std::string_view line) {
  for (std::string_view n : {"dbus", "/gpu", "gpu_", "viz", "power", "sandbox", "bytes written to file",
                             "unexpected operator", "Fontconfig", "angle", "egl", "vaapi", "udev", "ozone"})
    if (line.find(n) != std::string_view::npos) return true;
  return false;
}

}  // namespace

void report_engine_output(const Engine& e, const std::string& output, std::string_view galley_css, Diagnostics& diag) {
  std::string repaired = output;  // engines print paths and document text: keep the messages UTF-8
  for (char& c : repaired)
    if (c == '\0') c = ' ';
  for (auto line : lines_of(repaired)) {
    std::string msg = e.name + ": " + std::string(line);
    bool warning;
    if (e.kind == EngineKind::WeasyPrint) {
      warning = line.starts_with("WARNING:") || line.starts_with("ERROR:") || line.starts_with("CRITICAL:");
      if (auto at = line.find("Ignored `"); warning && at != std::string_view::npos) {
        auto end = line.find('`', at + 9);
        std::string_view decl = line.substr(at + 9, end == std::string_view::npos ? 0 : end - at - 9);
        if (!decl.empty() && galley_css.find(decl) != std::string_view::npos) warning = false;
      }
    } else {
      warning = (line.find(":ERROR:") != std::string_view::npos || line.find(":WARNING:") != std::string_view::npos ||
                 line.find(":FATAL:") != std::string_view::npos) &&
                !chromium_noise(line);
    }
    if (warning) diag.warn("pdf-engine", msg);
    else diag.info("pdf-engine", msg);
  }
}

std::string output_tail(const std::string& output, std::size_t lines) {
  auto all = lines_of(output);
  std::string out;
  std::size_t from = all.size() > lines ? all.size() - lines : 0;
  for (std::size_t i = from; i < all.size(); ++i) out += (out.empty() ? "" : " | ") + std::string(all[i]);
  return out;
}

}  // namespace galley::pdf
