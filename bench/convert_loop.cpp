// galley-convert-loop: N conversions of one input through galley::convert (the C++ API),
// timed in-process: the C++ side of bench/python_bench.py, which makes the same calls
// through the Python module and compares.
//   galley-convert-loop N FROM TO FILE   ->   "cpu SECONDS wall SECONDS bytes N"
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "galley/builtin.hpp"
#include "galley/io.hpp"

static double seconds(clockid_t clock) {
  timespec t{};
  clock_gettime(clock, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: galley-convert-loop N FROM TO FILE\n");
    return 2;
  }
  const long n = std::atol(argv[1]);
  const std::string input = galley::read_file(argv[4]);
  galley::ConvertOptions options;
  options.from = argv[2];
  options.to = argv[3];
  std::size_t bytes = 0;
  galley::Diagnostics warm;
  bytes += galley::convert(input, options, warm).size();  // the registry and libxml2 set up before the clock
  const double cpu0 = seconds(CLOCK_PROCESS_CPUTIME_ID), wall0 = seconds(CLOCK_MONOTONIC);
  for (long i = 0; i < n; ++i) {
    galley::Diagnostics diag;  // per call, as the Python module collects each call's warnings
    bytes += galley::convert(input, options, diag).size();
  }
  std::printf("cpu %.6f wall %.6f bytes %zu\n", seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu0,
              seconds(CLOCK_MONOTONIC) - wall0, bytes);
  return 0;
}
