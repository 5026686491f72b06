// galley-library-convert: converts as an embedding program would. Reads lines of
//   READER-SPEC <TAB> WRITER-SPEC <TAB> INPUT-PATH <TAB> OUTPUT-PATH
// from standard input and writes each output; conformance.determinism compares
// them with what `galley` (single-file and batch) wrote for the same documents.
// Both ways an embedder converts are used: the first writer of each input goes
// through galley::convert, the library's whole pipeline in one call; the next
// lines for the same input and reader write the Document that read_document
// gave once (an embedder making several formats of one article), so the corpus
// is not read fifteen times over.
// Exit status 1 when a conversion the command line made fails here.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include "galley/builtin.hpp"
#include "galley/convert.hpp"
#include "galley/error.hpp"
#include "galley/io.hpp"

int main() {
  const galley::Registry reg = galley::builtin_registry();
  for (auto& r : reg.readers())
    if (r.init) r.init();
  std::string line;
  int failures = 0, done = 0;
  // The input whose Document is kept, as "reader-spec <TAB> path".
  std::string cached_key;
  std::optional<galley::Document> cached;
  while (std::getline(std::cin, line)) {
    std::istringstream fields(line);
    std::string from, to, input, output;
    if (!std::getline(fields, from, '\t') || !std::getline(fields, to, '\t') || !std::getline(fields, input, '\t') ||
        !std::getline(fields, output))
      continue;
    galley::ConvertOptions o;
    o.from = from;
    o.to = to;
    o.reader.input_name = input;
    galley::Diagnostics diag;
    try {
      const std::string key = from + '\t' + input;
      if (key != cached_key || !cached) {
        // A new input (or one whose Document could not be kept): the one-call pipeline.
        cached_key = key;
        cached.reset();
        const std::string bytes = galley::read_file(input);
        try {
          galley::Diagnostics again;  // convert reports the same warnings
          cached = galley::read_document(bytes, o, again, reg);
        } catch (const galley::Error&) {
          // convert below meets the same error and reports it
        }
        galley::write_file_atomic(output, galley::convert(bytes, o, diag, reg));
      } else {
        galley::write_file_atomic(output, galley::write_document(*cached, o, diag, reg));
      }
      ++done;
    } catch (const galley::Error& e) {
      std::cerr << input << " -> " << to << ": " << e.what() << "\n";
      ++failures;
    }
  }
  std::cerr << "galley-library-convert: " << done << " converted, " << failures << " failed\n";
  return failures ? 1 : 0;
}
