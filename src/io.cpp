// Reading inputs/resources only below the resource root; atomic output files.
#include "galley/io.hpp"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <set>

#include "galley/error.hpp"
#include "galley/resource_store.hpp"
#include "galley/text.hpp"

namespace galley {

std::string read_file(const std::string& path, std::size_t max_bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError("galley.io.read", "cannot read " + path + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw InputError("galley.io.read", "cannot read " + path + ": is a directory");
  }
  std::string data;
  if (st.st_size > 0) data.reserve(static_cast<std::size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd);
      throw InputError("galley.io.read", "cannot read " + path + ": " + std::strerror(e));
    }
    if (n == 0) break;
    data.append(buf, static_cast<std::size_t>(n));
    if (data.size() > max_bytes) {
      ::close(fd);
      throw InputError("galley.io.too-large", path + " is larger than the input limit of " + std::to_string(max_bytes) +
                                                   " bytes (--max-input-size)");
    }
  }
  ::close(fd);
  return data;
}

// ---- atomic output ----
// Pending temporary files, so that SIGINT can remove them. A fixed-size table
// of C strings keeps the signal handler async-signal-safe.
namespace {
constexpr int kMaxPending = 64;
std::array<std::atomic<char*>, kMaxPending> g_pending{};

int register_pending(char* path) {
  for (int i = 0; i < kMaxPending; ++i) {
    char* expected = nullptr;
    if (g_pending[i].compare_exchange_strong(expected, path)) return i;
  }
  return -1;
}
void unregister_pending(int slot) {
  if (slot >= 0) g_pending[slot].store(nullptr);
}
// Set by cleanup_pending_outputs (a signal): writers that are mid-way remove
// their own temporary file instead of finishing.
std::atomic<bool> g_closing{false};
}  // namespace

void cleanup_pending_outputs() noexcept {
  g_closing.store(true);
  // Registrations are left in place: a writer thread may be between naming
  // its file and creating it, and a second call (after letting the threads
  // run) must still find it.
  for (auto& p : g_pending) {
    char* path = p.load();
    if (path) ::unlink(path);
  }
}

namespace {
// Write all of `data` to `fd` (retrying short writes); throws OutputError naming `path`.
void write_all(int fd, std::string_view data, const std::string& path) {
  std::size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::write(fd, data.data() + off, data.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd);
      throw OutputError("galley.io.write", "cannot write " + path + ": " + std::strerror(e));
    }
    off += static_cast<std::size_t>(n);
  }
}

// Devices and pipes (-o /dev/stdout, a FIFO) are written in place: renaming a
// temporary file over them would replace the device with a regular file.
bool write_in_place(const std::string& path, std::string_view data) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode)) return false;
  if (S_ISDIR(st.st_mode)) throw OutputError("galley.io.write", "cannot write " + path + ": is a directory");
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) throw OutputError("galley.io.write", "cannot write " + path + ": " + std::strerror(errno));
  write_all(fd, data, path);
  ::close(fd);
  return true;
}
}  // namespace

void write_file(const std::string& path, std::string_view data) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) throw OutputError("galley.io.write", "cannot write " + path + ": " + std::strerror(errno));
  write_all(fd, data, path);
  if ((::fsync(fd) != 0 && errno != EINVAL) | (::close(fd) != 0))
    throw OutputError("galley.io.write", "cannot write " + path + ": " + std::strerror(errno));
}

