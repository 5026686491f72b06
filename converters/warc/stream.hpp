// The bytes of a WARC file as a stream, never the whole file in memory: a
// ByteSource (a file read with pread, or bytes already in memory) decoded as
// plain WARC or as gzip members one after another (.warc.gz: one member per
// record, or one for the whole file). A position can be kept and re-opened
// later, so an index of records holds offsets, not payloads.
#pragma once
#include <zlib.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace galley::warc {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Up to n bytes at offset `off`; 0 at the end. Throws InputError on I/O errors.
  // Safe to call from several threads at once (pread; no shared position).
  virtual std::size_t read_at(std::uint64_t off, char* buf, std::size_t n) const = 0;
  virtual std::uint64_t size() const = 0;
};

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  std::size_t read_at(std::uint64_t off, char* buf, std::size_t n) const override;
  std::uint64_t size() const override { return bytes_.size(); }

 private:
  std::string_view bytes_;
};

class FileSource : public ByteSource {
 public:
  explicit FileSource(const std::string& path);  // throws InputError "galley.io.read"
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;
  std::size_t read_at(std::uint64_t off, char* buf, std::size_t n) const override;
  std::uint64_t size() const override { return size_; }

 private:
  int fd_ = -1;
  std::uint64_t size_ = 0;
  std::string path_;
};

// `length` bytes of another source from `offset` (a WARC stored in a WACZ).
class WindowSource : public ByteSource {
 public:
  WindowSource(std::shared_ptr<const ByteSource> base, std::uint64_t offset, std::uint64_t length)
      : base_(std::move(base)), offset_(offset), length_(length) {}
  std::size_t read_at(std::uint64_t off, char* buf, std::size_t n) const override;
  std::uint64_t size() const override { return length_; }

 private:
  std::shared_ptr<const ByteSource> base_;
  std::uint64_t offset_, length_;
};

// Where a decoded byte can be found again: the compressed offset of its gzip
// member (the file offset for plain WARC) and the decoded bytes before it in
// that member.
struct Position {
  std::uint64_t member = 0;
  std::uint64_t skip = 0;
};

// Decoded bytes from a position. Errors (a truncated or corrupt gzip member, a
// gzip bomb) throw InputError "galley.warc.gzip" / "galley.warc.gzip-bomb".
class Stream {
 public:
  Stream(const ByteSource& src, Position from = {});
  ~Stream();
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;

  // The decoded bytes buffered now (refilled when empty); empty at the end.
  std::string_view peek();
  void consume(std::size_t n);
  // Skip n decoded bytes; returns how many there were (fewer at the end).
  std::uint64_t skip(std::uint64_t n);
  Position tell() const { return gzip_ ? Position{member_, member_decoded_ + pos_} : Position{member_ + pos_, 0}; }
  bool gzip() const { return gzip_; }
  std::uint64_t compressed_offset() const { return in_off_ + in_pos_; }

 private:
  bool fill();
  bool fill_gzip();

  const ByteSource& src_;
  bool gzip_ = false;
  bool ended_ = false;
  // plain: member_ = file offset of out_[0]; gzip: the member being decoded
  std::uint64_t member_ = 0, member_decoded_ = 0, member_in_ = 0;
  std::string out_;
  std::size_t pos_ = 0, len_ = 0;
  // gzip input buffer: in_[in_pos_ .. in_len_) holds file bytes from in_off_ + in_pos_
  std::string in_;
  std::uint64_t in_off_ = 0;
  std::size_t in_pos_ = 0, in_len_ = 0;
  z_stream z_{};
  bool z_init_ = false, in_member_ = false;
};

}  // namespace galley::warc
