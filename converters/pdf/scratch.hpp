// A private folder (mode 0700, a fresh name) for one engine run: the print
// HTML, the attachments, the engine's profile and its PDF. Removed with
// everything in it when the run ends, however it ends.
#pragma once
#include <string>
#include <string_view>

namespace galley::pdf {

class Scratch {
 public:
  Scratch();  // throws OutputError "galley.pdf.temp"
  ~Scratch();
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  const std::string& dir() const { return dir_; }
  std::string path(std::string_view name) const { return dir_ + "/" + std::string(name); }
  // Writes dir/name (throws OutputError "galley.pdf.temp"); returns its path.
  std::string write(std::string_view name, std::string_view bytes) const;
  void make_dir(std::string_view name) const;

 private:
  std::string dir_;
};

}  // namespace galley::pdf