void write_file_atomic(const std::string& path, std::string_view data) {
  if (write_in_place(path, data)) return;
  std::string dir = ".", base = path;
  auto slash = path.rfind('/');
  if (slash != std::string::npos) {
    dir = slash == 0 ? "/" : path.substr(0, slash);
    base = path.substr(slash + 1);
  }
  if (base.empty()) throw OutputError("galley.io.write", "cannot write " + path + ": not a file name");
  std::string tmpl = dir + "/." + base + ".galley-XXXXXX";
  std::string tmp = tmpl;
  // Registered before it exists (mkstemp fills in the name before creating
  // the file), so that a signal at any moment finds it.
  int slot = register_pending(tmp.data());
  auto interrupted = [&] { return OutputError("galley.io.write", "cannot write " + path + ": interrupted"); };
  if (g_closing.load()) { unregister_pending(slot); throw interrupted(); }
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    int e = errno;
    unregister_pending(slot);
    throw OutputError("galley.io.write", "cannot write " + path + ": " + std::strerror(e));
  }
  auto fail = [&](const std::string& why) {
    ::close(fd);
    ::unlink(tmp.c_str());
    unregister_pending(slot);
    throw OutputError("galley.io.write", "cannot write " + path + ": " + why);
  };
  for (std::size_t off = 0; off < data.size();) {
    ssize_t n = ::write(fd, data.data() + off, data.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(std::strerror(errno));
    }
    off += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 && errno != EINVAL) fail(std::strerror(errno));
  // mkstemp creates 0600; give the file the usual permissions (umask applies).
  // The umask is read once (umask() can only be read by setting it, which
  // would race with other threads writing outputs).
  static const mode_t mask = [] { mode_t m = ::umask(0); ::umask(m); return m; }();
  ::fchmod(fd, 0666 & ~mask);
  if (::close(fd) != 0) {
    int e = errno;
    ::unlink(tmp.c_str());
    unregister_pending(slot);
    throw OutputError("galley.io.write", "cannot write " + path + ": " + std::strerror(e));
  }
  if (g_closing.load() || ::rename(tmp.c_str(), path.c_str()) != 0) {
    if (g_closing.load()) { ::unlink(tmp.c_str()); unregister_pending(slot); throw interrupted(); }
    int e = errno;
    ::unlink(tmp.c_str());
    unregister_pending(slot);
    throw OutputError("galley.io.write", "cannot write " + path + ": " + std::strerror(e));
  }
  unregister_pending(slot);
}

// ---- resources ----
bool remote_image_available(std::string_view url, const Resources& res) {
  if (res.store && res.store->find(url)) return true;
  if (res.store && res.store->fetched()) return false;  // fetched when read: what is not there was refused
  return res.allow_network && res.fetcher && is_remote_url(url);
}

bool is_remote_url(std::string_view url) {
  auto starts = [&](std::string_view p) {
    if (url.size() < p.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
    return true;
  };
  return starts("http:") || starts("https:") || starts("ftp:") || starts("//") || starts("ws:") || starts("wss:");
}

namespace {
std::string real_path(const std::string& p) {
  char buf[PATH_MAX];
  if (!::realpath(p.c_str(), buf)) return {};
  return buf;
}
bool inside(const std::string& path, const std::string& root) {
  if (root == "/") return true;
  return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 && path[root.size()] == '/');
}
}  // namespace

