// Running a PDF engine: one child process (fork + execve, an argv array, never
// a shell) in its own process group and, where the kernel allows, its own empty
// network namespace; killed with its whole group at a time limit or when galley
// dies. Nothing format-specific here.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace galley::pdf {

struct RunSpec {
  std::string program;            // absolute path (found by the caller)
  std::vector<std::string> argv;  // argv[0] included
  std::vector<std::string> env;   // the whole environment, "KEY=value"
  std::string cwd;                // the child's working folder
  int timeout_seconds = 120;
  std::size_t max_output_bytes = std::size_t(1) << 20;  // stdout + stderr kept; the rest is read and dropped
};

struct RunResult {
  bool started = false;       // false: execve failed (exec_errno says why)
  int exec_errno = 0;
  bool exited = false;        // exited normally with exit_code
  int exit_code = -1;
  int signal = 0;             // killed by this signal
  bool timed_out = false;     // killed by us at the time limit
  bool network_isolated = false;  // ran in a network namespace of its own
  std::string output;         // stdout and stderr, interleaved as written
};

// Throws OutputError "galley.pdf.spawn" when no process can be started at all
// (no pipes, fork failed); an engine that cannot be executed is a RunResult.
RunResult run_isolated(const RunSpec& spec);

}  // namespace galley::pdf
