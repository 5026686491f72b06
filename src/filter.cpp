// Running a JSON filter as a child process, feeding stdin and draining stdout
// concurrently (poll) so that large documents cannot deadlock on full pipes.
#include "galley/filter.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "galley/error.hpp"
#include "galley/json.hpp"

namespace galley {

Document run_filter(const std::string& program, const std::string& target_format, const Document& doc, int api_minor) {
  std::string input = write_pandoc_json(doc, api_minor);
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe2(in_pipe, O_CLOEXEC) != 0 || pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0)
    throw FilterError("galley.filter.failed", "cannot create pipes for filter " + program);
  pid_t pid = fork();
  if (pid < 0) throw FilterError("galley.filter.failed", "cannot start filter " + program + ": " + std::strerror(errno));
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    signal(SIGPIPE, SIG_DFL);
    const char* argv[] = {program.c_str(), target_format.c_str(), nullptr};
    execvp(program.c_str(), const_cast<char* const*>(argv));
    dprintf(2, "%s", std::strerror(errno));
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  std::string output, errors;
  std::size_t written = 0;
  int in_fd = in_pipe[1];
  fcntl(in_fd, F_SETFL, O_NONBLOCK);
  auto old_pipe = signal(SIGPIPE, SIG_IGN);
  bool out_open = true, err_open = true;
  char buf[65536];
  while (out_open || err_open || in_fd >= 0) {
    pollfd fds[3];
    int n = 0;
    if (in_fd >= 0) fds[n++] = {in_fd, POLLOUT, 0};
    if (out_open) fds[n++] = {out_pipe[0], POLLIN, 0};
    if (err_open) fds[n++] = {err_pipe[0], POLLIN, 0};
    if (poll(fds, static_cast<nfds_t>(n), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int k = 0; k < n; ++k) {
      if (!fds[k].revents) continue;
      if (fds[k].fd == in_fd) {
        ssize_t w = write(in_fd, input.data() + written, input.size() - written);
        if (w > 0) written += static_cast<std::size_t>(w);
        if (w < 0 && errno != EAGAIN && errno != EINTR) written = input.size();  // filter closed stdin
        if (written >= input.size()) { close(in_fd); in_fd = -1; }
      } else {
        ssize_t r = read(fds[k].fd, buf, sizeof buf);
        if (r > 0) (fds[k].fd == out_pipe[0] ? output : errors).append(buf, static_cast<std::size_t>(r));
        else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
          if (fds[k].fd == out_pipe[0]) out_open = false;
          else err_open = false;
        }
      }
    }
  }
  signal(SIGPIPE, old_pipe);
  if (in_fd >= 0) close(in_fd);
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && output.empty())
    throw FilterError("galley.filter.failed", "could not run filter " + program + ": " + errors);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string why = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                        : "signal " + std::to_string(WTERMSIG(status));
    throw FilterError("galley.filter.failed", "filter " + program + " failed (" + why + ")" + (errors.empty() ? "" : ": " + errors));
  }
  try {
    return read_pandoc_json(output);
  } catch (const Error& e) {
    throw FilterError("galley.filter.output", "filter " + program + " returned an invalid document: " + e.what());
  }
}

}  // namespace galley
