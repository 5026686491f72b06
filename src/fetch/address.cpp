// Which addresses --fetch-resources never connects to (fetch.hpp).
#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>

#include "fetch/fetch.hpp"

namespace galley::fetch {

namespace {
std::string v4_refusal(std::uint32_t a) {  // host byte order
  auto in = [&](std::uint32_t net, int bits) { return (a >> (32 - bits)) == (net >> (32 - bits)); };
  if (in(0x7F000000u, 8)) return "loopback";
  if (in(0x0A000000u, 8) || in(0xAC100000u, 12) || in(0xC0A80000u, 16)) return "private";
  if (in(0xA9FE0000u, 16)) return "link-local";
  if (in(0x64400000u, 10)) return "shared (CGNAT)";
  if (in(0x00000000u, 8)) return "unspecified";
  if (in(0xE0000000u, 4)) return "multicast";
  if (in(0xF0000000u, 4)) return "reserved";  // 240/4 and the broadcast address
  if (in(0xC0000000u, 24) || in(0xC0000200u, 24) || in(0xC6336400u, 24) || in(0xCB007100u, 24)) return "reserved";
  if (in(0xC6120000u, 15)) return "benchmarking";
  return "";
}
}  // namespace

std::string address_refusal(const sockaddr* addr) {
  if (!addr) return "unknown";
  if (addr->sa_family == AF_INET) {
    const auto* s = reinterpret_cast<const sockaddr_in*>(addr);
    return v4_refusal(ntohl(s->sin_addr.s_addr));
  }
  if (addr->sa_family == AF_INET6) {
    const auto* s = reinterpret_cast<const sockaddr_in6*>(addr);
    const unsigned char* b = s->sin6_addr.s6_addr;
    static const unsigned char zero[16] = {};
    if (std::memcmp(b, zero, 15) == 0 && b[15] == 1) return "loopback";
    if (std::memcmp(b, zero, 16) == 0) return "unspecified";
    // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d): judge the IPv4 address
    bool mapped = std::memcmp(b, zero, 10) == 0 && b[10] == 0xff && b[11] == 0xff;
    bool compat = std::memcmp(b, zero, 12) == 0;
    if (mapped || compat) {
      std::uint32_t v4 = (std::uint32_t(b[12]) << 24) | (std::uint32_t(b[13]) << 16) | (std::uint32_t(b[14]) << 8) | b[15];
      std::string r = v4_refusal(v4);
      return r.empty() && compat ? "reserved" : r;
    }
    if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) {  // NAT64 64:ff9b::/96
      std::uint32_t v4 = (std::uint32_t(b[12]) << 24) | (std::uint32_t(b[13]) << 16) | (std::uint32_t(b[14]) << 8) | b[15];
      return v4_refusal(v4);
    }
    if ((b[0] & 0xfe) == 0xfc) return "private";                    // fc00::/7 unique local
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return "link-local"; // fe80::/10
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return "private";    // fec0::/10 site-local (deprecated)
    if (b[0] == 0xff) return "multicast";
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return "reserved";  // documentation
    return "";
  }
  return "not an internet address";
}

}  // namespace galley::fetch
