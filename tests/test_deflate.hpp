// zlib's deflate of a whole string in one call, for tests and fuzz targets that build
// compressed inputs (gzip members, HTTP gzip/deflate bodies). window_bits as zlib takes
// them: 8..15 zlib, +16 gzip, negative raw deflate.
#pragma once
#include <zlib.h>

#include <string>
#include <string_view>

namespace galley::test {

inline std::string deflate_all(std::string_view in, int level, int window_bits, int mem_level) {
  z_stream z{};
  deflateInit2(&z, level, Z_DEFLATED, window_bits, mem_level, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, static_cast<uLong>(in.size())) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace galley::test
