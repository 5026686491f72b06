// A conversion builds its whole document at once, so nearly all of its memory is
// touched for the first time during the run. With glibc's malloc on ordinary 4 KiB
// pages every first touch is a page fault, and on virtual machines a fault costs
// about 11 us: 3.2 MB of JSON took 6,686 faults, as much CPU as the conversion.
// Transparent huge pages (2 MiB) cut that to a few hundred, but this kernel gives
// them only to memory that asks (THP "madvise" mode), and glibc asks only when told
// by GLIBC_TUNABLES at start-up (galley used to re-execute itself to set it, which
// cost a second process start, ~15 ms).
//
// Instead, galley grows the heap once, up front, by an estimate of what the inputs
// will need, and advises huge pages on that range. Big buffers (output strings of
// 100 MB) must come from the same range, so separate mmap()ed chunks are turned
// off. The reservation is address space only: pages are still allocated on first
// touch. Afterwards the heap grows in ordinary steps, so a wrong estimate costs
// speed, never memory or correctness.
#include "cli/heap.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace galley::cli {

namespace {

constexpr std::size_t kMiB = std::size_t(1) << 20;
constexpr std::size_t kHugePage = 2 * kMiB;

// Sum of the sizes of the arguments that name regular files: the inputs (and
// perhaps an existing output, which only makes the estimate larger).
std::size_t input_bytes(int argc, char** argv) {
  std::size_t total = 0;
  for (int i = 1; i < argc; ++i) {
    struct stat st {};
    if (argv[i][0] != '-' && ::stat(argv[i], &st) == 0 && S_ISREG(st.st_mode)) total += static_cast<std::size_t>(st.st_size);
  }
  return total;
}

}  // namespace

void prepare_heap(int argc, char** argv) {
  if (std::getenv("GALLEY_PLAIN_HEAP")) return;  // for comparison runs
  // Measured peak memory is up to 24x the input (plain text -> JSON); the floor
  // covers standard input and small files.
  std::size_t want = 64 * kMiB + 32 * input_bytes(argc, argv);
  if (want > 1536 * kMiB) want = 1536 * kMiB;  // mallopt takes an int

  mallopt(M_MMAP_MAX, 0);                      // every block from the heap, big ones too
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(want + 64 * kMiB));  // keep the range while it is used
  mallopt(M_TOP_PAD, static_cast<int>(want));
  char* before = static_cast<char*>(sbrk(0));
  // The probe must be larger than what the top of the heap still holds after start-up
  // (static initialisers leave some 100-200 KiB there): a 64 KiB probe fitted, nothing
  // grew, and no huge pages were advised (22,000 faults for 3.6 MB of JATS to JSON).
  void* volatile probe = std::malloc(4 * kMiB);  // volatile: the compiler may not drop the pair
  std::free(probe);
  char* after = static_cast<char*>(sbrk(0));
  mallopt(M_TOP_PAD, static_cast<int>(16 * kMiB));  // later growth in modest steps

  auto start = (reinterpret_cast<std::uintptr_t>(before) + kHugePage - 1) & ~(kHugePage - 1);
  auto end = reinterpret_cast<std::uintptr_t>(after);
  if (before != reinterpret_cast<char*>(-1) && end > start + kHugePage)
    madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);  // a refusal only costs speed
}

}  // namespace galley::cli
