// galley-warc-scan FILE [RUNS]: reads a WARC (or .warc.gz) the way the warc
// reader indexes it -- every record's fields, each response's HTTP head, the
// SHA-1 payload digest checked -- streamed from the file (pread, 64 KiB at a
// time), and prints the best throughput and the peak resident memory.
// bench/warc_bench.sh makes a 1 GB archive of HTML pages and runs it.
#include <sys/resource.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "galley/diagnostics.hpp"
#include "galley/error.hpp"
#include "warc/archive.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: galley-warc-scan FILE [RUNS]\n");
    return 2;
  }
  std::string path = argv[1];
  int runs = argc > 2 ? std::atoi(argv[2]) : 1;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) { std::perror(argv[1]); return 2; }
  double best = 1e100;
  std::size_t records = 0, pages = 0, warnings = 0, mismatches = 0;
  try {
    for (int r = 0; r < runs; ++r) {
      auto t0 = std::chrono::steady_clock::now();
      std::vector<std::unique_ptr<galley::warc::ByteSource>> src;
      src.push_back(std::make_unique<galley::warc::FileSource>(path));
      galley::Diagnostics diag;
      galley::warc::Archive a(std::move(src), {path}, diag);
      pages = a.pages().size();
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      best = std::min(best, s);
      records = a.entries().size();
      warnings = diag.warning_count();
      mismatches = diag.count("warc-digest");
    }
  } catch (const galley::Error& e) {
    std::fprintf(stderr, "galley-warc-scan: %s\n", e.what());
    return 1;
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  double mb = static_cast<double>(st.st_size) / 1e6;
  std::printf("%s: %.1f MB, %zu records, %zu pages, %zu warnings (%zu digest mismatches): %.2f s, %.0f MB/s, peak RSS %ld MB\n",
              path.c_str(), mb, records, pages, warnings, mismatches, best, mb / best, ru.ru_maxrss / 1024);
  return 0;
}
