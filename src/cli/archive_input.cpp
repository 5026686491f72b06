// Archive inputs expanded into their articles for batch mode (archive_input.hpp).
#include "cli/archive_input.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>

#include "cli/article.hpp"
#include "galley/error.hpp"
#include "galley/io.hpp"
#include "package/bagit.hpp"

namespace galley::cli {

void expand_archive_inputs(const ArticleSettings& s, std::vector<std::string>& inputs, std::vector<std::string>& names) {
  std::vector<std::string> in_out, names_out;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    FormatSpec from = reader_spec_for(s, inputs[i], false);
    const ReaderEntry* entry = s.registry->find_reader(from.name);
    std::vector<ArchiveArticle> articles;
    if (entry && entry->list_articles) {
      try {
        Diagnostics quiet;  // each article's conversion reports the archive's warnings
        ConvertOptions o = convert_options(s, inputs[i], from, {});
        std::string bytes;
        if (reads_input_file(s, inputs[i], from)) {
          o.reader.input_file = inputs[i];  // indexed once: its articles share the index (s.indexes)
        } else {
          std::size_t max = s.args->max_input_size ? *s.args->max_input_size : Limits{}.max_input_bytes;
          bytes = read_file(inputs[i], max);
        }
        articles = entry->list_articles(bytes, o.reader, quiet);
      } catch (const Error&) {
        articles.clear();  // converting the archive as one input says why
      }
    }
    if (articles.empty()) {
      in_out.push_back(inputs[i]);
      names_out.push_back(names[i]);
      continue;
    }
    for (auto& a : articles) {
      in_out.push_back(inputs[i] + kArticleSeparator + a.url);
      names_out.push_back(names[i] + "/" + a.name);
    }
  }
  inputs = std::move(in_out);
  names = std::move(names_out);
}

namespace {
// A digest of the file's pieces' digests: the content decides, memory stays at one piece.
std::string file_digest_streamed(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError("galley.io.read", "cannot read " + path + ": " + std::strerror(errno));
  std::string piece(std::size_t(16) << 20, '\0'), chain;
  for (;;) {
    ssize_t k = ::read(fd, piece.data(), piece.size());
    if (k < 0 && errno == EINTR) continue;
    if (k < 0) {
      int err = errno;
      ::close(fd);
      throw InputError("galley.io.read", "cannot read " + path + ": " + std::strerror(err));
    }
    if (k == 0) break;
    chain = bagit::sha256_hex(chain + bagit::sha256_hex(std::string_view(piece.data(), static_cast<std::size_t>(k))));
  }
  ::close(fd);
  return chain;
}
}  // namespace

std::string archive_fingerprint(const std::string& input) {
  static std::mutex mutex;
  static std::map<std::string, std::string> done;  // path and identity -> digest
  std::string path = input_path(input);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw InputError("galley.io.read", "cannot read " + path + ": " + std::strerror(errno));
  std::string key = path + '\x1f' + std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":" +
                    std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
  std::string digest;
  {
    std::lock_guard<std::mutex> lock(mutex);  // held while hashing: the other pages of the archive wait, not hash again
    auto it = done.find(key);
    if (it == done.end()) it = done.emplace(key, file_digest_streamed(path)).first;
    digest = it->second;
  }
  return "archive-sha256-chain:" + digest + '\x1f' + input_article(input);
}

}  // namespace galley::cli
