// What the server answers, apart from HTTP itself (http_server.cpp): routes,
// conversions, packages, errors as JSON. Plain values in and out, so the unit
// tests and the fuzz target drive it without sockets.
#pragma once
#include <atomic>
#include <string>
#include <utility>
#include <vector>

#include "galley/registry.hpp"
#include "server/request_options.hpp"

namespace galley::server {

struct Request {
  std::string method;        // "GET", "POST", ...
  std::string path;          // "/convert"
  std::string query;         // after '?', undecoded
  std::string content_type;  // the header's value, as sent
  std::string body;
};

struct Reply {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string error_id;      // for the log line; empty on success
  std::size_t warnings = 0;  // for the log line
};

// {"error": {"id": ..., "message": ...}} with `status`.
Reply error_reply(int status, const std::string& id, const std::string& message);

class Service {
 public:
  Service(Policy policy, const Registry& registry) : policy_(std::move(policy)), registry_(registry) {}
  // Conversions and packages run on the worker pool; everything else is cheap.
  static bool is_heavy(const Request& r);
  // Any request; never throws. `cancel` (may be null) stops a conversion between stages.
  Reply handle(const Request& r, const std::atomic<bool>* cancel) const;
  const Policy& policy() const { return policy_; }

 private:
  Reply convert(const Request& r, const std::atomic<bool>* cancel) const;
  Reply package(const Request& r, const std::atomic<bool>* cancel) const;
  Reply formats() const;
  Policy policy_;
  const Registry& registry_;
};

}  // namespace galley::server
