// A main() for the fuzz targets without libFuzzer: runs LLVMFuzzerTestOneInput once
// on each file named on the command line. The normal build links every fuzz_*.cpp
// with it (replay_<target>), so CI replays each past finding in
// tests/fuzz/regressions/ with gcc and under ASan+UBSan, without a clang fuzz build.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) { std::fprintf(stderr, "replay: cannot read %s\n", argv[i]); return 2; }
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("replayed %d input(s)\n", argc - 1);
  return 0;
}
