// Name-keyed lists of readers and writers, pandoc style. Built-ins are added
// explicitly by galley::builtin_registry() (galley/builtin.hpp,
// converters/builtin.cpp); programs that embed galley add their own with
// add_reader/add_writer at run time.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "galley/diagnostics.hpp"
#include "galley/format.hpp"
#include "galley/options.hpp"

namespace galley {

struct ExtensionInfo {
  std::string name;
  bool default_on = false;
  std::string description;
};

// One article of an archive input (a web archive's pages): its URL (what
// ReaderOptions::article selects) and a file-name stem made from the URL,
// unique within the archive ("example.com/news/story"), for batch outputs.
struct ArchiveArticle {
  std::string url;
  std::string name;
};

struct ReaderEntry {
  std::string name;
  std::vector<std::string> aliases;
  std::string description;
  std::vector<ExtensionInfo> extensions;
  std::function<std::unique_ptr<Reader>()> make;
  std::vector<std::string> file_extensions{};  // ".html", ... used to guess -f from an input's name
  bool joins_inputs = true;  // several input files may be concatenated into one input (not for JSON)
  // Global set-up a reader's library needs before readers run on several threads
  // (libxml2 initialises its globals on first use); called once, on one thread.
  std::function<void()> init{};
  // Archive readers (warc): an input holding many articles lists them here, in
  // the archive's order; the reader then reads the one ReaderOptions::article names.
  std::function<std::vector<ArchiveArticle>(std::string_view input, const ReaderOptions&, Diagnostics&)>
      list_articles{};
  // The reader (and list_articles) can read a file itself: given
  // ReaderOptions::input_file and no bytes, it reads what it needs from the file.
  bool opens_input = false;
};

struct WriterEntry {
  std::string name;
  std::vector<std::string> aliases;
  std::string description;
  WriterKind kind = WriterKind::Text;
  std::vector<ExtensionInfo> extensions;
  std::vector<std::string> file_extensions;  // ".epub", ... used to guess -t from -o
  std::function<std::unique_ptr<Writer>()> make;
  // The suffix of this writer's files in batch mode and packages; empty: the
  // first of file_extensions, else "." + name.
  std::string output_suffix{};
  bool in_packages = false;  // one of the renditions `galley package` makes by default
  // Many documents in, one file out (feeds, newsMessage): the CLI reads each input
  // separately, each with its own reader, and calls Writer::write_many once.
  bool joins_documents = false;
  // The Internet media type of the output (`galley server`'s Content-Type); empty:
  // application/octet-stream for binary writers, text/plain for text ones.
  std::string media_type{};
};

// A format spec "name+ext1-ext2" split into its parts.
struct FormatSpec {
  std::string name;
  Extensions extensions;
};
// Throws UsageError "galley.format.syntax" on a malformed spec.
FormatSpec parse_format_spec(const std::string& spec);
// The spec written back: "html+extract", extensions in name order.
std::string to_string(const FormatSpec& spec);

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
  // Guess a reader from an input file name's extension; the default reader
  // when none fits (standard input, "-", has no extension).
  std::string reader_for_filename(const std::string& path) const;
  // The file suffix of a writer's output, with the dot (see WriterEntry::output_suffix).
  std::string output_suffix(const std::string& writer) const;
  // The formats used when none is named: the reader for inputs whose name tells
  // nothing, the writer when neither -t nor -o names one.
  void set_defaults(std::string reader, std::string writer);
  const std::string& default_reader() const { return default_reader_; }
  const std::string& default_writer() const { return default_writer_; }
  const std::vector<ReaderEntry>& readers() const { return readers_; }
  const std::vector<WriterEntry>& writers() const { return writers_; }

 private:
  std::vector<ReaderEntry> readers_;
  std::vector<WriterEntry> writers_;
  std::string default_reader_, default_writer_;
};

}  // namespace galley
