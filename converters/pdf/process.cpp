// fork + execve with everything the child needs prepared before the fork: after
// fork() only async-signal-safe calls run in the child (galley may have other
// threads converting, whose locks the child must not touch).
#include "pdf/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <linux/close_range.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <algorithm>
#include <cstring>

#include "galley/error.hpp"

namespace galley::pdf {

namespace {

long long monotonic_ms() {
  struct timespec ts {};
  clock_gettime(CLOCK_MONOTONIC, &ts);  // a deadline, never an output
  return static_cast<long long>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

std::vector<char*> c_strings(std::vector<std::string>& v) {
  std::vector<char*> out;
  for (auto& s : v) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Identity maps for a new user namespace, formatted before the fork.
struct IdMaps {
  char uid[64], gid[64];
};

void write_file(const char* path, const char* text) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return;
  (void)!write(fd, text, std::strlen(text));
  close(fd);
}

// Child side: report to the parent through `status` (close-on-exec, so EOF
// means execve succeeded) and never return.
[[noreturn]] void child(int status, int out, int devnull, pid_t parent, const IdMaps* maps, const char* cwd,
                        const char* program, char* const* argv, char* const* envp) {
  // Its own group: the time limit kills the engine and every helper it started.
  setpgid(0, 0);
  // Killed with galley (a batch interrupted, galley itself killed).
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(127);
  sigset_t all;
  sigemptyset(&all);
  sigprocmask(SIG_SETMASK, &all, nullptr);
  signal(SIGPIPE, SIG_DFL);
  // An empty network namespace (only a loopback that is down): as root
  // directly, otherwise inside a new user namespace where the kernel allows one.
  char isolated = 'n';
  if (unshare(CLONE_NEWNET) == 0) {
    isolated = 'y';
  } else if (unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0) {
    // Map the user to itself, so files keep their owner and the engine may
    // make namespaces of its own (Chromium's sandbox does).
    isolated = 'y';
    write_file("/proc/self/setgroups", "deny");
    write_file("/proc/self/uid_map", maps->uid);
    write_file("/proc/self/gid_map", maps->gid);
  }
  if (dup2(devnull, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0 || chdir(cwd) != 0) {
    int e = errno;
    char msg[1 + sizeof e] = {'E'};
    std::memcpy(msg + 1, &e, sizeof e);
    (void)!write(status, msg, sizeof msg);
    _exit(127);
  }
  // Descriptors other threads of galley opened without close-on-exec (their
  // outputs, being written) are not the engine's business.
#if defined(SYS_close_range)
  syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC);
#endif
  (void)!write(status, &isolated, 1);
  execve(program, argv, envp);
  int e = errno;
  char msg[1 + sizeof e] = {'E'};
  std::memcpy(msg + 1, &e, sizeof e);
  (void)!write(status, msg, sizeof msg);
  _exit(127);
}

struct Fd {
  int fd = -1;
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) close(fd);
    fd = -1;
  }
};

}  // namespace

RunResult run_isolated(const RunSpec& spec) {
  RunResult result;
  std::vector<std::string> argv = spec.argv, env = spec.env;
  std::vector<char*> c_argv = c_strings(argv), c_env = c_strings(env);
  int out_pipe[2], status_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) throw OutputError("galley.pdf.spawn", std::string("no pipe: ") + std::strerror(errno));
  Fd out_r{out_pipe[0]}, out_w{out_pipe[1]};
  if (pipe2(status_pipe, O_CLOEXEC) != 0) throw OutputError("galley.pdf.spawn", std::string("no pipe: ") + std::strerror(errno));
  Fd status_r{status_pipe[0]}, status_w{status_pipe[1]};
  Fd devnull{open("/dev/null", O_RDONLY | O_CLOEXEC)};
  if (devnull.fd < 0) throw OutputError("galley.pdf.spawn", std::string("cannot open /dev/null: ") + std::strerror(errno));

  IdMaps maps{};
  std::snprintf(maps.uid, sizeof maps.uid, "%u %u 1\n", static_cast<unsigned>(geteuid()), static_cast<unsigned>(geteuid()));
  std::snprintf(maps.gid, sizeof maps.gid, "%u %u 1\n", static_cast<unsigned>(getegid()), static_cast<unsigned>(getegid()));
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) throw OutputError("galley.pdf.spawn", std::string("cannot start a process: ") + std::strerror(errno));
  if (pid == 0)
    child(status_w.fd, out_w.fd, devnull.fd, parent, &maps, spec.cwd.c_str(), spec.program.c_str(), c_argv.data(), c_env.data());
  setpgid(pid, pid);  // also from this side: the group exists before any kill below
  out_w.reset();
  status_w.reset();
  devnull.reset();

  // What the child said before execve: 'y'/'n' (network namespace), then
  // 'E' + errno when execve failed. EOF comes at a successful execve.
  char buf[65536];
  std::string status;
  for (;;) {
    ssize_t n = read(status_r.fd, buf, sizeof buf);
    if (n > 0) status.append(buf, static_cast<std::size_t>(n));
    else if (n < 0 && errno == EINTR) continue;
    else break;
  }
  result.network_isolated = !status.empty() && status[0] == 'y';
  auto e = status.find('E');
  if (e != std::string::npos && status.size() >= e + 1 + sizeof(int)) {
    std::memcpy(&result.exec_errno, status.data() + e + 1, sizeof(int));
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {}
    return result;
  }
  result.started = true;

  long long deadline = monotonic_ms() + static_cast<long long>(spec.timeout_seconds) * 1000;
  auto keep = [&](const char* data, ssize_t n) {
    std::size_t room = spec.max_output_bytes > result.output.size() ? spec.max_output_bytes - result.output.size() : 0;
    result.output.append(data, std::min(room, static_cast<std::size_t>(n)));
  };
  int st = 0;
  for (;;) {
    if (waitpid(pid, &st, WNOHANG) == pid) {
      // Exited: what it wrote is in the pipe; helpers it left behind may hold
      // the pipe open, so read what is there without waiting for EOF.
      fcntl(out_r.fd, F_SETFL, O_NONBLOCK);
      ssize_t n;
      while ((n = read(out_r.fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0) keep(buf, n);
      break;
    }
    long long left = deadline - monotonic_ms();
    if (left <= 0) {
      kill(-pid, SIGKILL);
      while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {}
      result.timed_out = true;
      break;
    }
    struct pollfd p {out_r.fd, POLLIN, 0};
    int r = poll(&p, 1, static_cast<int>(left < 50 ? left : 50));
    if (r > 0) {
      ssize_t n = read(out_r.fd, buf, sizeof buf);
      if (n > 0) keep(buf, n);
      else if (n == 0) {  // every writer closed the pipe: only the exit is left to wait for
        struct timespec pause {0, 10 * 1000 * 1000};
        nanosleep(&pause, nullptr);
      }
    }
  }
  kill(-pid, SIGKILL);  // whatever of the group is left (ESRCH when nothing)
  if (!result.timed_out) {
    if (WIFEXITED(st)) {
      result.exited = true;
      result.exit_code = WEXITSTATUS(st);
    } else if (WIFSIGNALED(st)) {
      result.signal = WTERMSIG(st);
    }
  }
  return result;
}

}  // namespace galley::pdf
