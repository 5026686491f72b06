// galley-convert-loop: conversions of one input through galley::convert (the C++ API),
// timed in-process: the C++ side of bench/python_bench.py, which makes the same calls
// through the Python module and compares.
//   galley-convert-loop N FROM TO FILE       ->   "cpu SECONDS wall SECONDS bytes N"
//   galley-convert-loop --serve FROM TO FILE     reads a count K a line on standard input,
//     makes K conversions and answers "cpu SECONDS wall SECONDS bytes N" for them (the
//     thread's CPU time): python_bench.py interleaves short rounds of both sides with one
//     process started once.
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "galley/builtin.hpp"
#include "galley/io.hpp"

static double seconds(clockid_t clock) {
  timespec t{};
  clock_gettime(clock, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

static std::size_t loop(long n, const std::string& input, const galley::ConvertOptions& options) {
  std::size_t bytes = 0;
  for (long i = 0; i < n; ++i) {
    galley::Diagnostics diag;  // per call, as the Python module collects each call's warnings
    bytes += galley::convert(input, options, diag).size();
  }
  return bytes;
}

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: galley-convert-loop N|--serve FROM TO FILE\n");
    return 2;
  }
  const bool serve = !std::strcmp(argv[1], "--serve");
  const std::string input = galley::read_file(argv[4]);
  galley::ConvertOptions options;
  options.from = argv[2];
  options.to = argv[3];
  std::size_t bytes = loop(1, input, options);  // the registry and libxml2 set up before the clock
  if (serve) {
    char line[64];
    while (std::fgets(line, sizeof line, stdin)) {
      const long k = std::atol(line);
      const double cpu0 = seconds(CLOCK_THREAD_CPUTIME_ID), wall0 = seconds(CLOCK_MONOTONIC);
      bytes = loop(k, input, options);
      std::printf("cpu %.6f wall %.6f bytes %zu\n", seconds(CLOCK_THREAD_CPUTIME_ID) - cpu0,
                  seconds(CLOCK_MONOTONIC) - wall0, bytes);
      std::fflush(stdout);
    }
    return 0;
  }
  const long n = std::atol(argv[1]);
  const double cpu0 = seconds(CLOCK_PROCESS_CPUTIME_ID), wall0 = seconds(CLOCK_MONOTONIC);
  bytes += loop(n, input, options);
  std::printf("cpu %.6f wall %.6f bytes %zu\n", seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu0,
              seconds(CLOCK_MONOTONIC) - wall0, bytes);
  return 0;
}
