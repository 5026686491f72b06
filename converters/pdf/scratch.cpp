#include "pdf/scratch.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "galley/error.hpp"

namespace galley::pdf {

Scratch::Scratch() {
  const char* tmp = std::getenv("TMPDIR");
  std::string base = tmp && *tmp == '/' ? tmp : "/tmp";
  std::string tmpl = base + "/galley-pdf-XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data()))  // mode 0700, a name nobody else holds
    throw OutputError("galley.pdf.temp", "cannot make a private folder in " + base + ": " + std::strerror(errno));
  dir_ = buf.data();
}

Scratch::~Scratch() {
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string Scratch::write(std::string_view name, std::string_view bytes) const {
  std::string p = path(name);
  std::ofstream f(p, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  f.close();
  if (!f) throw OutputError("galley.pdf.temp", "cannot write " + p);
  return p;
}

void Scratch::make_dir(std::string_view name) const {
  std::string p = path(name);
  if (mkdir(p.c_str(), 0700) != 0 && errno != EEXIST)
    throw OutputError("galley.pdf.temp", "cannot make " + p + ": " + std::strerror(errno));
}

}  // namespace galley::pdf
