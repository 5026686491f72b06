// WARC members of a WACZ, from the zip's central directory (wacz.hpp).
#include "warc/wacz.hpp"

#include <cstring>

#include "galley/error.hpp"

namespace galley::warc {

namespace {
constexpr std::uint64_t kMaxDirectory = std::uint64_t(64) << 20;  // central directory bytes
constexpr std::uint32_t kEocd = 0x06054b50, kEocd64 = 0x06064b50, kLocator64 = 0x07064b50;
constexpr std::uint32_t kCentral = 0x02014b50, kLocal = 0x04034b50;

[[noreturn]] void broken(const std::string& why) {
  throw InputError("galley.warc.wacz", "cannot read the WACZ (zip): " + why);
}
std::uint64_t le(const unsigned char* p, int n) {
  std::uint64_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}
std::string read_exact(const ByteSource& s, std::uint64_t off, std::size_t n) {
  std::string b(n, '\0');
  std::size_t got = 0;
  while (got < n) {
    std::size_t k = s.read_at(off + got, b.data() + got, n - got);
    if (k == 0) broken("it ends inside its directory");
    got += k;
  }
  return b;
}
const unsigned char* u(const std::string& s, std::size_t at) { return reinterpret_cast<const unsigned char*>(s.data()) + at; }
bool is_warc_name(const std::string& n) {
  return n.rfind("archive/", 0) == 0 && (n.ends_with(".warc") || n.ends_with(".warc.gz"));
}
}  // namespace

bool looks_like_zip(const ByteSource& src) {
  char m[4];
  return src.read_at(0, m, 4) == 4 && std::memcmp(m, "PK\x03\x04", 4) == 0;
}

std::vector<ZipMember> wacz_members(const ByteSource& zip, std::uint64_t* declared) {
  if (declared) *declared = 0;
  std::uint64_t size = zip.size();
  if (size < 22) broken("too short for a zip");
  std::uint64_t tail_len = std::min<std::uint64_t>(size, 22 + 65535);
  std::string tail = read_exact(zip, size - tail_len, static_cast<std::size_t>(tail_len));
  std::size_t at = std::string::npos;
  for (std::size_t i = tail.size() - 22 + 1; i-- > 0;)
    if (le(u(tail, i), 4) == kEocd) { at = i; break; }
  if (at == std::string::npos) broken("no end of central directory");
  std::uint64_t entries = le(u(tail, at + 10), 2), dir_size = le(u(tail, at + 12), 4), dir_off = le(u(tail, at + 16), 4);
  if (entries == 0xffff || dir_size == 0xffffffff || dir_off == 0xffffffff) {  // zip64
    std::uint64_t eocd_at = size - tail_len + at;
    if (eocd_at < 20) broken("no zip64 locator");
    std::string loc = read_exact(zip, eocd_at - 20, 20);
    if (le(u(loc, 0), 4) != kLocator64) broken("no zip64 locator");
    std::uint64_t off64 = le(u(loc, 8), 8);
    if (off64 > size || size - off64 < 56) broken("a zip64 directory record outside the file");
    std::string e64 = read_exact(zip, off64, 56);
    if (le(u(e64, 0), 4) != kEocd64) broken("no zip64 end of central directory");
    entries = le(u(e64, 32), 8);
    dir_size = le(u(e64, 40), 8);
    dir_off = le(u(e64, 48), 8);
  }
  if (dir_size > kMaxDirectory || dir_off > size || dir_size > size - dir_off) broken("a central directory outside the file");
  std::string dir = read_exact(zip, dir_off, static_cast<std::size_t>(dir_size));
  std::vector<ZipMember> out;
  std::size_t p = 0;
  for (std::uint64_t n = 0; n < entries; ++n) {
    if (dir.size() - p < 46 || le(u(dir, p), 4) != kCentral) broken("a broken central directory entry");
    std::uint64_t flags = le(u(dir, p + 8), 2), method = le(u(dir, p + 10), 2);
    std::uint64_t csize = le(u(dir, p + 20), 4), usize = le(u(dir, p + 24), 4);
    std::size_t name_len = le(u(dir, p + 28), 2), extra_len = le(u(dir, p + 30), 2), comment_len = le(u(dir, p + 32), 2);
    std::uint64_t local = le(u(dir, p + 42), 4);
    if (dir.size() - p - 46 < name_len + extra_len + comment_len) broken("a broken central directory entry");
    std::string name = dir.substr(p + 46, name_len);
    // zip64 extra field: the values that are 0xffffffff above, in this order
    std::size_t x = p + 46 + name_len, x_end = x + extra_len;
    while (x + 4 <= x_end) {
      std::uint64_t id = le(u(dir, x), 2), len = le(u(dir, x + 2), 2);
      if (x + 4 + len > x_end) break;
      if (id == 1) {
        std::size_t q = x + 4, q_end = x + 4 + len;
        auto take = [&](std::uint64_t& v) {
          if (v != 0xffffffff) return;
          if (q + 8 > q_end) broken("a short zip64 extra field");
          v = le(u(dir, q), 8);
          q += 8;
        };
        take(usize);
        take(csize);
        take(local);
      }
      x += 4 + len;
    }
    p += 46 + name_len + extra_len + comment_len;
    if (declared) *declared += std::min<std::uint64_t>(usize, std::uint64_t(1) << 62);
    if (!is_warc_name(name)) continue;
    if (local > size || size - local < 30) broken("an entry outside the file: " + name);
    std::string lh = read_exact(zip, local, 30);
    if (le(u(lh, 0), 4) != kLocal) broken("no local header for " + name);
    std::uint64_t data = local + 30 + le(u(lh, 26), 2) + le(u(lh, 28), 2);
    if (data > size || csize > size - data) broken("an entry outside the file: " + name);
    ZipMember m;
    m.name = std::move(name);
    m.offset = data;
    m.size = csize;
    m.stored = method == 0 && !(flags & 1) && csize == usize;
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace galley::warc