std::optional<std::string> resolve_resource(std::string_view ref_in, const Resources& res, Diagnostics& diag) {
  std::string ref(ref_in);
  if (ref.empty()) return std::nullopt;
  if (is_remote_url(ref)) {
    diag.warn("resource-refused", "not fetching remote resource " + ref + " (network access is off)");
    return std::nullopt;
  }
  std::string lower;
  for (char c : ref.substr(0, 12)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.rfind("data:", 0) == 0) return std::nullopt;  // handled by decode_data_uri
  if (lower.rfind("file://", 0) == 0) {
    ref = ref.substr(7);
    if (ref.rfind("localhost/", 0) == 0) ref = ref.substr(9);
  } else if (lower.rfind("file:", 0) == 0) {
    ref = ref.substr(5);
  } else if (ref.find(':') != std::string::npos && ref.find(':') < ref.find('/')) {
    diag.warn("resource-refused", "unsupported URL scheme in " + ref);
    return std::nullopt;
  }
  // Strip a query or fragment, then percent-decode once (a double-encoded
  // "%252e" stays "%2e", a literal file name, never "..").
  auto q = ref.find_first_of("?#");
  if (q != std::string::npos) ref = ref.substr(0, q);
  ref = percent_decode(ref).text;
  if (ref.find('\0') != std::string::npos) {
    diag.warn("resource-refused", "resource path contains a NUL byte");
    return std::nullopt;
  }
  std::string root = res.root.empty() ? real_path(".") : real_path(res.root);
  if (root.empty()) {
    diag.warn("resource-refused", "resource root " + res.root + " does not exist");
    return std::nullopt;
  }
  std::vector<std::string> bases;
  if (!ref.empty() && ref[0] == '/') bases.push_back("");
  else {
    for (auto& s : res.search) bases.push_back(s.empty() ? root : (s[0] == '/' ? s : root + "/" + s));
    bases.push_back(root);
  }
  bool escaped = false;
  for (auto& b : bases) {
    std::string candidate = b.empty() ? ref : b + "/" + ref;
    std::string real = real_path(candidate);
    if (real.empty()) continue;
    if (!inside(real, root)) { escaped = true; continue; }
    struct stat st {};
    if (::stat(real.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    return real;
  }
  if (escaped) diag.warn("resource-refused", "refusing " + std::string(ref_in) + ": outside the resource root " + root);
  else diag.warn("resource-missing", "could not find resource " + std::string(ref_in));
  return std::nullopt;
}

std::optional<std::string> load_resource(std::string_view ref, const Resources& res, const Limits& limits, Diagnostics& diag) {
  auto path = resolve_resource(ref, res, diag);
  if (!path) return std::nullopt;
  struct stat st {};
  if (::stat(path->c_str(), &st) == 0 && static_cast<std::size_t>(st.st_size) > limits.max_resource_bytes) {
    diag.warn("resource-too-large", std::string(ref) + " is larger than " + std::to_string(limits.max_resource_bytes) + " bytes");
    return std::nullopt;
  }
  try {
    return read_file(*path, limits.max_resource_bytes);
  } catch (const Error& e) {
    diag.warn("resource-missing", e.what());
    return std::nullopt;
  }
}

std::optional<LoadedImage> load_image(std::string_view url_in, const Resources& res, const Limits& limits, Diagnostics& diag,
                                      std::string_view prefix) {
  std::string url(url_in);
  std::string pre(prefix);
  std::string what = url.size() > 80 ? url.substr(0, 80) + "..." : url;
  std::string bytes;
  if (url.rfind("data:", 0) == 0) {
    bool too_large = false;
    auto d = decode_data_uri(url, limits.max_resource_bytes, &too_large);
    if (!d) {
      if (too_large)
        diag.warn("resource-too-large", pre + "data: URI image too large (over the limit of " +
                                            std::to_string(limits.max_resource_bytes) +
                                            " bytes for one embedded image), dropped (alt text kept)");
      else
        diag.warn("resource-refused", pre + "malformed data: URI image dropped (alt text kept)");
      return std::nullopt;
    }
    bytes = std::move(d->bytes);
  } else if (is_remote_url(url) && (res.store || (res.allow_network && res.fetcher))) {
    const StoredResource* found = res.store ? res.store->find(url) : nullptr;
    if (found) {
      if (found->bytes.size() > limits.max_resource_bytes) {
        diag.warn("resource-too-large", pre + what + " is larger than " + std::to_string(limits.max_resource_bytes) + " bytes");
        return std::nullopt;
      }
      bytes = found->bytes;
    } else if (res.store && res.store->fetched()) {
      diag.warn("resource-missing", pre + "remote image not fetched (see the warnings when the article was read): " + what);
      return std::nullopt;
    } else if (res.allow_network && res.fetcher) {
      auto f = res.fetcher->fetch(url, limits, diag);
      if (!f) return std::nullopt;  // the fetcher has warned
      bytes = std::move(f->bytes);
    } else {
      diag.warn("resource-missing", pre + "image not in the archive: " + what);
      return std::nullopt;
    }
  } else {
    auto b = load_resource(url, res, limits, diag);
    if (!b) return std::nullopt;  // load_resource has warned
    bytes = std::move(*b);
  }
  std::string mt = sniff_media_type(bytes);
  if (mt.empty()) {
    diag.warn("resource-refused", pre + "not a PNG, JPEG, GIF, SVG or WebP image: " + what + " (alt text kept)");
    return std::nullopt;
  }
  if (mt == "image/svg+xml") {
    auto clean = sanitize_svg(bytes);
    if (!clean) {
      diag.warn("unsafe-content", pre + "SVG image with scripts refused (alt text kept): " + what);
      return std::nullopt;
    }
    if (*clean != bytes) diag.warn("unsafe-content", pre + "scripts and event handlers removed from an SVG image: " + what);
    bytes = std::move(*clean);
  }
  return LoadedImage{std::move(bytes), std::move(mt)};
}

std::string sniff_media_type(std::string_view b) {
  auto starts = [&](std::string_view p) { return b.size() >= p.size() && b.substr(0, p.size()) == p; };
  if (starts("\x89PNG\r\n\x1a\n")) return "image/png";
  if (starts("\xFF\xD8\xFF")) return "image/jpeg";
  if (starts("GIF87a") || starts("GIF89a")) return "image/gif";
  if (b.size() >= 12 && starts("RIFF") && b.substr(8, 4) == "WEBP") return "image/webp";
  // SVG: XML text whose first element is <svg
  auto head = b.substr(0, std::min<std::size_t>(b.size(), 4096));
  std::size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size()) {
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
    if (head.substr(i, 4) == "<svg") return "image/svg+xml";
    if (head.substr(i, 2) == "<?" ) { auto e = head.find("?>", i); if (e == std::string_view::npos) break; i = e + 2; continue; }
    if (head.substr(i, 4) == "<!--") { auto e = head.find("-->", i); if (e == std::string_view::npos) break; i = e + 3; continue; }
    if (head.substr(i, 9) == "<!DOCTYPE") { auto e = head.find('>', i); if (e == std::string_view::npos) break; i = e + 1; continue; }
    break;
  }
  return "";
}

std::string base64_encode(std::string_view in) {
  static const char* tbl = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) | static_cast<unsigned char>(in[i + 2]);
    out += tbl[v >> 18]; out += tbl[(v >> 12) & 63]; out += tbl[(v >> 6) & 63]; out += tbl[v & 63];
  }
  if (i + 1 == in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    out += tbl[v >> 18]; out += tbl[(v >> 12) & 63]; out += "==";
  } else if (i + 2 == in.size()) {
    unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
    out += tbl[v >> 18]; out += tbl[(v >> 12) & 63]; out += tbl[(v >> 6) & 63]; out += '=';
  }
  return out;
}

