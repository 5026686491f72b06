// BagIt 1.0 (RFC 8493): tag files, manifests, ustar serialization, validation.
#include "package/bagit.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "galley/detail/zip.hpp"
#include "galley/error.hpp"
#include "galley/io.hpp"
#include "galley/text.hpp"

namespace galley::bagit {

namespace {

constexpr const char* kHex = "0123456789abcdef";

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string lower(std::string_view s) { return ascii_lower(s); }

std::string one_line(std::string s) {
  for (auto& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

bool unsafe_path(std::string_view p) {
  if (p.empty() || p.front() == '/' || p.find('\\') != std::string_view::npos) return true;
  std::size_t start = 0;
  while (start <= p.size()) {
    auto slash = p.find('/', start);
    auto part = p.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (part.empty() || part == "." || part == "..") return true;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return false;
}

std::string manifest_text(const std::vector<const File*>& files, std::string_view alg) {
  std::string out;
  for (auto* f : files) out += digest_hex(alg, f->data) + "  " + encode_manifest_path(f->path) + "\n";
  return out;
}

// "Key: Value" lines with continuation lines (leading whitespace) folded in.
std::vector<std::pair<std::string, std::string>> parse_tag_fields(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    std::string line(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if ((line[0] == ' ' || line[0] == '\t') && !out.empty()) {
      auto b = line.find_first_not_of(" \t");
      out.back().second += " " + (b == std::string::npos ? std::string() : line.substr(b));
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string::npos) { out.push_back({line, ""}); continue; }
    std::string key = line.substr(0, colon), value = line.substr(colon + 1);
    auto b = value.find_first_not_of(" \t");
    value = b == std::string::npos ? "" : value.substr(b);
    out.push_back({key, value});
  }
  return out;
}

struct ManifestEntry {
  std::string digest, path;
  int line = 0;
};

std::vector<ManifestEntry> parse_manifest(std::string_view text, const std::string& name, std::vector<Problem>& problems) {
  std::vector<ManifestEntry> out;
  std::size_t pos = 0;
  int lineno = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    std::string line(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    auto sp = line.find_first_of(" \t");
    auto b = sp == std::string::npos ? std::string::npos : line.find_first_not_of(" \t", sp);
    if (sp == 0 || b == std::string::npos) {
      problems.push_back({"manifest", name, name + " line " + std::to_string(lineno) + " is not \"CHECKSUM  PATH\": " + line});
      continue;
    }
    std::string path = decode_manifest_path(line.substr(b));
    if (unsafe_path(path)) {
      problems.push_back({"unsafe-path", path, name + " line " + std::to_string(lineno) + " names a path outside the bag: " + path});
      continue;
    }
    out.push_back({lower(line.substr(0, sp)), path, lineno});
  }
  return out;
}

// ---- tar ----
void put_octal(char* field, std::size_t width, unsigned long long value) {
  // width-1 octal digits, zero-padded, then NUL
  std::string digits(width - 1, '0');
  for (std::size_t i = width - 1; i-- > 0 && value;) {
    digits[i] = static_cast<char>('0' + (value & 7));
    value >>= 3;
  }
  if (value) throw OutputError("galley.bag.tar", "a value does not fit a tar header field");
  std::memcpy(field, digits.data(), width - 1);
  field[width - 1] = '\0';
}

void tar_header(std::string& out, const std::string& path, std::size_t size, char type, long long mtime) {
  char h[512];
  std::memset(h, 0, sizeof h);
  std::string name = path, prefix;
  if (name.size() > 100) {
    // split at a '/' so that prefix <= 155 and name <= 100
    std::size_t split = std::string::npos;
    for (std::size_t i = 0; i < path.size(); ++i)
      if (path[i] == '/' && i <= 155 && path.size() - i - 1 <= 100 && path.size() - i - 1 > 0) { split = i; break; }
    if (split == std::string::npos)
      throw OutputError("galley.bag.tar", "file name too long for a ustar archive: " + path);
    prefix = path.substr(0, split);
    name = path.substr(split + 1);
  }
  std::memcpy(h, name.data(), name.size());
  put_octal(h + 100, 8, type == '5' ? 0755 : 0644);
  put_octal(h + 108, 8, 0);
  put_octal(h + 116, 8, 0);
  put_octal(h + 124, 12, size);
  put_octal(h + 136, 12, static_cast<unsigned long long>(mtime < 0 ? 0 : mtime));
  std::memset(h + 148, ' ', 8);
  h[156] = type;
  std::memcpy(h + 257, "ustar", 6);
  std::memcpy(h + 263, "00", 2);
  std::memcpy(h + 345, prefix.data(), prefix.size());
  unsigned sum = 0;
  for (unsigned char c : h) sum += c;
  put_octal(h + 148, 7, sum);  // 6 digits + NUL, then the space already there
  out.append(h, sizeof h);
}

unsigned long long get_octal(const char* field, std::size_t width) {
  if (static_cast<unsigned char>(field[0]) & 0x80) {  // GNU base-256
    unsigned long long v = 0;
    for (std::size_t i = 1; i < width; ++i) v = (v << 8) | static_cast<unsigned char>(field[i]);
    return v;
  }
  unsigned long long v = 0;
  for (std::size_t i = 0; i < width; ++i) {
    char c = field[i];
    if (c == ' ' && v == 0) continue;
    if (c < '0' || c > '7') break;
    v = (v << 3) | static_cast<unsigned>(c - '0');
  }
  return v;
}

std::string cstr(const char* field, std::size_t width) {
  std::size_t n = 0;
  while (n < width && field[n]) ++n;
  return std::string(field, n);
}

// Remove a single top-level folder shared by every file of an archive.
void strip_top(std::vector<File>& files) {
  if (files.empty()) return;
  for (auto& f : files)
    if (f.path == "bagit.txt") return;
  auto slash = files[0].path.find('/');
  if (slash == std::string::npos) return;
  std::string top = files[0].path.substr(0, slash + 1);
  for (auto& f : files)
    if (f.path.compare(0, top.size(), top) != 0) return;
  for (auto& f : files) f.path.erase(0, top.size());
}

}  // namespace

std::string digest_hex(std::string_view algorithm, std::string_view data) {
  std::string name(algorithm);
  const EVP_MD* md = EVP_get_digestbyname(name.c_str());
  if (!md) throw InputError("galley.bag.algorithm", "unknown checksum algorithm '" + name + "'");
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  unsigned char buf[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1 || EVP_DigestUpdate(ctx.get(), data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), buf, &len) != 1)
    throw InputError("galley.bag.algorithm", "cannot compute " + name);
  std::string out;
  out.reserve(len * 2);
  for (unsigned i = 0; i < len; ++i) {
    out += kHex[buf[i] >> 4];
    out += kHex[buf[i] & 15];
  }
  return out;
}

std::string encode_manifest_path(std::string_view path) {
  std::string out;
  for (char c : path) {
    if (c == '%') out += "%25";
    else if (c == '\n') out += "%0A";
    else if (c == '\r') out += "%0D";
    else out += c;
  }
  return out;
}

std::string decode_manifest_path(std::string_view path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size()) {
      std::string code = lower(std::string(path.substr(i + 1, 2)));
      if (code == "25") { out += '%'; i += 2; continue; }
      if (code == "0a") { out += '\n'; i += 2; continue; }
      if (code == "0d") { out += '\r'; i += 2; continue; }
    }
    out += path[i];
  }
  return out;
}

std::vector<File> make_bag(const std::vector<File>& payload, const std::vector<std::pair<std::string, std::string>>& info) {
  std::vector<File> out;
  std::vector<File> data;
  std::set<std::string> seen;
  unsigned long long octets = 0;
  for (auto& f : payload) {
    if (unsafe_path(f.path)) throw UsageError("galley.bag.path", "not a safe payload path: '" + f.path + "'");
    if (!seen.insert(f.path).second) throw UsageError("galley.bag.path", "payload path given twice: " + f.path);
    data.push_back({"data/" + f.path, f.data});
    octets += f.data.size();
  }
  std::vector<const File*> sorted;
  for (auto& f : data) sorted.push_back(&f);
  std::sort(sorted.begin(), sorted.end(), [](const File* a, const File* b) { return a->path < b->path; });

  out.push_back({"bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"});
  std::string bag_info;
  for (auto& [k, v] : info) {
    if (k == "Payload-Oxum") continue;
    bag_info += one_line(k) + ": " + one_line(v) + "\n";
  }
  bag_info += "Payload-Oxum: " + std::to_string(octets) + "." + std::to_string(data.size()) + "\n";
  out.push_back({"bag-info.txt", bag_info});
  out.push_back({"manifest-sha256.txt", manifest_text(sorted, "sha256")});
  out.push_back({"manifest-sha512.txt", manifest_text(sorted, "sha512")});
  std::vector<const File*> tags;
  for (auto& f : out) tags.push_back(&f);
  std::string tagmanifest = manifest_text(tags, "sha256");
  out.push_back({"tagmanifest-sha256.txt", tagmanifest});
  for (auto& f : data) out.push_back(std::move(f));
  return out;
}

std::string make_tar(const std::vector<File>& files, const std::string& top, long long mtime) {
  std::string out;
  std::set<std::string> dirs;
  auto add_dirs = [&](const std::string& path) {
    std::size_t pos = 0;
    while ((pos = path.find('/', pos)) != std::string::npos) {
      std::string d = path.substr(0, pos + 1);
      if (dirs.insert(d).second) tar_header(out, d, 0, '5', mtime);
      ++pos;
    }
  };
  for (auto& f : files) {
    std::string path = top.empty() ? f.path : top + "/" + f.path;
    add_dirs(path);
    tar_header(out, path, f.data.size(), '0', mtime);
    out += f.data;
    out.append((512 - f.data.size() % 512) % 512, '\0');
  }
  out.append(1024, '\0');
  return out;
}

std::vector<File> read_tar(std::string_view bytes) {
  std::vector<File> out;
  std::size_t pos = 0;
  std::string long_name;
  auto corrupt = [](const std::string& why) { throw InputError("galley.bag.tar", "corrupt tar archive: " + why); };
  while (pos + 512 <= bytes.size()) {
    const char* h = bytes.data() + pos;
    bool zero = true;
    for (int i = 0; i < 512; ++i)
      if (h[i]) { zero = false; break; }
    if (zero) return out;
    unsigned sum = 0;
    for (int i = 0; i < 512; ++i) sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(h[i]);
    if (sum != get_octal(h + 148, 8)) corrupt("bad header checksum at byte " + std::to_string(pos));
    unsigned long long size = get_octal(h + 124, 12);
    if (size > bytes.size() - pos - 512) corrupt("entry larger than the archive at byte " + std::to_string(pos));
    std::string name = cstr(h, 100);
    if (std::memcmp(h + 257, "ustar", 5) == 0) {
      std::string prefix = cstr(h + 345, 155);
      if (!prefix.empty()) name = prefix + "/" + name;
    }
    char type = h[156];
    std::string_view body = bytes.substr(pos + 512, size);
    pos += 512 + ((size + 511) / 512) * 512;
    if (type == 'L') { long_name = std::string(body.substr(0, body.find('\0'))); continue; }
    if (type == 'x') {  // pax: "LEN key=value\n" records
      std::size_t p = 0;
      while (p < body.size()) {
        auto sp = body.find(' ', p);
        if (sp == std::string_view::npos) break;
        std::size_t len = std::strtoul(std::string(body.substr(p, sp - p)).c_str(), nullptr, 10);
        if (len == 0 || p + len > body.size()) break;
        std::string_view rec = body.substr(sp + 1, p + len - sp - 2);
        if (rec.substr(0, 5) == "path=") long_name = std::string(rec.substr(5));
        p += len;
      }
      continue;
    }
    if (!long_name.empty()) { name = long_name; long_name.clear(); }
    if (type != '0' && type != '\0' && type != '7') continue;  // folders, links, pax globals
    while (name.size() > 2 && name.compare(0, 2, "./") == 0) name.erase(0, 2);
    out.push_back({name, std::string(body)});
  }
  if (pos != bytes.size()) corrupt("truncated");
  return out;
}

std::vector<File> load(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto st = fs::status(path, ec);
  if (ec || !fs::exists(st)) throw InputError("galley.bag.read", "cannot read bag " + path + ": no such file or folder");
  std::vector<File> files;
  if (fs::is_directory(st)) {
    fs::path root(path);
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file()) continue;
      std::string rel = fs::relative(it->path(), root).generic_string();
      files.push_back({rel, read_file(it->path().string(), std::size_t(1) << 40)});
    }
    if (ec) throw InputError("galley.bag.read", "cannot read bag " + path + ": " + ec.message());
    std::sort(files.begin(), files.end(), [](const File& a, const File& b) { return a.path < b.path; });
    return files;
  }
  std::string bytes = read_file(path, std::size_t(1) << 40);
  if (bytes.size() >= 4 && bytes.compare(0, 4, "PK\x03\x04") == 0) {
    try {
      for (auto& e : detail::read_zip(bytes))
        if (!e.name.empty() && e.name.back() != '/') files.push_back({e.name, std::move(e.data)});
    } catch (const Error& e) {
      throw InputError("galley.bag.read", "cannot read bag " + path + ": " + e.what());
    }
  } else if (bytes.size() >= 512 && (bytes.compare(257, 5, "ustar") == 0 || ends_with(lower(path), ".tar"))) {
    files = read_tar(bytes);
  } else {
    throw InputError("galley.bag.read", "cannot read bag " + path + ": not a folder, a zip or a tar archive");
  }
  strip_top(files);
  return files;
}

