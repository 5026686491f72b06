// The format registry: name-keyed lists with aliases, and pandoc's
// "name+ext-ext" format syntax.
#include "galley/registry.hpp"

#include <algorithm>

#include "galley/error.hpp"

namespace galley {

FormatSpec parse_format_spec(const std::string& spec) {
  FormatSpec out;
  std::size_t i = spec.find_first_of("+-");
  out.name = spec.substr(0, i);
  if (out.name.empty()) throw UsageError("galley.format.syntax", "empty format name in '" + spec + "'");
  while (i != std::string::npos && i < spec.size()) {
    bool on = spec[i] == '+';
    std::size_t j = spec.find_first_of("+-", i + 1);
    std::string ext = spec.substr(i + 1, j == std::string::npos ? std::string::npos : j - i - 1);
    if (ext.empty()) throw UsageError("galley.format.syntax", "empty extension name in '" + spec + "'");
    out.extensions.set[ext] = on;
    i = j;
  }
  return out;
}

std::string to_string(const FormatSpec& spec) {
  std::string s = spec.name;
  for (auto& [ext, on] : spec.extensions.set) s += (on ? "+" : "-") + ext;
  return s;
}

namespace {
// The extension of a file name, lower-cased, with the dot; "" when it has none.
std::string file_extension(const std::string& path) {
  auto dot = path.rfind('.');
  auto slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  std::string ext = path.substr(dot);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

template <class E>
void add_entry(std::vector<E>& list, E entry) {
  auto it = std::find_if(list.begin(), list.end(), [&](const E& e) { return e.name == entry.name; });
  if (it != list.end()) *it = std::move(entry);
  else list.push_back(std::move(entry));
}
template <class E>
const E* find_entry(const std::vector<E>& list, const std::string& name) {
  for (auto& e : list)
    if (e.name == name) return &e;
  for (auto& e : list)
    for (auto& a : e.aliases)
      if (a == name) return &e;
  return nullptr;
}
template <class E>
void check_extensions(const E& e, const FormatSpec& spec) {
  for (auto& kv : spec.extensions.set) {
    const std::string& ext = kv.first;  // not a structured binding: clang < 16 cannot capture those
    bool known = std::any_of(e.extensions.begin(), e.extensions.end(), [&](const ExtensionInfo& x) { return x.name == ext; });
    if (!known)
      throw UsageError("galley.format.extension",
                       "the extension '" + ext + "' is not supported for " + e.name + " (see --list-extensions=" + e.name + ")");
  }
}
}  // namespace

void Registry::add_reader(ReaderEntry entry) { add_entry(readers_, std::move(entry)); }
void Registry::add_writer(WriterEntry entry) { add_entry(writers_, std::move(entry)); }
const ReaderEntry* Registry::find_reader(const std::string& name) const { return find_entry(readers_, name); }
const WriterEntry* Registry::find_writer(const std::string& name) const { return find_entry(writers_, name); }

const ReaderEntry& Registry::reader_for(const FormatSpec& spec) const {
  auto e = find_reader(spec.name);
  if (!e) throw UsageError("galley.format.unknown", "unknown input format '" + spec.name + "' (see --list-input-formats)");
  check_extensions(*e, spec);
  return *e;
}

const WriterEntry& Registry::writer_for(const FormatSpec& spec) const {
  auto e = find_writer(spec.name);
  if (!e) throw UsageError("galley.format.unknown", "unknown output format '" + spec.name + "' (see --list-output-formats)");
  check_extensions(*e, spec);
  return *e;
}

std::string Registry::writer_for_filename(const std::string& path) const {
  std::string ext = file_extension(path);
  if (ext.empty()) return {};
  for (auto& w : writers_)
    for (auto& fe : w.file_extensions)
      if (fe == ext) return w.name;
  return {};
}

std::string Registry::reader_for_filename(const std::string& path) const {
  std::string ext = file_extension(path);
  if (ext.empty()) return default_reader_;
  // The longest extension the name ends with wins: ".warc.gz" before ".gz".
  std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const ReaderEntry* best = nullptr;
  std::size_t best_len = 0;
  for (auto& r : readers_)
    for (auto& fe : r.file_extensions)
      if (fe.size() > best_len && fe.size() <= name.size() && name.ends_with(fe)) { best = &r; best_len = fe.size(); }
  if (best) return best->name;
  return default_reader_;
}

std::string Registry::output_suffix(const std::string& writer) const {
  const WriterEntry* w = find_writer(writer);
  if (!w) return "." + writer;
  if (!w->output_suffix.empty()) return w->output_suffix;
  if (!w->file_extensions.empty()) return w->file_extensions.front();
  return "." + w->name;
}

void Registry::set_defaults(std::string reader, std::string writer) {
  default_reader_ = std::move(reader);
  default_writer_ = std::move(writer);
}

}  // namespace galley
