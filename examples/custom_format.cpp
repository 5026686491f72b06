// Embedding galley: register a reader and a writer of your own at run time
// and convert with them through the same registry as the built-ins.
//
// The reader takes "key: value" header lines, a blank line, then paragraphs;
// the writer prints a word count per block. Both are deliberately tiny.
#include <galley/galley.hpp>

#include <iostream>
#include <sstream>

namespace {

class HeaderedTextReader : public galley::Reader {
 public:
  galley::Document read(std::string_view input, const galley::ReaderOptions&, galley::Diagnostics& diag) const override {
    galley::Document doc;
    std::istringstream in{std::string(input)};
    std::string line, para;
    bool header = true;
    auto flush = [&] {
      if (!para.empty()) doc.blocks.push_back(galley::Para{galley::text(para)});
      para.clear();
    };
    while (std::getline(in, line)) {
      if (header) {
        if (line.empty()) { header = false; continue; }
        auto colon = line.find(':');
        if (colon == std::string::npos) { diag.warn("unmapped-metadata", "header line without a colon: " + line); continue; }
        doc.meta[line.substr(0, colon)] = galley::MetaInlines{galley::text(line.substr(colon + 1))};
        continue;
      }
      if (line.empty()) flush();
      else para += (para.empty() ? "" : " ") + line;
    }
    flush();
    return doc;
  }
};

class WordCountWriter : public galley::Writer {
 public:
  std::string write(const galley::Document& doc, const galley::WriterOptions&, galley::Diagnostics&) const override {
    std::ostringstream out;
    out << "title: " << galley::meta_text(doc.meta, "title").value_or("(none)") << "\n";
    std::size_t i = 0;
    for (auto& b : doc.blocks) {
      std::size_t words = 0;
      galley::query_inlines(galley::Blocks{b}, [&](const galley::Inline& x) { words += x.is<galley::Str>(); });
      out << "block " << ++i << ": " << words << " words\n";
    }
    return out.str();
  }
};

}  // namespace

int main() {
  galley::Registry registry = galley::builtin_registry();
  registry.add_reader({"headered", {"ht"}, "key: value headers, then paragraphs", {},
                       [] { return std::make_unique<HeaderedTextReader>(); }});
  registry.add_writer({"wordcount", {}, "words per block", galley::WriterKind::Text, {}, {".wc"},
                       [] { return std::make_unique<WordCountWriter>(); }});

  const char* input = "title: A small test\nauthor: Ada\n\nFirst paragraph has five words.\n\nSecond one, three.\n";
  galley::Diagnostics diag;
  galley::ConvertOptions options;
  options.from = "ht";  // the alias works like the built-ins' aliases
  options.to = "wordcount";
  std::string counted = galley::convert(input, options, diag, registry);
  std::cout << counted;

  // The custom reader feeds a built-in writer too.
  options.to = "json";
  std::string json = galley::convert(input, options, diag, registry);
  std::cout << json;

  const std::string expected = "title: A small test\nblock 1: 5 words\nblock 2: 3 words\n";
  bool ok = counted == expected && json.find("\"author\"") != std::string::npos &&
            registry.writer_for_filename("out.wc") == "wordcount";
  if (!ok) std::cerr << "unexpected output\n";
  return ok ? 0 : 1;
}
