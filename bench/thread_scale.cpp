// galley-thread-scale: the same conversions on 1 thread and on T threads in one process,
// with the process's CPU time (getrusage: user + system) and the wall time of each, to
// tell contention inside galley (CPU time per conversion grows with threads) from a
// machine that has no free core (wall time does not drop, CPU time per conversion stays).
//   galley-thread-scale [-t THREADS] [-r ROUNDS] [-n REPEAT] FROM TO FILE...
// Each round runs the whole work (every FILE REPEAT times) once on 1 thread and once on
// THREADS threads (interleaved: a busy moment hits both), each thread taking every
// THREADS-th conversion. Prints one line per round and the medians. Per run also: the
// seconds the threads were runnable but waited for a core ("queued": other processes;
// /proc/thread-self/schedstat) and neither ran nor waited for a core ("blocked": a lock
// held by the other thread, I/O), summed over the threads, and the context switches.
// CPU time per conversion only shows contention when the threads really ran at the same
// time: on a machine whose other core is busy, 2 threads take turns (queued ~ wall).
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "galley/builtin.hpp"
#include "galley/error.hpp"
#include "galley/io.hpp"

namespace {

double wall_now() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

double cpu_now() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

struct Run {
  double cpu, wall;
  long waits;     // voluntary context switches: blocking (a lock held by the other thread, I/O)
  long switches;  // involuntary context switches: preempted, the machine's load
  double queued;  // summed over the threads: runnable, waiting for a CPU (other processes)
  double blocked;  // summed over the threads: neither running nor runnable (locks, I/O)
};

std::pair<long, long> switches_now() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return {u.ru_nvcsw, u.ru_nivcsw};
}

// This thread's time on a CPU and time runnable but waiting for one (the run queue:
// other processes), from /proc/thread-self/schedstat, in seconds; {0, 0} without it.
std::pair<double, double> sched_now() {
  std::FILE* f = std::fopen("/proc/thread-self/schedstat", "r");
  unsigned long long on = 0, waiting = 0;
  if (f) {
    if (std::fscanf(f, "%llu %llu", &on, &waiting) != 2) on = waiting = 0;
    std::fclose(f);
  }
  return {double(on) * 1e-9, double(waiting) * 1e-9};
}

std::size_t sink;  // keeps the outputs' sizes observable

Run run(const std::vector<std::string>& inputs, long repeat, const galley::ConvertOptions& options, int threads) {
  const long total = long(inputs.size()) * repeat;
  std::atomic<std::size_t> bytes{0};
  std::atomic<long> next{0};
  const auto nt = static_cast<std::size_t>(threads);
  std::vector<double> queued(nt), blocked(nt);
  auto work = [&](int k) {
    const auto s0 = sched_now();
    const double w0 = wall_now();
    std::size_t b = 0;
    // The next conversion is taken from a shared counter, as a worker pool does: a fixed
    // split (every other input) leaves one thread idle at the end when the large pages
    // fall to the other.
    for (long i = next++; i < total; i = next++) {
      galley::Diagnostics diag;
      try {
        b += galley::convert(inputs[std::size_t(i) % inputs.size()], options, diag).size();
      } catch (const galley::Error&) {
        b += 1;
      }
    }
    bytes += b;
    const auto s1 = sched_now();
    queued[std::size_t(k)] = s1.second - s0.second;
    blocked[std::size_t(k)] = (wall_now() - w0) - (s1.first - s0.first) - (s1.second - s0.second);
  };
  const auto s0 = switches_now();
  const double c0 = cpu_now(), w0 = wall_now();
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::thread> ts;
    for (int k = 0; k < threads; ++k) ts.emplace_back(work, k);
    for (auto& t : ts) t.join();
  }
  const double c1 = cpu_now(), w1 = wall_now();
  const auto s1 = switches_now();
  Run r{c1 - c0, w1 - w0, s1.first - s0.first, s1.second - s0.second, 0, 0};
  for (int k = 0; k < threads; ++k) r.queued += queued[std::size_t(k)], r.blocked += blocked[std::size_t(k)];
  sink += bytes;
  return r;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  int threads = 2, rounds = 5;
  long repeat = 1;
  int i = 1;
  for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
    if (!std::strcmp(argv[i], "-t")) threads = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "-r")) rounds = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "-n")) repeat = std::atol(argv[i + 1]);
    else break;
  }
  if (argc - i < 3 || threads < 1 || rounds < 1 || repeat < 1) {
    std::fprintf(stderr, "usage: galley-thread-scale [-t THREADS] [-r ROUNDS] [-n REPEAT] FROM TO FILE...\n");
    return 2;
  }
  galley::ConvertOptions options;
  options.from = argv[i];
  options.to = argv[i + 1];
  std::vector<std::string> inputs;
  for (int k = i + 2; k < argc; ++k) inputs.push_back(galley::read_file(argv[k]));
  const double n = double(inputs.size()) * double(repeat);
  run(inputs, 1, options, threads);  // warm: registry, libxml2, ICU, the allocator's arenas
  std::vector<double> cpu1, cpuT, wall1, wallT;
  std::printf("%zu inputs x %ld = %.0f conversions %s -> %s, %d rounds\n", inputs.size(), repeat, n, argv[i],
              argv[i + 1], rounds);
  std::printf("round  1 thread: cpu/conv  wall      | %d threads: cpu/conv  wall      | cpu ratio  speed-up | queued 1 / T  blocked 1 / T (s, all threads) | vol. / invol. switches 1 ; T\n", threads);
  for (int r = 0; r < rounds; ++r) {
    Run a = run(inputs, repeat, options, 1);
    Run b = run(inputs, repeat, options, threads);
    cpu1.push_back(a.cpu / n);
    cpuT.push_back(b.cpu / n);
    wall1.push_back(a.wall);
    wallT.push_back(b.wall);
    std::printf("%5d  %9.1f us  %7.3f s | %9.1f us  %7.3f s | %9.3f  %8.2f | %6.3f / %6.3f  %6.3f / %6.3f | %ld / %ld ; %ld / %ld\n",
                r + 1, a.cpu / n * 1e6, a.wall, b.cpu / n * 1e6, b.wall, b.cpu / a.cpu, a.wall / b.wall, a.queued,
                b.queued, a.blocked, b.blocked, a.waits, a.switches, b.waits, b.switches);
    std::fflush(stdout);
  }
  std::printf("median %9.1f us  %7.3f s | %9.1f us  %7.3f s | %9.3f  %8.2f\n", median(cpu1) * 1e6, median(wall1),
              median(cpuT) * 1e6, median(wallT), median(cpuT) / median(cpu1), median(wall1) / median(wallT));
  return sink == 0;
}
