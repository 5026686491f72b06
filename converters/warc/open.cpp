// Opening an archive, from bytes or from its file, shared by articles (open.hpp).
#include "warc/open.hpp"

#include <sys/stat.h>

#include "galley/error.hpp"
#include "galley/io.hpp"
#include "warc/wacz.hpp"

namespace galley::warc {

namespace {

std::string base_name(const std::string& path) {
  if (path.empty() || path == "-") return "-";
  auto s = path.rfind('/');
  return s == std::string::npos ? path : path.substr(s + 1);
}

// A compressed WACZ: the zip read whole (within the input limit), its WARCs in memory.
void open_zip_in_memory(OpenedArchive& out, std::string_view bytes, const std::string& shown,
                        std::vector<std::unique_ptr<ByteSource>>& sources, std::vector<std::string>& names) {
  try {
    out.zip = std::make_shared<std::vector<detail::ZipEntry>>(detail::read_zip(std::string(bytes)));
  } catch (const Error& e) {
    throw InputError("galley.warc.wacz", "cannot read the WACZ (zip) " + shown + ": " + e.what());
  }
  for (auto& z : *out.zip) {
    bool warc = z.name.ends_with(".warc") || z.name.ends_with(".warc.gz");
    if (!warc || z.name.rfind("archive/", 0) != 0) continue;
    sources.push_back(std::make_unique<MemorySource>(z.data));
    names.push_back(shown + "#" + z.name);
  }
}

std::shared_ptr<OpenedArchive> open_now(std::string_view input, const ReaderOptions& o) {
  auto out = std::make_shared<OpenedArchive>();
  std::shared_ptr<const ByteSource> whole;
  if (!o.input_file.empty()) whole = std::make_shared<FileSource>(o.input_file);
  else whole = std::make_shared<MemorySource>(input);
  const std::string shown = base_name(o.input_name.empty() ? o.input_file : o.input_name);
  std::vector<std::unique_ptr<ByteSource>> sources;
  std::vector<std::string> names;
  if (looks_like_zip(*whole)) {
    std::uint64_t declared = 0;
    auto members = wacz_members(*whole, &declared);
    bool all_stored = true;
    for (auto& m : members) all_stored &= m.stored;
    if (all_stored) {
      for (auto& m : members) {
        sources.push_back(std::make_unique<WindowSource>(whole, m.offset, m.size));
        names.push_back(shown + "#" + m.name);
      }
    } else if (declared > o.limits.max_input_bytes) {  // read whole, the zip would allocate what it declares
      throw InputError("galley.warc.wacz", "the WACZ " + shown + " holds compressed WARCs declaring " +
                                               std::to_string(declared) + " bytes, over the input limit (--max-input-size)");
    } else if (!o.input_file.empty()) {
      out->held = read_file(o.input_file, o.limits.max_input_bytes);
      open_zip_in_memory(*out, out->held, shown, sources, names);
    } else {
      open_zip_in_memory(*out, input, shown, sources, names);
    }
    if (sources.empty()) throw InputError("galley.warc.wacz", "the WACZ holds no archive/*.warc(.gz) file");
  } else {
    sources.push_back(std::make_unique<WindowSource>(whole, 0, whole->size()));
    names.push_back(shown);
  }
  Diagnostics d;
  out->archive = std::make_unique<Archive>(std::move(sources), std::move(names), d);
  out->warnings = d.all();
  return out;
}

// The file's path and identity: a file changed or replaced is indexed again.
std::string file_key(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  return "warc:" + path + "\x1f" + std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" +
         std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

}  // namespace

std::shared_ptr<const OpenedArchive> open_archive(std::string_view input, const ReaderOptions& o, Diagnostics& diag) {
  std::shared_ptr<const OpenedArchive> a;
  std::string key = o.input_file.empty() || !o.indexes ? std::string() : file_key(o.input_file);
  if (!key.empty()) {
    auto idx = o.indexes->get(key, [&] { return std::shared_ptr<const InputIndex>(open_now(input, o)); });
    a = std::dynamic_pointer_cast<const OpenedArchive>(idx);
    if (!a) throw InputError("galley.warc.index", "the shared index of " + o.input_file + " is no archive index");
  } else {
    a = open_now(input, o);
  }
  for (auto& w : a->warnings) diag.emit(w);
  return a;
}

}  // namespace galley::warc