std::optional<DataUri> decode_data_uri(std::string_view uri, std::size_t max_bytes, bool* too_large) {
  if (too_large) *too_large = false;
  auto big = [&]() -> std::optional<DataUri> {
    if (too_large) *too_large = true;
    return std::nullopt;
  };
  if (uri.size() < 5) return std::nullopt;
  std::string head;
  for (char c : uri.substr(0, 5)) head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (head != "data:") return std::nullopt;
  auto comma = uri.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  auto params = uri.substr(5, comma - 5);
  auto payload = uri.substr(comma + 1);
  bool b64 = params.size() >= 7 && params.substr(params.size() - 7) == ";base64";
  DataUri d;
  d.media_type = std::string(params.substr(0, params.find(';')));
  if (b64) {
    if (payload.size() / 4 * 3 > max_bytes + 3) return big();
    unsigned v = 0;
    int bits = 0;
    for (char c : payload) {
      int x;
      if (c >= 'A' && c <= 'Z') x = c - 'A';
      else if (c >= 'a' && c <= 'z') x = c - 'a' + 26;
      else if (c >= '0' && c <= '9') x = c - '0' + 52;
      else if (c == '+' || c == '-') x = 62;
      else if (c == '/' || c == '_') x = 63;
      else if (c == '=' || c == ' ' || c == '\n' || c == '\r') continue;
      else return std::nullopt;
      v = (v << 6) | static_cast<unsigned>(x);
      bits += 6;
      if (bits >= 8) { bits -= 8; d.bytes += static_cast<char>((v >> bits) & 0xFF); }
    }
  } else {
    if (payload.size() > max_bytes * 3 + 3) return big();
    d.bytes = percent_decode(payload).text;
  }
  if (d.bytes.size() > max_bytes) return big();
  return d;
}

}  // namespace galley
