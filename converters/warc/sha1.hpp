// SHA-1, streaming, for WARC-Payload-Digest ("sha1:" + base32, the digest
// every WARC writer uses). Written here rather than taken from OpenSSL so that
// the library keeps OpenSSL out of its dependencies (only galley_package, the
// BagIt code of the command line, links it).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace galley::warc {

class Sha1 {
 public:
  void update(std::string_view data);
  std::array<unsigned char, 20> finish();

 private:
  void block(const unsigned char* p);
  std::uint32_t h_[5] = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u};
  unsigned char buf_[64];
  std::size_t used_ = 0;
  std::uint64_t total_ = 0;
};

// RFC 4648 base32 (upper case, '=' padded): 32 characters for a SHA-1.
std::string base32(const unsigned char* data, std::size_t n);

// "sha1:" + base32 of the SHA-1 of `data`.
std::string sha1_digest(std::string_view data);

}  // namespace galley::warc
