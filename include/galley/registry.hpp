// Name-keyed lists of readers and writers, pandoc style. Built-ins are added
// explicitly by galley::builtin_registry() (converters/builtin.cpp); programs
// that embed galley add their own with add_reader/add_writer at run time.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "galley/format.hpp"
#include "galley/options.hpp"

namespace galley {

struct ExtensionInfo {
  std::string name;
  bool default_on = false;
  std::string description;
};

struct ReaderEntry {
  std::string name;
  std::vector<std::string> aliases;
  std::string description;
  std::vector<ExtensionInfo> extensions;
  std::function<std::unique_ptr<Reader>()> make;
};

struct WriterEntry {
  std::string name;
  std::vector<std::string> aliases;
  std::string description;
  WriterKind kind = WriterKind::Text;
  std::vector<ExtensionInfo> extensions;
  std::vector<std::string> file_extensions;  // ".epub", ... used to guess -t from -o
  std::function<std::unique_ptr<Writer>()> make;
};

// A format spec "name+ext1-ext2" split into its parts.
struct FormatSpec {
  std::string name;
  Extensions extensions;
};
// Throws UsageError "galley.format.syntax" on a malformed spec.
FormatSpec parse_format_spec(const std::string& spec);

class Registry {
 public:
  void add_reader(ReaderEntry entry);  // replaces an entry with the same name
  void add_writer(WriterEntry entry);
  // Resolve a name or alias; nullptr when unknown.
  const ReaderEntry* find_reader(const std::string& name) const;
  const WriterEntry* find_writer(const std::string& name) const;
  // Throwing variants that also check the extensions against the entry
  // (UsageError "galley.format.unknown" / "galley.format.extension").
  const ReaderEntry& reader_for(const FormatSpec& spec) const;
  const WriterEntry& writer_for(const FormatSpec& spec) const;
  // Guess a writer from an output file name's extension ("" when none fits).
  std::string writer_for_filename(const std::string& path) const;
  const std::vector<ReaderEntry>& readers() const { return readers_; }
  const std::vector<WriterEntry>& writers() const { return writers_; }

 private:
  std::vector<ReaderEntry> readers_;
  std::vector<WriterEntry> writers_;
};

// A registry holding every built-in reader and writer (a fresh copy per call).
Registry builtin_registry();

}  // namespace galley
