// The HTML reader: parse (parse.cpp) -> metadata (metadata.cpp) ->
// [+extract: main content (extract.cpp)] -> AST (convert.cpp).
#include "galley/error.hpp"
#include "html/html.hpp"
#include "html/internal.hpp"

namespace galley::html {
namespace {

// The first <main> element that is not hidden (pandoc 3.4 reads only it).
xmlNode* find_main(xmlNode* body) {
  for (xmlNode* cur = body ? body->children : nullptr; cur; cur = next_in_tree(cur, body, !is_dropped_tag(name(cur))))
    if (is(cur, "main") && !attr(cur, "hidden")) return cur;
  return nullptr;
}

class HtmlReader : public Reader {
 public:
  Document read(std::string_view input, const ReaderOptions& options, Diagnostics& diag) const override {
    if (input.size() > options.limits.max_input_bytes)
      throw InputError("galley.html.too-large", "HTML input is larger than the limit (" +
                                                    std::to_string(options.limits.max_input_bytes) + " bytes)");
    Parsed parsed = parse_html(input, options, diag);
    xmlDoc* doc = parsed.doc.get();
    PageMeta pm = read_metadata(doc, options, diag);
    ConvertOptions co;
    co.base_url = pm.base_url;
    co.max_nesting = options.limits.max_nesting;
    Document out;
    if (options.extensions.enabled("extract", false)) {
      Extraction ex = extract_article(doc, pm, diag);
      add_body_byline(pm, ex.byline);
      if (ex.content) {
        out.blocks = convert_blocks(ex.content, co, diag);
        xmlFreeNode(ex.content);
      }
    } else {
      xmlNode* body = html_body(doc);
      if (!body) body = xmlDocGetRootElement(doc);
      if (body) {
        xmlNode* main = find_main(body);
        out.blocks = convert_blocks(main ? main : body, co, diag);
      }
    }
    out.meta = std::move(pm.meta);
    return out;
  }
};

}  // namespace

std::unique_ptr<Reader> make_reader() { return std::make_unique<HtmlReader>(); }

std::vector<ExtensionInfo> reader_extensions() {
  return {
      {"extract", false,
       "read only the article's main content: drop navigation, headers, footers, share bars, related links, "
       "comments, ads and cookie notices; remove the headline and byline already in the metadata"},
  };
}

}  // namespace galley::html
