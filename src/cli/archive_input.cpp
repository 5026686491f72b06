// Archive inputs expanded into their articles for batch mode (archive_input.hpp).
#include "cli/archive_input.hpp"

#include "cli/article.hpp"
#include "galley/error.hpp"
#include "galley/io.hpp"

namespace galley::cli {

void expand_archive_inputs(const ArticleSettings& s, std::vector<std::string>& inputs, std::vector<std::string>& names) {
  std::vector<std::string> in_out, names_out;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    FormatSpec from = reader_spec_for(s, inputs[i], false);
    const ReaderEntry* entry = s.registry->find_reader(from.name);
    std::vector<ArchiveArticle> articles;
    if (entry && entry->list_articles) {
      try {
        std::size_t max = s.args->max_input_size ? *s.args->max_input_size : Limits{}.max_input_bytes;
        std::string bytes = read_file(inputs[i], max);
        Diagnostics quiet;  // each article's conversion reports the archive's warnings
        ConvertOptions o = convert_options(s, inputs[i], from, {});
        articles = entry->list_articles(bytes, o.reader, quiet);
      } catch (const Error&) {
        articles.clear();  // converting the archive as one input says why
      }
    }
    if (articles.empty()) {
      in_out.push_back(inputs[i]);
      names_out.push_back(names[i]);
      continue;
    }
    for (auto& a : articles) {
      in_out.push_back(inputs[i] + kArticleSeparator + a.url);
      names_out.push_back(names[i] + "/" + a.name);
    }
  }
  inputs = std::move(in_out);
  names = std::move(names_out);
}

}  // namespace galley::cli