std::vector<Problem> validate(const std::vector<File>& files) {
  std::vector<Problem> problems;
  std::map<std::string, const File*> by_path;
  for (auto& f : files) by_path[f.path] = &f;

  // bagit.txt
  auto bt = by_path.find("bagit.txt");
  if (bt == by_path.end()) {
    problems.push_back({"bagit-txt", "bagit.txt", "bagit.txt is missing: this is not a bag"});
  } else {
    std::string version, encoding;
    for (auto& [k, v] : parse_tag_fields(bt->second->data)) {
      if (k == "BagIt-Version") version = v;
      else if (k == "Tag-File-Character-Encoding") encoding = v;
    }
    if (version.empty()) problems.push_back({"bagit-txt", "bagit.txt", "bagit.txt has no BagIt-Version"});
    if (encoding.empty()) problems.push_back({"bagit-txt", "bagit.txt", "bagit.txt has no Tag-File-Character-Encoding"});
  }

  // payload manifests
  std::vector<std::string> manifests, tagmanifests;
  for (auto& [p, f] : by_path) {
    if (p.find('/') != std::string::npos) continue;
    if (p.rfind("manifest-", 0) == 0 && ends_with(p, ".txt")) manifests.push_back(p);
    if (p.rfind("tagmanifest-", 0) == 0 && ends_with(p, ".txt")) tagmanifests.push_back(p);
  }
  if (manifests.empty()) problems.push_back({"manifest", "", "there is no payload manifest (manifest-ALGORITHM.txt)"});
  std::set<std::string> payload;
  unsigned long long octets = 0;
  for (auto& [p, f] : by_path)
    if (p.rfind("data/", 0) == 0) { payload.insert(p); octets += f->data.size(); }

  auto check = [&](const std::string& manifest, bool tag) {
    std::string alg = manifest.substr(tag ? 12 : 9, manifest.size() - (tag ? 12 : 9) - 4);
    auto entries = parse_manifest(by_path[manifest]->data, manifest, problems);
    std::set<std::string> listed;
    for (auto& e : entries) {
      listed.insert(e.path);
      bool is_payload = e.path.rfind("data/", 0) == 0;
      std::string kind = tag ? "tag-manifest" : "missing-file";
      if (!tag && !is_payload) {
        problems.push_back({"manifest", e.path, manifest + " line " + std::to_string(e.line) + " lists " + e.path + ", which is not under data/"});
        continue;
      }
      auto it = by_path.find(e.path);
      if (it == by_path.end()) {
        problems.push_back({kind, e.path, e.path + " is listed in " + manifest + " but missing from the bag"});
        continue;
      }
      std::string actual;
      try {
        actual = digest_hex(alg, it->second->data);
      } catch (const Error&) {
        problems.push_back({"manifest", manifest, manifest + " uses an unknown checksum algorithm '" + alg + "'"});
        return;
      }
      if (actual != e.digest)
        problems.push_back({tag ? "tag-manifest" : "changed-file", e.path,
                            e.path + " has changed: its " + alg + " is " + actual.substr(0, 16) + "…, " + manifest +
                                " says " + e.digest.substr(0, 16) + "…"});
    }
    if (!tag)
      for (auto& p : payload)
        if (!listed.count(p))
          problems.push_back({"extra-file", p, p + " is in the payload but not listed in " + manifest});
  };
  for (auto& m : manifests) check(m, false);
  for (auto& m : tagmanifests) check(m, true);

  // Payload-Oxum
  auto bi = by_path.find("bag-info.txt");
  if (bi != by_path.end()) {
    for (auto& [k, v] : parse_tag_fields(bi->second->data)) {
      if (k != "Payload-Oxum") continue;
      std::string expect = std::to_string(octets) + "." + std::to_string(payload.size());
      if (v != expect)
        problems.push_back({"payload-oxum", "bag-info.txt",
                            "Payload-Oxum is " + v + " but the payload has " + std::to_string(octets) + " bytes in " +
                                std::to_string(payload.size()) + " files (" + expect + ")"});
    }
  }
  return problems;
}

}  // namespace galley::bagit
