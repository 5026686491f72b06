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
#include "cli/article_bag.hpp"
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
  std::vector<FormatSpec> formats = package_formats(args, reg);
  long long started = std::chrono::duration_cast<std::chrono::seconds>(Clock::now().time_since_epoch()).count();

  auto print_warning = [&](const Diagnostic& d) {
    if (args.quiet) return;
    if (d.severity == Severity::Warning) std::cerr << "[WARNING] " << d.message << "\n";
    else if (args.verbose) std::cerr << "[INFO] " << d.message << "\n";
  };
  const std::string& in = args.inputs[0];
  std::string source = read_file(in, args.max_input_size ? *args.max_input_size : std::size_t(512) << 20);
  FormatSpec from = reader_spec_for(settings, in, true);
  ArticleBag made = make_article_bag(settings, in, fs::path(in).filename().string(), source, from, formats,
                                     print_warning, started);
  const std::vector<bagit::File>& bag = made.files;
  long long when = made.when;

  std::string target = args.output;
  while (target.size() > 1 && target.back() == '/') target.pop_back();
  std::string lt = lower(target);
  std::string top = fs::path(target).filename().string();
  if (ends_with(lt, ".zip") || ends_with(lt, ".tar")) {
    top = top.substr(0, top.size() - 4);
    if (top.empty()) top = "bag";
    std::string bytes;
    if (ends_with(lt, ".zip")) {
      bytes = bag_zip(made, top);
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
    if (std::size_t w = made.warnings) {
      std::cerr << "Failing because there were " << w << " warning(s).\n";
      return 6;
    }
  }
  return 0;
}

}  // namespace galley::cli
