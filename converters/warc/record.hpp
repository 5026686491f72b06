// WARC records (ISO 28500, WARC/1.0 and WARC/1.1) read one after another from
// a Stream: the named fields, then the block, streamed in pieces (a record of
// 10 GB is skipped, never held), then the CRLF CRLF that ends it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "galley/diagnostics.hpp"
#include "warc/stream.hpp"

namespace galley::warc {

using Fields = std::vector<std::pair<std::string, std::string>>;

// A field's value by name, case-insensitively ("" when absent).
std::string field(const Fields& fields, std::string_view name);

struct RecordHead {
  Position at;            // where "WARC/1.x" starts: RecordReader(src, at) reads this record again
  std::uint64_t offset;   // its offset in the decoded stream, for messages
  std::string version;    // "1.0", "1.1"
  Fields fields;
  std::uint64_t length = 0;  // Content-Length of the block
  std::string get(std::string_view name) const { return field(fields, name); }
};

class RecordReader {
 public:
  explicit RecordReader(const ByteSource& src, Position from = {}) : stream_(src, from) {}

  // The next record's fields, or nullopt at the end of the file. The first
  // record must be a WARC record (InputError "galley.warc.not-warc"); a later
  // broken one is warned about ("warc-record") and reading resumes at the next
  // "WARC/1." line. Gzip errors throw (see Stream).
  std::optional<RecordHead> next(Diagnostics& diag);

  // The current record's block, given to f(std::string_view) in pieces until f
  // returns false or the block ends. Returns the bytes read; fewer than
  // RecordHead::length when the file ends inside the block (truncated).
  template <class F>
  std::uint64_t block(F&& f) {
    std::uint64_t done = 0;
    while (remaining_ > 0) {
      auto v = stream_.peek();
      if (v.empty()) { truncated_ = true; break; }
      std::size_t k = static_cast<std::size_t>(std::min<std::uint64_t>(v.size(), remaining_));
      bool more = f(v.substr(0, k));
      stream_.consume(k);
      remaining_ -= k;
      offset_ += k;
      done += k;
      if (!more) break;
    }
    return done;
  }
  // The block in one string when it has at most max_bytes (nullopt otherwise,
  // the block skipped); `*truncated` when the file ends inside it.
  std::optional<std::string> block_string(std::uint64_t max_bytes, bool* truncated = nullptr);
  std::uint64_t records() const { return records_; }

 private:
  bool read_line(std::string& line, std::size_t max);
  Stream stream_;
  std::uint64_t remaining_ = 0;
  std::uint64_t offset_ = 0;  // decoded offset of the next byte
  std::uint64_t records_ = 0;
  bool truncated_ = false;
  bool have_head_ = false;
  std::uint64_t head_offset_ = 0, head_length_ = 0;
};

}  // namespace galley::warc
