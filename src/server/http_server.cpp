// Connections, limits and timeouts (http_server.hpp). Everything that touches a
// connection runs on the one I/O thread, so a session needs no lock; a worker hands
// its result back with net::post, and a result whose request was already answered
// (timed out) is dropped: a reply only ever goes to the request it was made for.
#include "server/http_server.hpp"

#include <unistd.h>

#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <list>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "galley/error.hpp"
#include "server/pool.hpp"

namespace galley::server {

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using error_code = beast::error_code;

// Boost 1.74's Beast has its own string_view.
std::string_view sv(beast::string_view s) { return {s.data(), s.size()}; }

std::chrono::steady_clock::duration seconds(double s) {
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(s));
}

// One line of JSON per request, written with one write(2) so lines never interleave.
void log_line(const nlohmann::ordered_json& j) {
  std::string line = j.dump(-1, ' ', true, nlohmann::json::error_handler_t::replace) + "\n";
  ssize_t n = ::write(2, line.data(), line.size());
  (void)n;
}

std::string utc_now() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  long ms = static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
  return buf;
}

// Host names a browser on this machine uses for a loopback server. Checking Host
// keeps a web page from reaching the server through DNS rebinding.
bool loopback_host(std::string_view host) {
  if (host.empty()) return true;  // HTTP/1.0 without Host: not a browser
  if (host.front() == '[') host = host.substr(0, host.find(']') + 1);
  else host = host.substr(0, host.find(':'));
  return host == "localhost" || host == "127.0.0.1" || host == "[::1]";
}

class Server;

// One request's conversion: the cancel flag the pipeline checks between stages,
// and whether the request has been answered (by the result or by the deadline).
struct Job {
  Request request;
  std::atomic<bool> cancel{false};
  bool answered = false;  // I/O thread only
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server& server);
  ~Session();
  void start() { read_header(); }
  void stop_if_idle();

 private:
  void arm_read_timer(double secs);
  void read_header();
  void on_header(error_code ec);
  void read_body();
  void on_body(error_code ec);
  void dispatch();
  void on_result(const std::shared_ptr<Job>& job, Reply reply);
  void send(Reply reply, bool close);
  void on_written(error_code ec, bool close);
  void refuse_read(error_code ec, const char* timeout_id, const char* timeout_message);
  void refuse(int status, const std::string& id, const std::string& message) { send(error_reply(status, id, message), true); }
  void drain_and_close();
  void close();

  beast::tcp_stream stream_;
  Server& server_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  net::steady_timer read_timer_, deadline_;
  bool read_timed_out_ = false;
  unsigned read_generation_ = 0;  // a timer that fired for an earlier read must not cut the next one
  bool idle_ = true;    // waiting for a request that has not started
  bool closed_ = false;
  std::string peer_;
  Clock::time_point started_;
  std::string method_ = "-", path_ = "-";
  std::size_t bytes_in_ = 0;
  bool head_ = false, keep_alive_ = false;
  std::shared_ptr<http::response<http::string_body>> response_;
  std::shared_ptr<Job> job_;
  std::string error_id_;
  std::size_t warnings_ = 0;
  std::array<char, 65536> scratch_{};
  std::size_t drained_ = 0;
};

class Server {
 public:
  Server(const ServerConfig& config, const Service& service)
      : config(config), service(service), pool(config.workers ? config.workers : std::max(1u, std::thread::hardware_concurrency()), config.queue),
        acceptor_(ioc), signals_(ioc, SIGTERM, SIGINT), stop_timer_(ioc) {}

  int run();
  void accept();
  void register_session(const std::shared_ptr<Session>& s) { sessions_.push_back(s); }
  void session_gone() {
    if (finished) return;  // the I/O loop is over; pending handlers are being destroyed
    // May run on a worker thread (the last reference of a finished job): hop to the I/O thread.
    net::post(ioc, [this] {
      --open_;
      if (stopping && open_ == 0) stop_timer_.cancel();
    });
  }
  const ServerConfig& config;
  const Service& service;
  net::io_context ioc{1};
  WorkerPool pool;
  bool stopping = false;
  bool loopback = true;
  std::atomic<bool> finished{false};

