// The plain-text news article reader (`-f plain`, alias `text`).
#include "galley/error.hpp"
#include "galley/text.hpp"
#include "plain/plain.hpp"
#include "plain/reader_detail.hpp"

namespace galley::plain {

void detail::Rewrites::report(Diagnostics& diag) const {
  for (auto& [kind, n] : counts) diag.info("rewrite-" + kind, std::to_string(n) + " " + kind + " rewrite(s)");
}

namespace {

struct PlainReader : Reader {
  Document read(std::string_view input, const ReaderOptions& options, Diagnostics& diag) const override {
    if (input.size() > options.limits.max_input_bytes)
      throw InputError("galley.plain.too-large", "input is larger than " + std::to_string(options.limits.max_input_bytes) + " bytes");
    std::string text = decode_text(input, options.encoding, diag);
    detail::Rewrites rw;
    detail::ArticleOptions ao;
    ao.article = options.extensions.enabled("article", true);
    ao.typo.smart = options.extensions.enabled("smart", true);
    ao.typo.spacing = options.extensions.enabled("punctuation_spacing", true);
    if (auto it = options.variables.find("lang"); it != options.variables.end()) ao.lang = it->second;
    auto units = detail::layout(text, true, rw);
    if (units.empty()) diag.warn("empty-input", (options.input_name.empty() ? std::string("input") : options.input_name) + ": no text");
    Document doc = detail::build_document(std::move(units), ao, rw);
    rw.report(diag);
    return doc;
  }
};

}  // namespace

std::unique_ptr<Reader> make_reader() { return std::make_unique<PlainReader>(); }

std::vector<ExtensionInfo> reader_extensions() {
  return {
      {"article", true,
       "detect article structure: kicker, headline, time stamps, bylines, lede with credit/dateline, captions, end marks"},
      {"smart", true, "straight quotes become Quoted inlines, apostrophes inside words become \xE2\x80\x99"},
      {"punctuation_spacing", true, "restore a missing space after . , ; : ! ? (\"giới.Từ\" -> \"giới. Từ\")"},
  };
}

}  // namespace galley::plain
