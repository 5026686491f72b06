// Links galley_core and nothing else (no converter, no built-in list): the core
// stands on its own. A reader and a writer of this program's own go through the
// whole pipeline of galley::convert, metadata included.
#include <cstdio>
#include <string>

#include "galley/builder.hpp"
#include "galley/convert.hpp"
#include "galley/json.hpp"
#include "galley/registry.hpp"

namespace {

class LinesReader : public galley::Reader {
 public:
  galley::Document read(std::string_view input, const galley::ReaderOptions&, galley::Diagnostics&) const override {
    galley::Document doc;
    std::size_t start = 0;
    while (start < input.size()) {
      auto end = input.find('\n', start);
      if (end == std::string_view::npos) end = input.size();
      if (end > start) doc.blocks.push_back(galley::Para{{galley::Str{std::string(input.substr(start, end - start))}}});
      start = end + 1;
    }
    return doc;
  }
};

class JsonWriter : public galley::Writer {
 public:
  std::string write(const galley::Document& doc, const galley::WriterOptions& o, galley::Diagnostics&) const override {
    return galley::write_pandoc_json(doc, o.pandoc_api_minor);
  }
};

}  // namespace

int main() {
  galley::Registry reg;
  reg.add_reader({"lines", {}, "one paragraph a line", {}, [] { return std::make_unique<LinesReader>(); }, {".lines"}});
  reg.add_writer({"pjson", {}, "Pandoc JSON", galley::WriterKind::Text, {}, {".pjson"}, [] { return std::make_unique<JsonWriter>(); }});
  reg.set_defaults("lines", "pjson");
  galley::ConvertOptions opt;
  opt.from = "";  // guessed from the name
  opt.to = "pjson";
  opt.reader.input_name = "note.lines";
  opt.metadata.emplace_back("title", galley::MetaValue(galley::MetaString{"Core alone"}));
  galley::Diagnostics diag;
  std::string out = galley::convert("first\nsecond\n", opt, diag, reg);
  galley::Document back = galley::read_pandoc_json(out);
  bool ok = back.blocks.size() == 2 && back.meta.count("title") == 1;
  std::printf("%s\n%s\n", out.c_str(), ok ? "core alone: ok" : "core alone: WRONG");
  return ok ? 0 : 1;
}
