// Batch inputs that are one article of an archive input (a web archive's page):
// "PATH\x1fURL", the archive's path and the article's URL joined by the ASCII
// unit separator, which no file name of a batch holds. Everything that opens an
// input opens input_path(); convert_options sets ReaderOptions::article from
// input_article(). The reader's registry entry decides what is an archive
// (ReaderEntry::list_articles): the command line names no format.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "galley/registry.hpp"

namespace galley::cli {

inline constexpr char kArticleSeparator = '\x1f';

inline std::string input_path(const std::string& input) { return input.substr(0, input.find(kArticleSeparator)); }
inline std::string input_article(const std::string& input) {
  auto p = input.find(kArticleSeparator);
  return p == std::string::npos ? std::string() : input.substr(p + 1);
}
// How an input is shown in progress lines and reports: "x.warc http://host/a.html".
inline std::string input_display(const std::string& input) {
  std::string s = input;
  auto p = s.find(kArticleSeparator);
  if (p != std::string::npos) s[p] = ' ';
  return s;
}

struct ArticleSettings;

// Batch inputs and their output names with each archive input replaced by its
// articles ("NAME/<page name>"), in the archive's order. An archive that cannot
// be read stays one input (converting it reports why).
void expand_archive_inputs(const ArticleSettings& s, std::vector<std::string>& inputs, std::vector<std::string>& names);

// What batch mode's freshness digests for an input that its reader reads from the
// file (reads_input_file) in place of the bytes: a SHA-256 of the whole file, read
// in 16 MiB pieces once per run and file, and the article's URL. Throws InputError.
std::string archive_fingerprint(const std::string& input);

}  // namespace galley::cli
