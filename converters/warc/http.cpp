// HTTP response parsing and body decoding (http.hpp).
#include "warc/http.hpp"

#include <brotli/decode.h>
#include <zlib.h>

#include <cctype>
#include <vector>

#include "galley/text.hpp"

namespace galley::warc {

std::string_view trim_field(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

namespace {
constexpr std::size_t kMaxHead = 1 << 16;


// zlib: gzip (wbits 16+15), zlib-wrapped deflate (15) or raw deflate (-15).
std::optional<std::string> inflate_all(std::string_view in, int wbits, std::size_t max_bytes, std::string* why) {
  z_stream z{};
  if (inflateInit2(&z, wbits) != Z_OK) { *why = "cannot start zlib"; return std::nullopt; }
  std::string out;
  char buf[1 << 15];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    out.append(buf, sizeof buf - z.avail_out);
    if (out.size() > max_bytes) { inflateEnd(&z); *why = "decodes to more than " + std::to_string(max_bytes) + " bytes"; return std::nullopt; }
    if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) { rc = Z_BUF_ERROR; break; }
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) { *why = "truncated or corrupt compressed body"; return std::nullopt; }
  return out;
}

std::optional<std::string> unbrotli(std::string_view in, std::size_t max_bytes, std::string* why) {
  BrotliDecoderState* s = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (!s) { *why = "cannot start brotli"; return std::nullopt; }
  std::string out;
  const uint8_t* next_in = reinterpret_cast<const uint8_t*>(in.data());
  size_t avail_in = in.size();
  uint8_t buf[1 << 15];
  BrotliDecoderResult r;
  do {
    uint8_t* next_out = buf;
    size_t avail_out = sizeof buf;
    r = BrotliDecoderDecompressStream(s, &avail_in, &next_in, &avail_out, &next_out, nullptr);
    out.append(reinterpret_cast<char*>(buf), sizeof buf - avail_out);
    if (out.size() > max_bytes) { BrotliDecoderDestroyInstance(s); *why = "decodes to more than " + std::to_string(max_bytes) + " bytes"; return std::nullopt; }
  } while (r == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT);
  BrotliDecoderDestroyInstance(s);
  if (r != BROTLI_DECODER_RESULT_SUCCESS) { *why = "truncated or corrupt brotli body"; return std::nullopt; }
  return out;
}
}  // namespace

std::optional<HttpHead> parse_http_head(std::string_view block, std::string* why) {
  HttpHead h;
  std::string_view window = block.substr(0, kMaxHead);
  std::size_t end = window.find("\r\n\r\n");
  std::size_t sep = 4;
  if (end == std::string_view::npos) { end = window.find("\n\n"); sep = 2; }
  if (end == std::string_view::npos) {
    *why = block.size() > kMaxHead ? "HTTP header over 64 KiB" : "HTTP header without an end (no blank line)";
    return std::nullopt;
  }
  std::string_view head = block.substr(0, end);
  h.body_offset = end + sep;
  std::size_t i = 0;
  bool first = true;
  while (i <= head.size()) {
    std::size_t nl = head.find('\n', i);
    if (nl == std::string_view::npos) nl = head.size();
    std::string_view line = trim_field(head.substr(i, nl - i));
    i = nl + 1;
    if (first) {
      first = false;
      // "HTTP/1.1 200 OK"
      if (line.size() < 12 || line.substr(0, 7) != "HTTP/1." || line[8] != ' ' || !std::isdigit(static_cast<unsigned char>(line[9])) ||
          !std::isdigit(static_cast<unsigned char>(line[10])) || !std::isdigit(static_cast<unsigned char>(line[11]))) {
        *why = "no HTTP/1.x status line (\"" + std::string(line.substr(0, 40)) + "\")";
        return std::nullopt;
      }
      h.status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
      continue;
    }
    if (line.empty()) continue;
    auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      *why = "HTTP header line without a name (\"" + std::string(line.substr(0, 40)) + "\")";
      return std::nullopt;
    }
    h.fields.emplace_back(std::string(trim_field(line.substr(0, colon))), std::string(trim_field(line.substr(colon + 1))));
  }
  return h;
}

