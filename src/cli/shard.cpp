// See shard.hpp. The schedulers number tasks from 0 (Kubernetes, and Slurm
// arrays written 0-N); Slurm arrays may start elsewhere (--array=1-8) or step
// (--array=0-15:4), so the task's place is (ID - MIN) / STEP. An array given as a
// list (--array=1,5,9) has no such place: that is refused, never guessed.
#include "cli/shard.hpp"

#include <cstdlib>

#include "galley/error.hpp"

namespace galley::cli {

namespace {

constexpr const char* kId = "galley.cli.shard";

[[noreturn]] void fail(const std::string& msg) { throw UsageError(kId, "--shard " + msg); }

// Digits only: "+1", " 1", "1x" and "" are not numbers here.
std::optional<std::size_t> number(const std::string& s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  std::size_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  return v;
}

std::size_t env_number(const char* name, const std::string& value) {
  auto v = number(value);
  if (!v) fail("auto: " + std::string(name) + " is '" + value + "', not a number");
  return *v;
}

// The 0-based place of this Slurm array task and the array's size (if Slurm says).
std::pair<std::size_t, std::optional<std::size_t>> slurm_task(const EnvLookup& env, const std::string& id_text) {
  std::size_t id = env_number("SLURM_ARRAY_TASK_ID", id_text);
  std::size_t min = 0, step = 1;
  if (auto m = env("SLURM_ARRAY_TASK_MIN")) min = env_number("SLURM_ARRAY_TASK_MIN", *m);
  if (auto s = env("SLURM_ARRAY_TASK_STEP")) step = env_number("SLURM_ARRAY_TASK_STEP", *s);
  if (step == 0) fail("auto: SLURM_ARRAY_TASK_STEP is 0");
  if (id < min || (id - min) % step != 0)
    fail("auto: SLURM_ARRAY_TASK_ID=" + std::to_string(id) + " is not SLURM_ARRAY_TASK_MIN=" + std::to_string(min) +
         " plus a multiple of SLURM_ARRAY_TASK_STEP=" + std::to_string(step) +
         " (an array given as a list has no shard numbers: use --shard K/N)");
  std::optional<std::size_t> count;
  if (auto c = env("SLURM_ARRAY_TASK_COUNT")) count = env_number("SLURM_ARRAY_TASK_COUNT", *c);
  return {(id - min) / step, count};
}

Shard checked(std::size_t index0, std::size_t n, const std::string& from) {
  if (n < 1) fail("auto: the number of shards is 0 (" + from + ")");
  if (index0 >= n)
    fail("auto: " + from + " makes this shard " + std::to_string(index0 + 1) + " of " + std::to_string(n) +
         ", past the last one");
  return Shard{index0 + 1, n};
}

Shard parse_auto(const std::string& spec, const EnvLookup& env) {
  std::optional<std::size_t> given_n;
  if (spec != "auto") {
    given_n = number(spec.substr(5));
    if (!given_n || *given_n < 1) fail("auto/N needs a number N >= 1, not '" + spec + "'");
  }
  auto slurm = env("SLURM_ARRAY_TASK_ID");
  auto k8s = env("JOB_COMPLETION_INDEX");
  if (slurm && k8s)
    fail("auto: both SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX are set; say which with --shard K/N");
  if (k8s) {
    std::size_t index = env_number("JOB_COMPLETION_INDEX", *k8s);
    if (!given_n)
      fail("auto: JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) is set, but not the number of shards: "
           "use --shard auto/N with N = the Job's completions");
    return checked(index, *given_n, "JOB_COMPLETION_INDEX=" + *k8s);
  }
  if (slurm) {
    auto [index, count] = slurm_task(env, *slurm);
    if (given_n && count && *count != *given_n)
      fail("auto/" + std::to_string(*given_n) + ": SLURM_ARRAY_TASK_COUNT says " + std::to_string(*count) + " tasks");
    if (!given_n && !count)
      fail("auto: SLURM_ARRAY_TASK_ID is set but not SLURM_ARRAY_TASK_COUNT; use --shard auto/N");
    return checked(index, given_n ? *given_n : *count, "SLURM_ARRAY_TASK_ID=" + *slurm);
  }
  fail("auto: no scheduler's task number in the environment (Slurm job arrays set SLURM_ARRAY_TASK_ID and "
       "SLURM_ARRAY_TASK_COUNT, Kubernetes Indexed Jobs JOB_COMPLETION_INDEX); use --shard K/N");
}

}  // namespace

EnvLookup process_environment() {
  return [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    if (!v) return std::nullopt;
    return std::string(v);
  };
}

Shard parse_shard(const std::string& s, const EnvLookup& env) {
  if (s == "auto" || s.rfind("auto/", 0) == 0) return parse_auto(s, env);
  auto bad = [&] { throw UsageError("galley.cli.usage", "--shard must be K/N with 1 <= K <= N, not '" + s + "' (or auto, auto/N: see galley --help)"); };
  auto slash = s.find('/');
  if (slash == std::string::npos) bad();
  auto k = number(s.substr(0, slash)), n = number(s.substr(slash + 1));
  if (!k || !n || *n < 1 || *k < 1 || *k > *n) bad();
  return Shard{*k, *n};
}

}  // namespace galley::cli
