// See freshness.hpp.
#include "cli/freshness.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "package/bagit.hpp"
#include "galley/error.hpp"
#include "galley/io.hpp"
#include "galley/version.hpp"

namespace galley::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kRecordFolder = ".galley";

// The digest of a file the options name; a file that cannot be read gets a
// marker, so that it appearing later changes the digest too.
std::string file_digest(const std::string& path) {
  try {
    return bagit::sha256_hex(read_file(path));
  } catch (const Error&) {
    return "unreadable";
  }
}

std::string executable_digest() {
  char exe[4096];
  ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return "unknown";
  exe[n] = 0;
  return file_digest(exe);
}

}  // namespace

Freshness::Freshness(const Args& a, std::string output_dir) : output_dir_(std::move(output_dir)) {
  using J = nlohmann::ordered_json;
  auto files = [](const std::vector<std::string>& paths) {
    J out = J::array();
    for (auto& p : paths) out.push_back({p, file_digest(p)});
    return out;
  };
  auto pairs = [](const std::vector<std::pair<std::string, std::string>>& kv) {
    J out = J::array();
    for (auto& [k, v] : kv) out.push_back({k, v});
    return out;
  };
  const char* sde = std::getenv("SOURCE_DATE_EPOCH");
  J o = {{"galley", GALLEY_VERSION},
         {"executable", executable_digest()},
         {"from", a.from},
         {"standalone", a.standalone},
         {"metadata", pairs(a.metadata)},
         {"metadata-files", files(a.metadata_files)},
         {"filters", files(a.filters)},
         {"resource-path", a.resource_path},
         {"resource-root", a.resource_root},
         {"variables", pairs(a.variables)},
         {"css", files(a.css)},
         {"cover-image", a.cover_image.empty() ? J() : J(files({a.cover_image}))},
         {"encoding", a.encoding},
         {"source-url", a.source_url},
         {"columns", a.columns},
         {"wrap", static_cast<int>(a.wrap)},
         {"pandoc-api", a.pandoc_api},
         {"split-level", a.split_level},
         {"toc", a.toc},
         {"max-input-size", a.max_input_size ? J(*a.max_input_size) : J()},
         {"max-nesting", a.max_nesting ? J(*a.max_nesting) : J()},
         {"source-date-epoch", sde ? J(sde) : J()}};
  options_digest_ = bagit::sha256_hex(o.dump());
}

std::string Freshness::record_dir(const std::string& relative_folder) const {
  return (fs::path(output_dir_) / kRecordFolder / relative_folder).string();
}

std::string Freshness::record_dir_of(const std::string& output_path) const {
  return fs::path(record_path(output_path)).parent_path().string();
}

std::string Freshness::record_path(const std::string& output_path) const {
  std::string rel = fs::path(output_path).lexically_relative(output_dir_).string();
  return (fs::path(output_dir_) / kRecordFolder / rel).string() + ".source";
}

std::string Freshness::source_digest(std::string_view input, const std::string& reader_spec,
                                     const std::string& writer_spec) const {
  std::string s = options_digest_;
  s += '\n';
  s += bagit::sha256_hex(input);
  s += '\n';
  s += reader_spec;
  s += '\n';
  s += writer_spec;
  return bagit::sha256_hex(s);
}

bool Freshness::up_to_date(const std::string& output_path, const std::string& source) const {
  std::string rec;
  try {
    rec = read_file(record_path(output_path), 4096);
  } catch (const Error&) {
    return false;
  }
  // "source <hex>\noutput <hex>\n"
  if (rec.size() != 7 + 64 + 1 + 7 + 64 + 1 || rec.compare(0, 7, "source ") != 0 || rec.compare(72, 7, "output ") != 0)
    return false;
  if (rec.compare(7, 64, source) != 0) return false;
  try {
    return bagit::sha256_hex(read_file(output_path)) == rec.substr(79, 64);
  } catch (const Error&) {
    return false;
  }
}

void Freshness::record(const std::string& output_path, const std::string& source, std::string_view output) const {
  write_file_atomic(record_path(output_path), "source " + source + "\noutput " + bagit::sha256_hex(output) + "\n");
}

}  // namespace galley::cli
