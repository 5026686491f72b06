// `galley package INPUT -o BAG` and `galley package --validate BAG`.
// Payload (data/): source/<input file name> (byte for byte), article.xml
// (JATS), article.epub, article.html (print HTML), article.json (Pandoc
// JSON), provenance.json. BAG ending in .zip or .tar is an archive with one
// top-level folder (BAG's name without the extension); anything else is a
// folder, built beside the target and renamed into place when complete.
#include "cli/package.hpp"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/args.hpp"
#include "cli/article.hpp"
#include "cli/usage.hpp"
#include "package/bagit.hpp"
#include "galley/builtin.hpp"
#include "galley/detail/zip.hpp"
#include "galley/error.hpp"
#include "galley/io.hpp"
#include "galley/meta.hpp"
#include "galley/text.hpp"
#include "galley/time.hpp"
#include "galley/version.hpp"

namespace galley::cli {

namespace fs = std::filesystem;

namespace {

// The folder bag being built, for the signal handler: files then folders,
// deepest first. Filled before `g_temp_active` is set, never changed while set.
std::vector<std::string> g_temp_paths;
std::atomic<bool> g_temp_active{false};

std::string lower(std::string_view s) { return ascii_lower(s); }

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}


void remove_tree_quietly(const std::string& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
}

// Build the folder bag in a temporary folder beside `target`, then rename.
void write_folder_bag(const std::vector<bagit::File>& files, const std::string& target, bool force) {
  fs::path t = fs::path(target).lexically_normal();
  if (t.filename().empty()) t = t.parent_path();
  std::string parent = t.parent_path().empty() ? "." : t.parent_path().string();
  std::string name = t.filename().string();
  std::error_code ec;
  bool exists = fs::exists(t, ec);
  if (exists && !force && !(fs::is_directory(t, ec) && fs::is_empty(t, ec)))
    throw OutputError("galley.bag.exists", target + " already exists (use --force to replace it)");
  std::string tmpl = parent + "/." + name + ".galley-XXXXXX";
  if (!::mkdtemp(tmpl.data())) throw OutputError("galley.io.write", "cannot create a folder in " + parent + ": " + std::strerror(errno));
  std::string tmp = tmpl;
  // The paths the signal handler removes: files (deepest first) then folders.
  std::vector<std::string> dirs{tmp};
  std::vector<std::string> paths;
  for (auto& f : files) {
    std::string rel = f.path;
    for (std::size_t pos = 0; (pos = rel.find('/', pos)) != std::string::npos; ++pos) {
      std::string d = tmp + "/" + rel.substr(0, pos);
      if (std::find(dirs.begin(), dirs.end(), d) == dirs.end()) dirs.push_back(d);
    }
    paths.push_back(tmp + "/" + rel);
  }
  for (auto it = dirs.rbegin(); it != dirs.rend(); ++it) paths.push_back(*it);
  g_temp_paths = paths;
  g_temp_active = true;
  try {
    for (std::size_t i = 1; i < dirs.size(); ++i)
      if (::mkdir(dirs[i].c_str(), 0777) != 0 && errno != EEXIST)
        throw OutputError("galley.io.write", "cannot create " + dirs[i] + ": " + std::strerror(errno));
    for (auto& f : files) write_file(tmp + "/" + f.path, f.data);
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(tmp.c_str(), 0777 & ~mask);
    if (exists) {
      if (force && !(fs::is_directory(t, ec) && fs::is_empty(t, ec))) {
        std::string old = tmp + ".old";
        if (::rename(t.c_str(), old.c_str()) != 0)
          throw OutputError("galley.io.write", "cannot replace " + target + ": " + std::strerror(errno));
        if (::rename(tmp.c_str(), t.c_str()) != 0) {
          int e = errno;
          ::rename(old.c_str(), t.c_str());
          throw OutputError("galley.io.write", "cannot write " + target + ": " + std::strerror(e));
        }
        g_temp_active = false;
        remove_tree_quietly(old);
        return;
      }
    }
    if (::rename(tmp.c_str(), t.c_str()) != 0)
      throw OutputError("galley.io.write", "cannot write " + target + ": " + std::strerror(errno));
    g_temp_active = false;
  } catch (...) {
    g_temp_active = false;
    remove_tree_quietly(tmp);
    throw;
  }
}

int validate_bag(const std::string& path, bool quiet) {
  std::vector<bagit::File> files;
  try {
    files = bagit::load(path);
  } catch (const Error& e) {
    std::cerr << "galley: " << e.what() << "\n";
    return 3;
  }
  auto problems = bagit::validate(files);
  if (problems.empty()) {
    std::size_t n = 0;
    unsigned long long bytes = 0;
    std::string algs;
    for (auto& f : files) {
      if (f.path.rfind("data/", 0) == 0) { ++n; bytes += f.data.size(); }
      if (f.path.rfind("manifest-", 0) == 0 && f.path.find('/') == std::string::npos)
        algs += (algs.empty() ? "" : ", ") + f.path.substr(9, f.path.size() - 13);
    }
    if (!quiet)
      std::cout << path << ": valid bag (" << n << " payload files, " << bytes << " bytes; checksums " << algs << ")\n";
    return 0;
  }
  std::cout << path << ": INVALID bag, " << problems.size() << " problem" << (problems.size() == 1 ? "" : "s") << ":\n";
  for (auto& p : problems) std::cout << "  " << p.kind << ": " << p.message << "\n";
  std::cerr << "galley: [galley.bag.invalid] " << path << " is not a valid bag (" << problems.size() << " problem"
            << (problems.size() == 1 ? "" : "s") << ")\n";
  return 1;
}

}  // namespace

