// Reproducible zip archives with libzip: fixed times, given order, no extras.
#include "galley/detail/zip.hpp"

#include <zip.h>

#include <algorithm>

#include "galley/error.hpp"
#include "galley/time.hpp"

namespace galley::detail {

namespace {
// MS-DOS date and time fields of a zip entry for `t`, in UTC. libzip's
// zip_file_set_mtime converts with localtime(), so the same book made under
// TZ=Asia/Tokyo and TZ=UTC differed; the fields are computed here instead.
// DOS times cover 1980-01-01 .. 2107-12-31 and count seconds in twos.
struct DosTime {
  zip_uint16_t time, date;
};
DosTime dos_time_utc(long long t) {
  constexpr long long kLast = 4354819198;  // 2107-12-31T23:59:58Z
  CivilTime c = civil_from_epoch(std::clamp(t, kFixedEpoch, kLast));
  DosTime d;
  d.date = static_cast<zip_uint16_t>(((c.year - 1980) << 9) | (c.month << 5) | c.day);
  d.time = static_cast<zip_uint16_t>((c.hour << 11) | (c.minute << 5) | (c.second / 2));
  return d;
}

[[noreturn]] void fail(const std::string& what, zip_error_t* err) {
  std::string msg = what + (err ? std::string(": ") + zip_error_strerror(err) : std::string());
  throw OutputError("galley.zip", msg);
}
}  // namespace

std::string make_zip(const std::vector<ZipEntry>& entries, long long mtime) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!src) fail("cannot create zip buffer", &error);
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  if (!za) { zip_source_free(src); fail("cannot open zip buffer", &error); }
  zip_source_keep(src);  // we read the buffer after zip_close
  for (auto& e : entries) {
    zip_source_t* s = zip_source_buffer(za, e.data.data(), e.data.size(), 0);
    if (!s) { zip_discard(za); zip_source_free(src); fail("cannot add " + e.name, nullptr); }
    zip_int64_t idx = zip_file_add(za, e.name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (idx < 0) { zip_source_free(s); zip_discard(za); zip_source_free(src); fail("cannot add " + e.name, nullptr); }
    auto ui = static_cast<zip_uint64_t>(idx);
    // Level 4: the last of zlib's lazy-matching levels. On the EPUB of bench's big.jats
    // (2.6 MB of XHTML) it deflates in 57 ms against level 6's 106 ms for a book 5% larger
    // (671 KB against 637 KB; level 1: 33 ms, 21% larger); deflate was 28% of jats -> epub
    // (issue 22). Level 9 took longer than 6 for about 1% smaller books.
    zip_set_file_compression(za, ui, e.store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 4);
    DosTime dt = dos_time_utc(mtime);
    zip_file_set_dostime(za, ui, dt.time, dt.date, 0);
    // No extra fields (EPUB's mimetype must have none): libzip adds none for
    // buffers unless asked, and clear any it might have set.
    zip_file_extra_field_delete(za, ui, ZIP_EXTRA_FIELD_ALL, ZIP_FL_CENTRAL | ZIP_FL_LOCAL);
  }
  if (zip_close(za) != 0) {
    std::string msg = zip_strerror(za);
    zip_discard(za);
    zip_source_free(src);
    throw OutputError("galley.zip", "cannot write zip: " + msg);
  }
  std::string out;
  if (zip_source_open(src) == 0) {
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    if (size > 0) {
      out.resize(static_cast<std::size_t>(size));
      zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size));
    }
    zip_source_close(src);
  }
  zip_source_free(src);
  if (out.empty()) throw OutputError("galley.zip", "empty zip output");
  return out;
}

std::vector<ZipEntry> read_zip(const std::string& bytes) {
  std::vector<ZipEntry> out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) throw InputError("galley.zip", "cannot read zip");
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!za) { zip_source_free(src); throw InputError("galley.zip", std::string("cannot read zip: ") + zip_error_strerror(&error)); }
  zip_int64_t n = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
    ZipEntry e;
    e.name = st.name;
    e.store = st.comp_method == ZIP_CM_STORE;
    zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
    if (!f) continue;
    e.data.resize(static_cast<std::size_t>(st.size));
    if (st.size) zip_fread(f, e.data.data(), st.size);
    zip_fclose(f);
    out.push_back(std::move(e));
  }
  zip_close(za);
  return out;
}

}  // namespace galley::detail
