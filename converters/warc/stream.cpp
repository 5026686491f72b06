// Plain and gzip WARC streams (stream.hpp).
#include "warc/stream.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "galley/error.hpp"

namespace galley::warc {

namespace {
constexpr std::size_t kBuffer = 1 << 16;
// A gzip member that decodes to more than this many times its compressed size
// (once past 16 MiB) is a bomb: deflate reaches about 1000:1 only on runs of
// one byte, and real web records stay far below 50:1.
constexpr std::uint64_t kMaxRatio = 200;
constexpr std::uint64_t kRatioFloor = std::uint64_t(16) << 20;
}  // namespace

std::size_t MemorySource::read_at(std::uint64_t off, char* buf, std::size_t n) const {
  if (off >= bytes_.size()) return 0;
  std::size_t k = std::min<std::uint64_t>(n, bytes_.size() - off);
  std::memcpy(buf, bytes_.data() + off, k);
  return k;
}

FileSource::FileSource(const std::string& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw InputError("galley.io.read", "cannot read " + path + ": " + std::strerror(errno));
  struct stat st {};
  bool stat_failed = ::fstat(fd_, &st) != 0;
  if (stat_failed || !S_ISREG(st.st_mode)) {
    int err = stat_failed ? errno : 0;
    ::close(fd_);
    fd_ = -1;
    throw InputError("galley.io.read", "cannot read " + path + ": " + (err ? std::strerror(err) : "not a regular file"));
  }
  size_ = static_cast<std::uint64_t>(st.st_size);
#ifdef POSIX_FADV_SEQUENTIAL
  ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
}

FileSource::~FileSource() {
  if (fd_ >= 0) ::close(fd_);
}

std::size_t FileSource::read_at(std::uint64_t off, char* buf, std::size_t n) const {
  for (;;) {
    ssize_t k = ::pread(fd_, buf, n, static_cast<off_t>(off));
    if (k >= 0) return static_cast<std::size_t>(k);
    if (errno != EINTR) throw InputError("galley.io.read", "cannot read " + path_ + ": " + std::strerror(errno));
  }
}

std::size_t WindowSource::read_at(std::uint64_t off, char* buf, std::size_t n) const {
  if (off >= length_) return 0;
  return base_->read_at(offset_ + off, buf, static_cast<std::size_t>(std::min<std::uint64_t>(n, length_ - off)));
}

Stream::Stream(const ByteSource& src, Position from) : src_(src) {
  out_.resize(kBuffer);
  char magic[2] = {0, 0};
  std::size_t got = src_.read_at(from.member, magic, 2);
  gzip_ = got == 2 && static_cast<unsigned char>(magic[0]) == 0x1f && static_cast<unsigned char>(magic[1]) == 0x8b;
  member_ = from.member;
  if (gzip_) {
    in_.resize(kBuffer);
    in_off_ = from.member;
    if (inflateInit2(&z_, 15 + 16) != Z_OK) throw InputError("galley.warc.gzip", "cannot start a gzip decoder");
    z_init_ = true;
  }  // plain: member_ is the file offset of out_[0]
  if (from.skip) skip(from.skip);
}

Stream::~Stream() {
  if (z_init_) inflateEnd(&z_);
}

std::string_view Stream::peek() {
  if (pos_ == len_ && !fill()) return {};
  return std::string_view(out_.data() + pos_, len_ - pos_);
}

void Stream::consume(std::size_t n) { pos_ += std::min(n, len_ - pos_); }

std::uint64_t Stream::skip(std::uint64_t n) {
  std::uint64_t done = 0;
  while (done < n) {
    auto v = peek();
    if (v.empty()) break;
    std::size_t k = static_cast<std::size_t>(std::min<std::uint64_t>(v.size(), n - done));
    consume(k);
    done += k;
  }
  return done;
}

bool Stream::fill() {
  if (ended_) return false;
  if (gzip_) return fill_gzip();
  member_ += len_;
  pos_ = 0;
  len_ = src_.read_at(member_, out_.data(), out_.size());
  if (len_ == 0) ended_ = true;
  return len_ > 0;
}

bool Stream::fill_gzip() {
  member_decoded_ += len_;
  pos_ = len_ = 0;
  for (;;) {
    if (in_pos_ == in_len_) {  // refill the compressed input
      in_off_ += in_len_;
      in_pos_ = 0;
      in_len_ = src_.read_at(in_off_, in_.data(), in_.size());
      if (in_len_ == 0) {
        ended_ = true;
        if (in_member_)
          throw InputError("galley.warc.gzip", "truncated gzip member (started at byte " + std::to_string(member_) +
                                                   "): the file ends inside it");
        return false;
      }
    }
    if (!in_member_) {  // a new member starts here
      if (in_len_ - in_pos_ < 2 && in_pos_ > 0) {  // keep both magic bytes in the buffer
        std::memmove(in_.data(), in_.data() + in_pos_, in_len_ - in_pos_);
        in_off_ += in_pos_;
        in_len_ -= in_pos_;
        in_pos_ = 0;
        in_len_ += src_.read_at(in_off_ + in_len_, in_.data() + in_len_, in_.size() - in_len_);
      }
      const unsigned char* p = reinterpret_cast<const unsigned char*>(in_.data() + in_pos_);
      if (in_len_ - in_pos_ < 2 || p[0] != 0x1f || p[1] != 0x8b) {
        ended_ = true;
        throw InputError("galley.warc.gzip", "bytes at offset " + std::to_string(compressed_offset()) +
                                                 " are no gzip member (garbage after the last record?)");
      }
      member_ = compressed_offset();
      member_decoded_ = 0;
      member_in_ = 0;
      inflateReset(&z_);
      in_member_ = true;
    }
    z_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
    z_.avail_in = static_cast<uInt>(in_len_ - in_pos_);
    z_.next_out = reinterpret_cast<Bytef*>(out_.data());
    z_.avail_out = static_cast<uInt>(out_.size());
    int rc = inflate(&z_, Z_NO_FLUSH);
    std::size_t used = (in_len_ - in_pos_) - z_.avail_in;
    in_pos_ += used;
    member_in_ += used;
    len_ = out_.size() - z_.avail_out;
    if (rc == Z_STREAM_END) in_member_ = false;
    else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      ended_ = true;
      throw InputError("galley.warc.gzip", "corrupt gzip member (started at byte " + std::to_string(member_) +
                                               "): " + (z_.msg ? z_.msg : "inflate error " + std::to_string(rc)));
    }
    std::uint64_t decoded = member_decoded_ + len_;
    if (decoded > kRatioFloor && decoded > kMaxRatio * (member_in_ + 1)) {
      ended_ = true;
      throw InputError("galley.warc.gzip-bomb", "gzip member at byte " + std::to_string(member_) + " decodes to over " +
                                                    std::to_string(kMaxRatio) + " times its size: a gzip bomb, not read");
    }
    if (len_ > 0) return true;
  }
}

}  // namespace galley::warc
