// SHA-1 (OpenSSL EVP) and base32 (RFC 4648) for payload digests (sha1.hpp).
#include "warc/sha1.hpp"

#include <openssl/evp.h>

#include <new>

namespace galley::warc {

Sha1::Sha1() : ctx_(EVP_MD_CTX_new()) {
  if (!ctx_ || EVP_DigestInit_ex(ctx_, EVP_sha1(), nullptr) != 1) throw std::bad_alloc();
}

Sha1::~Sha1() { EVP_MD_CTX_free(ctx_); }

void Sha1::update(std::string_view data) { EVP_DigestUpdate(ctx_, data.data(), data.size()); }

std::array<unsigned char, 20> Sha1::finish() {
  std::array<unsigned char, 20> out{};
  unsigned int n = 0;
  EVP_DigestFinal_ex(ctx_, out.data(), &n);
  return out;
}

std::string base32(const unsigned char* data, std::size_t n) {
  static const char* abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  std::uint64_t acc = 0;
  int bits = 0;
  for (std::size_t i = 0; i < n; ++i) {
    acc = (acc << 8) | data[i];
    bits += 8;
    while (bits >= 5) { out += abc[(acc >> (bits - 5)) & 31]; bits -= 5; }
  }
  if (bits) out += abc[(acc << (5 - bits)) & 31];
  while (out.size() % 8) out += '=';
  return out;
}

std::string sha1_digest(std::string_view data) {
  Sha1 s;
  s.update(data);
  auto d = s.finish();
  return "sha1:" + base32(d.data(), d.size());
}

}  // namespace galley::warc