 private:
  void begin_stop();
  tcp::acceptor acceptor_;
  net::signal_set signals_;
  net::steady_timer stop_timer_;
  std::list<std::weak_ptr<Session>> sessions_;
  std::size_t open_ = 0;
};

Session::Session(tcp::socket socket, Server& server)
    : stream_(std::move(socket)), server_(server), read_timer_(stream_.get_executor()), deadline_(stream_.get_executor()) {
  error_code ec;
  auto ep = stream_.socket().remote_endpoint(ec);
  peer_ = ec ? "-" : ep.address().to_string();
}

Session::~Session() { server_.session_gone(); }

void Session::arm_read_timer(double secs) {
  read_timed_out_ = false;
  unsigned generation = ++read_generation_;
  read_timer_.expires_after(seconds(secs));
  read_timer_.async_wait([self = shared_from_this(), generation](error_code ec) {
    if (ec || generation != self->read_generation_) return;  // cancelled or stale: the read finished
    self->read_timed_out_ = true;
    error_code ignored;
    self->stream_.socket().cancel(ignored);  // the read ends with operation_aborted; the socket stays open for the 408
  });
}

void Session::stop_if_idle() {
  if (idle_ && !closed_) {
    read_timer_.cancel();
    close();
  }
}

void Session::read_header() {
  if (server_.stopping) return close();
  idle_ = true;
  method_ = path_ = "-";
  bytes_in_ = 0;
  error_id_.clear();
  warnings_ = 0;
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(server_.config.max_header));
  parser_->body_limit(server_.config.max_body);
  stream_.expires_never();
  arm_read_timer(server_.config.header_timeout);
  http::async_read_header(stream_, buffer_, *parser_, [self = shared_from_this()](error_code ec, std::size_t) {
    ++self->read_generation_;
    self->read_timer_.cancel();
    self->on_header(ec);
  });
}

void Session::on_header(error_code ec) {
  bool got_some = parser_->got_some() || buffer_.size() > 0;
  if (got_some) {
    idle_ = false;
    started_ = Clock::now();
  }
  if (ec) {
    if (!got_some) return close();  // an idle connection closed or timed out: nothing to answer
    started_ = Clock::now();
    return refuse_read(ec, "galley.server.header-timeout", "the request's headers did not arrive in time");
  }
  auto& req = parser_->get();
  method_ = std::string(sv(req.method_string()));
  std::string_view target = sv(req.target());
  path_ = std::string(target.substr(0, target.find('?')));
  if (server_.loopback && !loopback_host(sv(req[http::field::host])))
    return refuse(421, "galley.server.host", "this server answers requests for localhost only");
  if (beast::iequals(req[http::field::expect], "100-continue")) {
    auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_, req.version());
    stream_.expires_after(seconds(server_.config.body_timeout));
    http::async_write(stream_, *cont, [self = shared_from_this(), cont](error_code wec, std::size_t) {
      if (wec) return self->close();
      self->read_body();
    });
    return;
  }
  read_body();
}

void Session::read_body() {
  stream_.expires_never();
  arm_read_timer(server_.config.body_timeout);
  http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](error_code ec, std::size_t) {
    ++self->read_generation_;
    self->read_timer_.cancel();
    self->on_body(ec);
  });
}

void Session::on_body(error_code ec) {
  if (ec) return refuse_read(ec, "galley.server.body-timeout", "the request body did not arrive in time");
  dispatch();
}

// A read that failed: the answer for its reason (408 when our deadline cut it), or
// nothing when the client went away.
void Session::refuse_read(error_code ec, const char* timeout_id, const char* timeout_message) {
  if (read_timed_out_) return refuse(408, timeout_id, timeout_message);
  if (ec == http::error::header_limit)
    return refuse(431, "galley.server.headers-too-large", "the request's headers are larger than the limit");
  if (ec == http::error::body_limit)
    return refuse(413, "galley.server.too-large", "the request body is larger than the limit (--max-body)");
  if (ec == http::error::partial_message || ec == net::error::eof || ec == net::error::connection_reset) return close();
  refuse(400, "galley.server.http", "malformed HTTP request: " + ec.message());
}

