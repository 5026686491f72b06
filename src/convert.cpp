// galley::convert: reader -> Document -> writer, with the extensions of the
// format specs merged into the options.
#include "galley/convert.hpp"

#include "galley/error.hpp"

namespace galley {

std::string convert(std::string_view input, const ConvertOptions& options, Diagnostics& diag, const Registry& registry) {
  auto from = parse_format_spec(options.from);
  auto to = parse_format_spec(options.to);
  const auto& re = registry.reader_for(from);
  const auto& we = registry.writer_for(to);
  ReaderOptions ropt = options.reader;
  for (auto& [k, v] : from.extensions.set) ropt.extensions.set[k] = v;
  WriterOptions wopt = options.writer;
  for (auto& [k, v] : to.extensions.set) wopt.extensions.set[k] = v;
  Document doc = re.make()->read(input, ropt, diag);
  return we.make()->write(doc, wopt, diag);
}

std::string convert(std::string_view input, const ConvertOptions& options, Diagnostics& diag) {
  static const Registry registry = builtin_registry();
  return convert(input, options, diag, registry);
}

}  // namespace galley
