// HTTP/1.x responses as a WARC response record holds them: the status line and
// header fields, then the body as it went over the wire (chunked transfer
// coding, gzip/deflate/br content codings), decoded here with a size limit.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "warc/record.hpp"

namespace galley::warc {

struct HttpHead {
  int status = 0;
  Fields fields;
  std::size_t body_offset = 0;  // where the body starts in the block
  std::string get(std::string_view name) const { return field(fields, name); }
};

// The status line and fields at the start of `block`; nullopt with `*why` set
// when they are broken (no "HTTP/1.x NNN" line, no end of the fields within
// 64 KiB, a field line without a colon).
std::optional<HttpHead> parse_http_head(std::string_view block, std::string* why);

// The body decoded: chunked transfer coding (Transfer-Encoding), then the
// content codings (Content-Encoding: gzip, x-gzip, deflate, br, identity; in
// reverse order of application). nullopt with `*why` when broken or when it
// would exceed max_bytes.
std::optional<std::string> decode_body(const HttpHead& head, std::string_view body, std::size_t max_bytes,
                                       std::string* why);

// The chunked transfer coding undone; nullopt when malformed or too large.
std::optional<std::string> dechunk(std::string_view body, std::size_t max_bytes, std::string* why);

// "text/html; charset=ISO-8859-1" -> "text/html" (lower case) and "ISO-8859-1".
// A header field's name or value without the spaces, tabs and CR around it (HTTP's
// optional white space; WARC headers follow the same rule).
std::string_view trim_field(std::string_view s);
std::string media_type_of(std::string_view content_type);
std::string charset_of(std::string_view content_type);

}  // namespace galley::warc