void Session::dispatch() {
  auto& req = parser_->get();
  keep_alive_ = req.keep_alive();
  head_ = req.method() == http::verb::head;
  Request r;
  r.method = head_ ? "GET" : method_;
  std::string_view target = sv(req.target());
  r.path = path_;
  if (auto q = target.find('?'); q != std::string_view::npos) r.query = std::string(target.substr(q + 1));
  r.content_type = std::string(sv(req[http::field::content_type]));
  r.body = std::move(req.body());
  bytes_in_ = r.body.size();
  if (!Service::is_heavy(r)) {
    Reply reply = server_.service.handle(r, nullptr);
    if (r.path == "/health" && reply.status == 200) {
      reply.body = "{\"status\":\"" + std::string(server_.stopping ? "stopping" : "ok") + "\",\"workers\":" +
                   std::to_string(server_.pool.workers()) + ",\"running\":" + std::to_string(server_.pool.running()) +
                   ",\"queued\":" + std::to_string(server_.pool.queued()) + "}\n";
    }
    return send(std::move(reply), !keep_alive_);
  }
  auto job = std::make_shared<Job>();
  job->request = std::move(r);
  job_ = job;
  auto self = shared_from_this();
  const Service& service = server_.service;
  bool taken = server_.pool.try_submit([self, job, &service] {
    Reply reply = service.handle(job->request, &job->cancel);
    job->request.body.clear();
    job->request.body.shrink_to_fit();
    net::post(self->stream_.get_executor(), [self, job, reply = std::move(reply)]() mutable {
      self->on_result(job, std::move(reply));
    });
  });
  if (!taken) {
    job->answered = true;
    return send(error_reply(503, "galley.server.busy", "the server is busy; try again shortly"), !keep_alive_);
  }
  deadline_.expires_after(seconds(server_.config.timeout));
  deadline_.async_wait([self, job](error_code dec) {
    if (dec || job->answered) return;
    job->answered = true;
    job->cancel = true;  // the worker stops at the next stage boundary; its result is dropped
    self->send(error_reply(503, "galley.server.timeout", "the conversion took longer than the time limit (--timeout)"),
               !self->keep_alive_);
  });
}

void Session::on_result(const std::shared_ptr<Job>& job, Reply reply) {
  if (job->answered || job != job_) return;  // answered at the deadline already
  job->answered = true;
  deadline_.cancel();
  send(std::move(reply), !keep_alive_);
}

void Session::send(Reply reply, bool close_after) {
  if (closed_) return;
  if (server_.stopping) close_after = true;
  auto res = std::make_shared<http::response<http::string_body>>();
  res->version(parser_ && parser_->is_header_done() ? parser_->get().version() : 11);
  res->result(static_cast<unsigned>(reply.status));
  res->set(http::field::server, "galley");
  res->set(http::field::content_type, reply.content_type);
  res->set("X-Content-Type-Options", "nosniff");
  res->set("Referrer-Policy", "no-referrer");
  for (auto& [k, v] : reply.headers) res->insert(k, v);
  std::size_t size = reply.body.size();
  if (!head_) res->body() = std::move(reply.body);
  res->content_length(size);
  res->keep_alive(!close_after);
  error_id_ = reply.error_id;
  warnings_ = reply.warnings;
  response_ = res;
  stream_.expires_after(seconds(server_.config.body_timeout));  // a client that does not read is cut off
  int status = reply.status;
  http::async_write(stream_, *res, [self = shared_from_this(), close_after, status](error_code ec, std::size_t n) {
    nlohmann::ordered_json line{{"time", utc_now()}, {"peer", self->peer_}, {"method", self->method_},
                                {"path", self->path_}, {"status", status}, {"bytes_in", self->bytes_in_},
                                {"bytes_out", n},
                                {"ms", std::chrono::duration<double, std::milli>(Clock::now() - self->started_).count()}};
    if (!self->error_id_.empty()) line["error"] = self->error_id_;
    if (self->warnings_) line["warnings"] = self->warnings_;
    if (ec) line["write_error"] = ec.message();
    log_line(line);
    self->on_written(ec, close_after);
  });
}

void Session::on_written(error_code ec, bool close_after) {
  response_.reset();
  job_.reset();
  if (ec) return close();
  if (close_after) return drain_and_close();
  read_header();
}

