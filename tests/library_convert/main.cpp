// galley-library-convert: converts through galley::convert, the library's whole
// pipeline, as an embedding program would. Reads lines of
//   READER-SPEC <TAB> WRITER-SPEC <TAB> INPUT-PATH <TAB> OUTPUT-PATH
// from standard input and writes each output; conformance.determinism compares
// them with what `galley` (single-file and batch) wrote for the same documents.
// Exit status 1 when a conversion the command line made fails here.
#include <cstdio>
#include <fstream>
#include <iostream>
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
      std::string bytes = galley::read_file(input);
      galley::write_file_atomic(output, galley::convert(bytes, o, diag, reg));
      ++done;
    } catch (const galley::Error& e) {
      std::cerr << input << " -> " << to << ": " << e.what() << "\n";
      ++failures;
    }
  }
  std::cerr << "galley-library-convert: " << done << " converted, " << failures << " failed\n";
  return failures ? 1 : 0;
}
