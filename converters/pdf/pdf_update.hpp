// Incremental updates of a PDF the engine wrote (ISO 32000-1 7.5.6): new
// versions of some objects appended after the engine's bytes, with their own
// cross-reference section and a trailer pointing back (/Prev). The engine's
// bytes are never changed. Only classic cross-reference tables are read
// (WeasyPrint 57 and Chromium write those); anything else is left alone.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace galley::pdf {

struct Trailer {
  long long size = 0;      // /Size: one more than the highest object number
  long long startxref = 0; // the last cross-reference section's offset
  std::string root, info;  // "3 0 R"
  std::string id;          // "/ID [...]" as written, or ""
};
std::optional<Trailer> read_trailer(const std::string& pdf);

// An object's text between "N 0 obj" and "endobj" (the newest version when the
// file has several); nullopt when absent.
std::optional<std::string> object_text(const std::string& pdf, long long number);

// The position just after the dictionary that starts at `at` ("<<"), nested
// dictionaries, strings and hex strings skipped; npos when it does not close.
std::size_t dictionary_end(std::string_view text, std::size_t at);

// The indirect reference ("12 0 R") after `key` in `dict`, or "".
std::string reference_after(std::string_view dict, std::string_view key);

// Appends `objects` (number -> text between "obj" and "endobj") and a trailer
// with `info` ("" keeps the old one).
void append_update(std::string& pdf, const Trailer& t, const std::map<long long, std::string>& objects,
                   const std::string& info = {});

// A PDF text string: UTF-16BE with a byte-order mark, written in hex.
std::string pdf_text(std::string_view utf8);
// "(D:YYYYMMDDHHmmSSZ)"
std::string pdf_date(long long epoch);

}  // namespace galley::pdf
