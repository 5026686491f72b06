// Times one conversion phase by phase through the library API, so the reader's own
// throughput can be told apart from the writer's and from process start-up and output:
//   galley-phases FROM TO FILE [RUNS]
// prints read / write / total CPU-independent wall times (best of RUNS) and MB/s of input.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "galley/io.hpp"
#include "galley/registry.hpp"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: galley-phases FROM TO FILE [RUNS]\n");
    return 2;
  }
  using clock = std::chrono::steady_clock;
  const galley::Registry reg = galley::builtin_registry();
  const auto* reader = reg.find_reader(argv[1]);
  const auto* writer = reg.find_writer(argv[2]);
  if (!reader || !writer) {
    std::fprintf(stderr, "galley-phases: unknown format\n");
    return 2;
  }
  std::string input = galley::read_file(argv[3]);
  int runs = argc > 4 ? std::atoi(argv[4]) : 3;
  double best_read = 1e9, best_write = 1e9;
  std::size_t out_size = 0;
  for (int i = 0; i < runs; ++i) {
    galley::ReaderOptions ro;
    galley::WriterOptions wo;
    galley::Diagnostics diag;
    auto t0 = clock::now();
    galley::Document doc = reader->make()->read(input, ro, diag);
    auto t1 = clock::now();
    std::string out = writer->make()->write(doc, wo, diag);
    auto t2 = clock::now();
    out_size = out.size();
    best_read = std::min(best_read, std::chrono::duration<double>(t1 - t0).count());
    best_write = std::min(best_write, std::chrono::duration<double>(t2 - t1).count());
  }
  double mb = static_cast<double>(input.size()) / 1e6;
  std::printf("%s->%s %.1f MB: read %.3f s (%.1f MB/s), write %.3f s (%.1f MB/s, %.1f MB out)\n", argv[1], argv[2], mb,
              best_read, mb / best_read, best_write, mb / best_write, static_cast<double>(out_size) / 1e6);
  return 0;
}