void cleanup_package_temp() noexcept {
  if (!g_temp_active.exchange(false)) return;
  for (auto& p : g_temp_paths) {
    if (::unlink(p.c_str()) != 0) ::rmdir(p.c_str());
  }
}

int run_package(int argc, char** argv) {
  using Clock = std::chrono::system_clock;
  Args args = parse_args(argc, argv);
  if (args.help) {
    std::cout << usage_text(builtin_registry());
    return 0;
  }
  if (args.validate) {
    if (args.inputs.size() != 1 || !args.output.empty())
      throw UsageError("galley.cli.usage", "usage: galley package --validate BAG (a folder, .zip or .tar)");
    return validate_bag(args.inputs[0], args.quiet);
  }
  if (args.inputs.size() != 1 || args.inputs[0] == "-" || args.output.empty() || args.output == "-")
    throw UsageError("galley.cli.usage", "usage: galley package [OPTIONS] INPUT -o BAG (a folder, BAG.zip or BAG.tar)");
  Registry reg = builtin_registry();
  ArticleSettings settings = prepare_settings(args, reg);
  std::vector<FormatSpec> formats;
  if (args.to.empty()) {
    for (auto& w : reg.writers())
      if (w.in_packages) formats.push_back(FormatSpec{w.name, {}});
  } else {
    formats = parse_format_list(args.to, reg, true);
  }
  long long started = std::chrono::duration_cast<std::chrono::seconds>(Clock::now().time_since_epoch()).count();

  Diagnostics read_diag;
  auto print_warning = [&](const Diagnostic& d) {
    if (args.quiet) return;
    if (d.severity == Severity::Warning) std::cerr << "[WARNING] " << d.message << "\n";
    else if (args.verbose) std::cerr << "[INFO] " << d.message << "\n";
  };
  read_diag.on_emit = print_warning;
  const std::string& in = args.inputs[0];
  std::string source = read_file(in, args.max_input_size ? *args.max_input_size : std::size_t(512) << 20);
  std::string source_sha = bagit::sha256_hex(source);
  FormatSpec from = reader_spec_for(settings, in, true);
  Document doc = read_article(settings, in, source, from, read_diag);

  std::string source_name = fs::path(in).filename().string();
  std::vector<bagit::File> payload;
  payload.push_back({"source/" + source_name, source});
  using J = nlohmann::ordered_json;
  auto diag_json = [](const Diagnostics& d) {
    J a = J::array();
    for (auto& x : d.all())
      if (x.severity == Severity::Warning) a.push_back({{"kind", x.kind}, {"message", x.message}});
    return a;
  };
  J outputs = J::array();
  const std::vector<std::string> suffix = output_suffixes(reg, formats);
  for (std::size_t i = 0; i < formats.size(); ++i) {
    Diagnostics wd;
    wd.on_emit = print_warning;
    std::string out = write_article(settings, in, doc, formats[i], wd);
    std::string path = "article" + suffix[i];
    std::string spec = to_string(formats[i]);
    outputs.push_back({{"format", spec}, {"path", "data/" + path}, {"bytes", out.size()},
                       {"sha256", bagit::sha256_hex(out)}, {"warnings", diag_json(wd)}});
    payload.push_back({path, std::move(out)});
  }
  long long finished = std::chrono::duration_cast<std::chrono::seconds>(Clock::now().time_since_epoch()).count();
  long long when = settings.source_date_epoch ? *settings.source_date_epoch : finished;

  // provenance.json
  J prov;
  prov["generator"] = std::string("galley ") + GALLEY_VERSION;
  std::string from_text = from.name;
  for (auto& [k, on] : from.extensions.set) from_text += (on ? "+" : "-") + k;
  prov["source"] = {{"file", source_name}, {"path", "data/source/" + source_name}, {"bytes", source.size()},
                    {"sha256", source_sha}, {"reader", from_text}};
  J opts;
  opts["from"] = from_text;
  J to = J::array();
  for (auto& o : outputs) to.push_back(o["format"]);
  opts["to"] = to;
  J meta = J::array();
  for (auto& [k, v] : args.metadata) meta.push_back(k + "=" + v);
  opts["metadata"] = meta;
  opts["metadata-files"] = args.metadata_files;
  J vars = J::object();
  for (auto& [k, v] : args.variables) vars[k] = v;
  opts["variables"] = vars;
  opts["filters"] = args.filters;
  opts["standalone"] = args.standalone;
  opts["toc"] = args.toc;
  opts["split-level"] = args.split_level;
  opts["columns"] = args.columns;
  opts["pandoc-api"] = args.pandoc_api == 22 ? "1.22" : "1.23";
  opts["css"] = args.css;
  if (!args.cover_image.empty()) opts["epub-cover-image"] = args.cover_image;
  if (!args.encoding.empty()) opts["encoding"] = args.encoding;
  if (!args.source_url.empty()) opts["source-url"] = args.source_url;
  opts["source-date-epoch"] = settings.source_date_epoch ? J(*settings.source_date_epoch) : J();
  prov["options"] = opts;
  prov["outputs"] = outputs;
  prov["warnings"] = {{"read", diag_json(read_diag)}};
  // With SOURCE_DATE_EPOCH the times are that date, so the bag is reproducible.
  prov["times"] = {{"started", epoch_to_iso(settings.source_date_epoch ? when : started)}, {"finished", epoch_to_iso(when)}};
  payload.push_back({"provenance.json", prov.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"});

  // bag-info.txt
  std::vector<std::pair<std::string, std::string>> info;
  auto org = meta_text(doc.meta, "publisher");
  if (!org) org = meta_text(doc.meta, "site-name");
  if (org) info.push_back({"Source-Organization", *org});
  info.push_back({"Bagging-Date", epoch_to_iso(when).substr(0, 10)});
  info.push_back({"Bag-Software-Agent", std::string("galley ") + GALLEY_VERSION});
  auto ident = meta_text(doc.meta, "identifier");
  if (!ident) ident = meta_text(doc.meta, "source-url");
  info.push_back({"External-Identifier", ident ? *ident : "sha256:" + source_sha});
  if (auto title = meta_text(doc.meta, "title")) info.push_back({"External-Description", *title});
  std::vector<bagit::File> bag = bagit::make_bag(payload, info);

  std::string target = args.output;
  while (target.size() > 1 && target.back() == '/') target.pop_back();
  std::string lt = lower(target);
  std::string top = fs::path(target).filename().string();
  if (ends_with(lt, ".zip") || ends_with(lt, ".tar")) {
    top = top.substr(0, top.size() - 4);
    if (top.empty()) top = "bag";
    std::string bytes;
    if (ends_with(lt, ".zip")) {
      std::vector<detail::ZipEntry> entries;
      for (auto& f : bag) entries.push_back({top + "/" + f.path, f.data, false});
      bytes = detail::make_zip(entries, when);
    } else {
      bytes = bagit::make_tar(bag, top, when);
    }
    write_file_atomic(target, bytes);
  } else {
    write_folder_bag(bag, target, args.force);
  }
  if (!args.quiet) {
    std::size_t n = 0;
    unsigned long long octets = 0;
    for (auto& f : bag)
      if (f.path.rfind("data/", 0) == 0) { ++n; octets += f.data.size(); }
    std::cerr << "galley: wrote bag " << target << " (" << n << " payload files, " << octets << " bytes)\n";
  }
  if (args.fail_if_warnings) {
    std::size_t w = read_diag.warning_count();
    for (auto& o : outputs) w += o["warnings"].size();
    if (w) {
      std::cerr << "Failing because there were " << w << " warning(s).\n";
      return 6;
    }
  }
  return 0;
}

}  // namespace galley::cli
