// `galley server`'s HTTP side, on Boost.Beast (docs/SERVER.md says why): one I/O
// thread reads and writes every connection without blocking; conversions run on
// the bounded worker pool; timeouts, limits, graceful stop on SIGTERM, one JSON log
// line per request on standard error.
#pragma once
#include <cstddef>
#include <string>

#include "server/service.hpp"

namespace galley::server {

struct ServerConfig {
  std::string host = "127.0.0.1";
  unsigned port = 8080;                          // 0: any free port (announced on standard output)
  std::size_t workers = 0;                       // 0: one per core
  std::size_t queue = 64;                        // conversions waiting beyond the workers; more: 503
  std::size_t max_body = std::size_t(32) << 20;  // bytes; larger: 413
  std::size_t max_header = 16 << 10;             // bytes of request line and headers; larger: 431
  std::size_t max_connections = 256;             // open connections; more: 503
  double timeout = 30;                           // seconds per conversion; then 503
  double header_timeout = 10;                    // seconds to send the headers (and between requests)
  double body_timeout = 30;                      // seconds to send the body; then 408
};

// Serves until SIGTERM or SIGINT, then finishes the requests in flight. Returns the
// exit status (0 after a graceful stop); throws UsageError when it cannot listen.
int serve(const ServerConfig& config, const Service& service);

}  // namespace galley::server
