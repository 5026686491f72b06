// The WARC record reader (record.hpp).
#include "warc/record.hpp"

#include <cctype>

#include "galley/error.hpp"
#include "galley/text.hpp"
#include "warc/http.hpp"

namespace galley::warc {

namespace {
constexpr std::size_t kMaxLine = 1 << 16;      // one field line
constexpr std::size_t kMaxFields = 1 << 10;    // fields in one record

}  // namespace

std::string field(const Fields& fields, std::string_view name) {
  for (auto& [k, v] : fields)
    if (ascii_iequals(k, name)) return v;
  return {};
}

bool RecordReader::read_line(std::string& line, std::size_t max) {
  line.clear();
  for (;;) {
    auto v = stream_.peek();
    if (v.empty()) return !line.empty();
    auto nl = v.find('\n');
    std::size_t take = nl == std::string_view::npos ? v.size() : nl + 1;
    if (line.size() + take > max) take = max - line.size();
    line.append(v.substr(0, take));
    stream_.consume(take);
    offset_ += take;
    if (nl != std::string_view::npos && take == nl + 1) {
      line.pop_back();
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
    if (line.size() >= max) return true;  // cut: the caller sees a line that is too long
  }
}

std::optional<RecordHead> RecordReader::next(Diagnostics& diag) {
  if (have_head_) {
    // the rest of the previous block, then its end: CRLF CRLF
    while (remaining_ > 0) {
      std::uint64_t k = stream_.skip(remaining_);
      offset_ += k;
      remaining_ -= k;
      if (k == 0) { truncated_ = true; break; }
    }
    have_head_ = false;
    if (truncated_) {
      diag.warn("warc-record", "warc: the file ends inside the record at offset " + std::to_string(head_offset_) +
                                   " (its Content-Length says " + std::to_string(head_length_) + " bytes)");
      return std::nullopt;
    }
  }
  std::string line;
  bool broken_end = false;
  // Blank lines between records: the CRLF CRLF of the previous one (more are tolerated).
  std::uint64_t start = offset_;
  Position at = stream_.tell();
  for (;;) {
    at = stream_.tell();
    start = offset_;
    if (!read_line(line, kMaxLine)) return std::nullopt;
    if (!line.empty()) break;
  }
  bool first = records_ == 0;
  while (line.rfind("WARC/1.", 0) != 0) {
    if (first) throw InputError("galley.warc.not-warc", "not a WARC file: it does not start with a WARC/1.0 or WARC/1.1 record");
    if (!broken_end)
      diag.warn("warc-record", "warc: no record starts at offset " + std::to_string(start) +
                                   " (a wrong Content-Length in the record before?); skipped to the next record");
    broken_end = true;
    at = stream_.tell();
    start = offset_;
    if (!read_line(line, kMaxLine)) return std::nullopt;
  }
  RecordHead h;
  h.at = at;
  h.offset = start;
  h.version = line.substr(5);
  if (h.version != "1.0" && h.version != "1.1")
    diag.warn("warc-record", "warc: record at offset " + std::to_string(start) + " has version " + h.version +
                                 " (read as WARC/1.1)");
  bool have_length = false;
  for (;;) {
    if (!read_line(line, kMaxLine)) {
      diag.warn("warc-record", "warc: the file ends inside the fields of the record at offset " + std::to_string(start));
      return std::nullopt;
    }
    if (line.empty()) break;
    if (line.size() >= kMaxLine || h.fields.size() >= kMaxFields) {
      diag.warn("warc-record", "warc: the record at offset " + std::to_string(start) + " has fields over " +
                                   std::to_string(kMaxLine) + " bytes; skipped");
      return next(diag);  // the next "WARC/1." line starts the next record
    }
    if ((line[0] == ' ' || line[0] == '\t') && !h.fields.empty()) {  // a folded line continues the value
      h.fields.back().second += " " + std::string(trim_field(line));
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string::npos || colon == 0) {
      diag.warn("warc-record", "warc: field line without a name in the record at offset " + std::to_string(start) +
                                   ": ignored");
      continue;
    }
    h.fields.emplace_back(std::string(trim_field(std::string_view(line).substr(0, colon))),
                          std::string(trim_field(std::string_view(line).substr(colon + 1))));
  }
  std::string len = h.get("Content-Length");
  if (!len.empty() && len.size() <= 19 && len.find_first_not_of("0123456789") == std::string::npos) {
    h.length = std::stoull(len);
    have_length = true;
  }
  if (!have_length) {
    diag.warn("warc-record", "warc: the record at offset " + std::to_string(start) +
                                 " has no valid Content-Length (\"" + len.substr(0, 40) + "\"); skipped");
    return next(diag);
  }
  ++records_;
  remaining_ = h.length;
  truncated_ = false;
  have_head_ = true;
  head_offset_ = start;
  head_length_ = h.length;
  return h;
}

std::optional<std::string> RecordReader::block_string(std::uint64_t max_bytes, bool* truncated) {
  if (remaining_ > max_bytes) return std::nullopt;
  std::string out;
  out.reserve(static_cast<std::size_t>(remaining_));
  std::uint64_t want = remaining_;
  std::uint64_t got = block([&](std::string_view v) { out.append(v); return true; });
  if (truncated) *truncated = got < want;
  return out;
}

}  // namespace galley::warc