// After an error the client may still be sending (a body we refused): stop sending,
// read and drop what arrives for a moment, so closing does not reset the connection
// before the client has read the answer.
void Session::drain_and_close() {
  error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream_.expires_after(std::chrono::seconds(1));
  stream_.async_read_some(net::buffer(scratch_), [self = shared_from_this()](error_code ec, std::size_t n) {
    self->drained_ += n;
    if (ec || self->drained_ > (std::size_t(8) << 20)) return self->close();
    self->stream_.async_read_some(net::buffer(self->scratch_), [self](error_code ec2, std::size_t n2) {
      self->drained_ += n2;
      if (ec2) return self->close();
      self->drain_and_close();
    });
  });
}

void Session::close() {
  if (closed_) return;
  closed_ = true;
  read_timer_.cancel();
  deadline_.cancel();
  error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
  stream_.socket().close(ignored);
}

void Server::accept() {
  acceptor_.async_accept([this](error_code ec, tcp::socket socket) {
    if (ec) {
      if (stopping || ec == net::error::operation_aborted) return;
      return accept();  // e.g. out of file descriptors for a moment
    }
    if (open_ >= config.max_connections) {
      // Refuse without a session: a canned answer if the socket takes it now.
      static const std::string busy = [] {
        std::string body = "{\"error\":{\"id\":\"galley.server.busy\",\"message\":\"too many connections; try again\"}}\n";
        return "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Type: application/json\r\n"
               "Connection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
      }();
      error_code ignored;
      socket.non_blocking(true, ignored);
      socket.write_some(net::buffer(busy), ignored);
      socket.close(ignored);
      log_line({{"time", utc_now()}, {"method", "-"}, {"path", "-"}, {"status", 503}, {"error", "galley.server.busy"}});
      return accept();
    }
    ++open_;
    auto s = std::make_shared<Session>(std::move(socket), *this);
    sessions_.remove_if([](const std::weak_ptr<Session>& w) { return w.expired(); });
    register_session(s);
    s->start();
    accept();
  });
}

void Server::begin_stop() {
  if (stopping) return;
  stopping = true;
  log_line({{"time", utc_now()}, {"event", "stopping"}, {"open", open_}});
  error_code ignored;
  acceptor_.close(ignored);
  for (auto& w : sessions_)
    if (auto s = w.lock()) s->stop_if_idle();
  if (open_ == 0) return;
  // Requests in flight get their answers; past this the process ends anyway.
  stop_timer_.expires_after(seconds(config.timeout + config.body_timeout + 5));
  stop_timer_.async_wait([this](error_code ec) {
    if (!ec) ioc.stop();
  });
}

int Server::run() {
  error_code ec;
  net::ip::address addr = net::ip::make_address(config.host == "localhost" ? "127.0.0.1" : config.host, ec);
  if (ec) throw UsageError("galley.server.host", "--host needs an IP address, not '" + config.host + "'");
  loopback = addr.is_loopback();
  tcp::endpoint ep(addr, static_cast<unsigned short>(config.port));
  acceptor_.open(ep.protocol(), ec);
  if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(ep, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) throw UsageError("galley.server.listen", "cannot listen on " + config.host + ":" + std::to_string(config.port) + ": " + ec.message());
  auto bound = acceptor_.local_endpoint();
  std::string host = bound.address().is_v6() ? "[" + bound.address().to_string() + "]" : bound.address().to_string();
  // The announcement tests and scripts wait for (with --port 0 the port is the kernel's choice).
  std::printf("galley server listening on http://%s:%u/\n", host.c_str(), static_cast<unsigned>(bound.port()));
  std::fflush(stdout);
  if (!loopback)
    log_line({{"time", utc_now()}, {"event", "warning"}, {"message", "listening beyond loopback: every program that reaches this address can convert"}});
  signals_.async_wait([this](error_code sec, int) {
    if (!sec) begin_stop();
  });
  accept();
  ioc.run();
  finished = true;
  pool.shutdown();
  log_line({{"time", utc_now()}, {"event", "stopped"}});
  return 0;
}

}  // namespace

int serve(const ServerConfig& config, const Service& service) {
  Server server(config, service);
  return server.run();
}

}  // namespace galley::server
