// The `json` format: Pandoc's JSON, through the core (galley/json.hpp).
#include "json/json.hpp"

#include "galley/json.hpp"

namespace galley::json {

namespace {
struct JsonReader : Reader {
  Document read(std::string_view input, const ReaderOptions& options, Diagnostics&) const override {
    if (input.size() >= 3 && input.substr(0, 3) == "\xEF\xBB\xBF") input.remove_prefix(3);
    return read_pandoc_json(input, options.limits);
  }
};
struct JsonWriter : Writer {
  std::string write(const Document& doc, const WriterOptions& options, Diagnostics&) const override {
    return write_pandoc_json(doc, options.pandoc_api_minor);
  }
};
}  // namespace

std::unique_ptr<Reader> make_reader() { return std::make_unique<JsonReader>(); }
std::unique_ptr<Writer> make_writer() { return std::make_unique<JsonWriter>(); }

}  // namespace galley::json
