// Times one conversion phase by phase through the library API, so the reader's own
// throughput can be told apart from the writer's and from process start-up and output:
//   galley-phases FROM TO FILE [RUNS]
// prints the reader's and the writer's CPU time (user + system of this process, best of
// RUNS) and MB/s of input. CPU time, as bench.py measures, so that other work on the
// machine does not count.
#include <ctime>
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <string>

#include "galley/io.hpp"
#include "galley/builtin.hpp"
#include "galley/registry.hpp"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: galley-phases FROM TO FILE [RUNS]\n");
    return 2;
  }
  auto cpu_now = [] {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
  };
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
    double t0 = cpu_now();
    galley::Document doc = reader->make()->read(input, ro, diag);
    double t1 = cpu_now();
    std::string out = writer->make()->write(doc, wo, diag);
    double t2 = cpu_now();
    out_size = out.size();
    best_read = std::min(best_read, t1 - t0);
    best_write = std::min(best_write, t2 - t1);
  }
  double mb = static_cast<double>(input.size()) / 1e6;
  std::printf("%s->%s %.1f MB: read %.3f s (%.1f MB/s), write %.3f s (%.1f MB/s, %.1f MB out)\n", argv[1], argv[2], mb,
              best_read, mb / best_read, best_write, mb / best_write, static_cast<double>(out_size) / 1e6);
  return 0;
}
