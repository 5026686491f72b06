// Which part of a batch's sorted inputs this run converts: --shard K/N, or
// --shard auto / auto/N, which read K (and N) from what a scheduler sets for
// each task of an array: Slurm job arrays and Kubernetes Indexed Jobs.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace galley::cli {

struct Shard {
  std::size_t k = 1, n = 1;  // shard k (1-based) of n: inputs i with i % n == k - 1
};

// Looks an environment variable up (std::getenv in galley; a table in tests).
using EnvLookup = std::function<std::optional<std::string>(const char*)>;
EnvLookup process_environment();

// "K/N"; "auto": Slurm's SLURM_ARRAY_TASK_ID counted from SLURM_ARRAY_TASK_MIN
// (0 when unset) in steps of SLURM_ARRAY_TASK_STEP (1 when unset), of
// SLURM_ARRAY_TASK_COUNT; "auto/N": Kubernetes' JOB_COMPLETION_INDEX (0-based)
// or Slurm's task, of N. Throws UsageError naming what is missing or wrong.
Shard parse_shard(const std::string& spec, const EnvLookup& env);

}  // namespace galley::cli
