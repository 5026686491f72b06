// The one-call API: convert a plain-text article to JATS in memory and
// collect the warnings instead of printing them.
#include <galley/galley.hpp>

#include <iostream>

int main() {
  const char* article =
      "Business\n"
      "Small bakeries turn to subscriptions\n"
      "March 15, 2021, 7:30 AM\n"
      "LEEDS, England (Reuters) - Independent bakeries are selling bread by subscription.\n"
      "\"We used to throw away a tenth of what we baked,\" one owner said.\n"
      "By Priya Raman\n";
  galley::Diagnostics diag;
  galley::ConvertOptions options;
  options.from = "plain";
  options.to = "json";
  try {
    std::string json = galley::convert(article, options, diag);
    galley::Document doc = galley::read_pandoc_json(json);
    std::cout << "title: " << galley::meta_text(doc.meta, "title").value_or("?") << "\n";
    std::cout << "blocks: " << doc.blocks.size() << ", warnings: " << diag.warning_count() << "\n";
    return galley::meta_text(doc.meta, "title") ? 0 : 1;
  } catch (const galley::Error& e) {
    std::cerr << e.id() << ": " << e.what() << "\n";
    return 1;
  }
}
