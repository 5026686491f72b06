// `galley server`'s own options (listening, limits); the conversion options come
// with each request (request_options.hpp).
#include "server/command.hpp"

#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>

#include "galley/builtin.hpp"
#include "galley/error.hpp"
#include "server/http_server.hpp"
#include "server/service.hpp"

namespace galley::server {

namespace {

const char* const kUsage =
    "usage: galley server [OPTIONS]\n"
    "  --host ADDRESS          listen on this IP address (default 127.0.0.1: this machine only)\n"
    "  --port N                TCP port (default 8080; 0: any free port, printed at start)\n"
    "  --workers N             conversions at once (default: one per core)\n"
    "  --queue N               conversions waiting for a worker; more are refused with 503 (default 64)\n"
    "  --max-body BYTES        largest request body, also the input limit (default 33554432); larger: 413\n"
    "  --max-header BYTES      largest request line and headers (default 16384); larger: 431\n"
    "  --max-connections N     open connections (default 256); more: 503\n"
    "  --max-nesting N         document depth limit (default 500)\n"
    "  --timeout SECONDS       time limit of one conversion (default 30); then 503\n"
    "  --header-timeout SECONDS  time to send the headers, and to start the next request (default 10); then 408\n"
    "  --body-timeout SECONDS  time to send the body (default 30); then 408\n"
    "  --resource-root DIR     local files (images) may be read below DIR (default: none)\n"
    "Routes: GET / (a page to try it), POST /convert, POST /package, GET /formats, /version, /health.\n"
    "SIGTERM or SIGINT: stop taking connections, finish the requests in flight, exit 0.\n";

[[noreturn]] void usage(const std::string& m) { throw UsageError("galley.cli.usage", m + " (see galley server --help)"); }

unsigned long long number(const std::string& opt, const std::string& v, unsigned long long lo, unsigned long long hi) {
  char* end = nullptr;
  errno = 0;
  unsigned long long n = std::strtoull(v.c_str(), &end, 10);
  if (v.empty() || v[0] < '0' || v[0] > '9' || *end || errno == ERANGE || n < lo || n > hi)
    usage("option " + opt + " needs a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) + ", not '" + v + "'");
  return n;
}

double secs(const std::string& opt, const std::string& v) {
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (v.empty() || *end || !(d > 0) || d > 86400) usage("option " + opt + " needs seconds (more than 0, at most 86400), not '" + v + "'");
  return d;
}

// An empty folder of our own, not writable, as the resource root when none is
// configured: every local reference resolves outside it and is refused.
struct EmptyRoot {
  std::string path;
  EmptyRoot() {
    char tmpl[] = "/tmp/galley-server-root-XXXXXX";
    if (!::mkdtemp(tmpl)) throw OutputError("galley.server.root", std::string("cannot create an empty resource root: ") + std::strerror(errno));
    path = tmpl;
    ::chmod(path.c_str(), 0500);
  }
  ~EmptyRoot() { ::rmdir(path.c_str()); }
};

int run(int argc, char** argv) {
  ServerConfig config;
  Policy policy;
  std::string root;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i], v;
    if (a == "-h" || a == "--help") { std::cout << kUsage; return 0; }
    if (a.rfind("--", 0) != 0) usage("galley server takes options only, not '" + a + "'");
    auto eq = a.find('=');
    if (eq != std::string::npos) { v = a.substr(eq + 1); a = a.substr(0, eq); }
    else if (i + 1 < argc) v = argv[++i];
    else usage("option " + a + " needs a value");
    if (a == "--host") config.host = v;
    else if (a == "--port") config.port = static_cast<unsigned>(number(a, v, 0, 65535));
    else if (a == "--workers") config.workers = number(a, v, 1, 256);
    else if (a == "--queue") config.queue = number(a, v, 0, 100000);
    else if (a == "--max-body") config.max_body = number(a, v, 1, std::size_t(4) << 30);
    else if (a == "--max-header") config.max_header = number(a, v, 1024, 1 << 20);
    else if (a == "--max-connections") config.max_connections = number(a, v, 1, 100000);
    else if (a == "--max-nesting") policy.max_nesting = number(a, v, 1, 100000);
    else if (a == "--timeout") config.timeout = secs(a, v);
    else if (a == "--header-timeout") config.header_timeout = secs(a, v);
    else if (a == "--body-timeout") config.body_timeout = secs(a, v);
    else if (a == "--resource-root") root = v;
    else usage("unknown option " + a);
  }
  std::optional<EmptyRoot> empty;
  if (root.empty()) {
    empty.emplace();
    policy.resource_root = empty->path;
  } else {
    char buf[PATH_MAX];
    if (!::realpath(root.c_str(), buf)) usage("--resource-root " + root + " does not exist");
    policy.resource_root = buf;
  }
  policy.max_input_bytes = config.max_body;
  Registry registry = builtin_registry();
  // Readers whose libraries set up globals on first use do it now, on this thread.
  for (auto& r : registry.readers())
    if (r.init) r.init();
  Service service(policy, registry);
  return serve(config, service);
}

}  // namespace

int run_command(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const Error& e) {
    std::cerr << "galley: " << e.what() << "\n";
    return e.category() == ErrorCategory::Usage ? 2 : 3;
  } catch (const std::exception& e) {
    std::cerr << "galley: [galley.internal] " << e.what() << "\n";
    return 70;
  }
}

}  // namespace galley::server