std::optional<std::string> dechunk(std::string_view body, std::size_t max_bytes, std::string* why) {
  std::string out;
  std::size_t i = 0;
  for (;;) {
    std::size_t nl = body.find('\n', i);
    if (nl == std::string_view::npos) { *why = "chunked body ends inside a chunk size line"; return std::nullopt; }
    std::string_view line = trim_field(body.substr(i, nl - i));
    auto semi = line.find(';');  // chunk extensions
    if (semi != std::string_view::npos) line = trim_field(line.substr(0, semi));
    if (line.empty() || line.size() > 15 || line.find_first_not_of("0123456789abcdefABCDEF") != std::string_view::npos) {
      *why = "bad chunk size \"" + std::string(line.substr(0, 20)) + "\"";
      return std::nullopt;
    }
    std::uint64_t n = std::stoull(std::string(line), nullptr, 16);
    i = nl + 1;
    if (n == 0) return out;  // trailers ignored
    if (n > body.size() - i) { *why = "chunked body ends inside a chunk"; return std::nullopt; }
    if (out.size() + n > max_bytes) { *why = "body over " + std::to_string(max_bytes) + " bytes"; return std::nullopt; }
    out.append(body.substr(i, n));
    i += n;
    if (body.substr(i, 2) == "\r\n") i += 2;
    else if (body.substr(i, 1) == "\n") i += 1;
  }
}

std::optional<std::string> decode_body(const HttpHead& head, std::string_view body, std::size_t max_bytes,
                                       std::string* why) {
  std::string data;
  std::string te = ascii_lower(head.get("Transfer-Encoding"));
  if (te.find("chunked") != std::string::npos) {
    auto d = dechunk(body, max_bytes, why);
    if (!d) return std::nullopt;
    data = std::move(*d);
  } else {
    if (body.size() > max_bytes) { *why = "body over " + std::to_string(max_bytes) + " bytes"; return std::nullopt; }
    data.assign(body);
  }
  // Content codings, listed in the order applied: undone last first.
  std::vector<std::string> codings;
  std::string ce = ascii_lower(head.get("Content-Encoding"));
  std::size_t i = 0;
  while (i < ce.size()) {
    std::size_t c = ce.find(',', i);
    if (c == std::string::npos) c = ce.size();
    std::string one(trim_field(std::string_view(ce).substr(i, c - i)));
    if (!one.empty() && one != "identity") codings.push_back(one);
    i = c + 1;
  }
  for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
    std::optional<std::string> d;
    if (*it == "gzip" || *it == "x-gzip") d = inflate_all(data, 16 + 15, max_bytes, why);
    else if (*it == "deflate") {
      d = inflate_all(data, 15, max_bytes, why);  // zlib-wrapped, as the RFC says
      if (!d) d = inflate_all(data, -15, max_bytes, why);  // raw deflate, as some servers send
    } else if (*it == "br") d = unbrotli(data, max_bytes, why);
    else { *why = "unknown content coding \"" + *it + "\""; return std::nullopt; }
    if (!d) return std::nullopt;
    data = std::move(*d);
  }
  return data;
}

std::string media_type_of(std::string_view ct) {
  auto semi = ct.find(';');
  return ascii_lower(trim_field(ct.substr(0, semi)));
}

std::string charset_of(std::string_view ct) {
  std::string l = ascii_lower(ct);
  auto p = l.find("charset=");
  if (p == std::string::npos) return {};
  std::string_view v = std::string_view(ct).substr(p + 8);
  auto semi = v.find(';');
  v = trim_field(v.substr(0, semi));
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) v = v.substr(1, v.size() - 2);
  std::string out;
  for (char c : v)
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':') out += c;
  return out;
}

}  // namespace galley::warc
