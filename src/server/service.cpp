// Routes, conversions and errors (service.hpp).
#include "server/service.hpp"

#include <chrono>
#include <nlohmann/json.hpp>

#include "cli/article_bag.hpp"
#include "galley/error.hpp"
#include "galley/io.hpp"
#include "galley/version.hpp"
#include "server/page.hpp"

namespace galley::server {

namespace {

using J = nlohmann::ordered_json;

std::string dump(const J& j) { return j.dump(-1, ' ', false, J::error_handler_t::replace); }

// The message without the "[id] " that Error::what() starts with.
std::string message_of(const Error& e) {
  std::string m = e.what();
  std::string prefix = "[" + e.id() + "] ";
  return m.rfind(prefix, 0) == 0 ? m.substr(prefix.size()) : m;
}

// Anything a client sent maps to a 4xx; a 5xx means the server could not do it.
int status_for(const Error& e) {
  switch (e.category()) {
    case ErrorCategory::Usage:
      return e.id().rfind("galley.format.", 0) == 0 ? 415 : 400;
    case ErrorCategory::Input:
      return e.id() == "galley.io.too-large" ? 413 : 400;
    case ErrorCategory::Output:
      return 422;  // the input reads, but cannot be written in that format
    case ErrorCategory::Filter:
      return 400;
    case ErrorCategory::Cancelled:
      return 503;
    case ErrorCategory::Internal:
      return 500;
  }
  return 500;
}

bool is_json_type(const std::string& content_type) {
  std::string t = content_type.substr(0, content_type.find(';'));
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
  for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return t == "application/json";
}

J warnings_json(const Diagnostics& d) {
  J a = J::array();
  for (auto& x : d.all())
    if (x.severity == Severity::Warning) a.push_back({{"kind", x.kind}, {"message", x.message}});
  return a;
}

// The warnings as one header line: JSON with \u escapes (a header holds ASCII only),
// at most 8 KiB of it; X-Galley-Warning-Count always has the full number.
void add_warning_headers(Reply& reply, const Diagnostics& d) {
  J all = warnings_json(d);
  J kept = J::array();
  std::size_t size = 2;
  for (auto& w : all) {
    std::string one = w.dump(-1, ' ', true, J::error_handler_t::replace);
    if (size + one.size() + 1 > 8192) break;
    size += one.size() + 1;
    kept.push_back(w);
  }
  reply.headers.emplace_back("X-Galley-Warnings", kept.dump(-1, ' ', true, J::error_handler_t::replace));
  reply.headers.emplace_back("X-Galley-Warning-Count", std::to_string(all.size()));
  reply.warnings = all.size();
}

std::string content_type_of(const WriterEntry& w) {
  if (!w.media_type.empty()) return w.media_type;
  return w.kind == WriterKind::Binary ? "application/octet-stream" : "text/plain; charset=utf-8";
}

std::string stem_of(const std::string& input_name) {
  if (input_name.empty() || input_name == "-") return "article";
  auto dot = input_name.rfind('.');
  std::string s = dot == std::string::npos || dot == 0 ? input_name : input_name.substr(0, dot);
  return s.empty() ? "article" : s;
}

// Converted HTML must not run as this origin even if a browser is sent to it directly.
const char* const kOutputPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

}  // namespace

Reply error_reply(int status, const std::string& id, const std::string& message) {
  Reply r;
  r.status = status;
  r.error_id = id;
  r.body = dump(J{{"error", {{"id", id}, {"message", message}}}}) + "\n";
  if (status == 503) r.headers.emplace_back("Retry-After", "1");
  return r;
}

bool Service::is_heavy(const Request& r) { return r.method == "POST" && (r.path == "/convert" || r.path == "/package"); }

Reply Service::handle(const Request& r, const std::atomic<bool>* cancel) const {
  try {
    if (r.path == "/convert" || r.path == "/package") {
      if (r.method != "POST") {
        Reply e = error_reply(405, "galley.server.method", r.path + " takes POST");
        e.headers.emplace_back("Allow", "POST");
        return e;
      }
      return r.path == "/convert" ? convert(r, cancel) : package(r, cancel);
    }
    bool get = r.method == "GET" || r.method == "HEAD";
    if (r.path == "/formats" || r.path == "/version" || r.path == "/health" || find_page_asset(r.path)) {
      if (!get) {
        Reply e = error_reply(405, "galley.server.method", r.path + " takes GET");
        e.headers.emplace_back("Allow", "GET, HEAD");
        return e;
      }
    }
    if (r.path == "/formats") return formats();
    if (r.path == "/version") {
      Reply v;
      v.body = dump(J{{"galley", GALLEY_VERSION}, {"pandoc-api-version", "1.23.1"}}) + "\n";
      return v;
    }
    if (r.path == "/health") {
      Reply h;
      h.body = "{\"status\":\"ok\"}\n";
      return h;
    }
    if (const PageAsset* a = find_page_asset(r.path)) {
      Reply p;
      p.content_type = a->content_type;
      p.body.assign(reinterpret_cast<const char*>(a->data), a->size);
      // The page's own code only; previews are sandboxed srcdoc frames (no script, an opaque origin).
      p.headers.emplace_back("Content-Security-Policy",
                             "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                             "img-src 'self' data: blob:; frame-src 'self' blob: data:; connect-src 'self'; "
                             "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
      p.headers.emplace_back("Cache-Control", "no-cache");
      return p;
    }
    return error_reply(404, "galley.server.not-found", "no such resource: " + r.path);
  } catch (const Error& e) {
    Reply x = error_reply(status_for(e), e.id(), message_of(e));
    return x;
  } catch (const std::bad_alloc&) {
    return error_reply(503, "galley.server.memory", "the conversion ran out of memory");
  } catch (const std::exception& e) {
    return error_reply(500, "galley.internal", e.what());
  }
}

Reply Service::formats() const {
  J in = J::array(), out = J::array();
  for (auto& r : registry_.readers()) {
    J ext = J::array();
    for (auto& e : r.extensions) ext.push_back({{"name", e.name}, {"default", e.default_on}, {"description", e.description}});
    in.push_back({{"name", r.name}, {"aliases", r.aliases}, {"description", r.description},
                  {"file_extensions", r.file_extensions}, {"extensions", ext}});
  }
  for (auto& w : registry_.writers()) {
    J ext = J::array();
    for (auto& e : w.extensions) ext.push_back({{"name", e.name}, {"default", e.default_on}, {"description", e.description}});
    out.push_back({{"name", w.name}, {"aliases", w.aliases}, {"description", w.description},
                   {"binary", w.kind == WriterKind::Binary}, {"media_type", content_type_of(w)},
                   {"suffix", registry_.output_suffix(w.name)}, {"extensions", ext}});
  }
  Reply r;
  r.body = dump(J{{"input", in}, {"output", out}, {"default_input", registry_.default_reader()},
                  {"default_output", registry_.default_writer()}}) + "\n";
  return r;
}

Reply Service::convert(const Request& r, const std::atomic<bool>* cancel) const {
  std::vector<Param> params = parse_query(r.query);
  bool json = is_json_type(r.content_type);
  std::string text;
  if (json) {
    std::vector<Param> fields = parse_json_body(r.body, &text);
    params.insert(params.end(), fields.begin(), fields.end());
  }
  RequestArgs args = decode_args(params, policy_);
  RequestConversion c = prepare_conversion(args, policy_, registry_);
  c.settings.cancel = cancel;
  c.options.cancel = cancel;
  Diagnostics diag;
  std::string out = galley::convert(json ? std::string_view(text) : std::string_view(r.body), c.options, diag, registry_);
  Reply reply;
  bool binary = c.writer->kind == WriterKind::Binary;
  if (json) {
    // pandoc-server's shape: output (base64 for binary formats), base64, messages.
    J messages = J::array();
    for (auto& d : diag.all())
      messages.push_back({{"verbosity", d.severity == Severity::Warning ? "WARNING" : "INFO"}, {"message", d.message}});
    reply.body = dump(J{{"output", binary ? base64_encode(out) : out}, {"base64", binary}, {"messages", messages},
                        {"warnings", warnings_json(diag)}}) + "\n";
    reply.warnings = diag.warning_count();
    return reply;
  }
  reply.content_type = content_type_of(*c.writer);
  add_warning_headers(reply, diag);
  if (binary)
    reply.headers.emplace_back("Content-Disposition",
                               "attachment; filename=\"" + stem_of(args.input_name) + registry_.output_suffix(c.writer->name) + "\"");
  if (!binary) reply.headers.emplace_back("Content-Security-Policy", kOutputPolicy);
  reply.body = std::move(out);
  return reply;
}

Reply Service::package(const Request& r, const std::atomic<bool>* cancel) const {
  using Clock = std::chrono::system_clock;
  long long started = std::chrono::duration_cast<std::chrono::seconds>(Clock::now().time_since_epoch()).count();
  RequestArgs args = decode_args(parse_query(r.query), policy_);
  RequestConversion c = prepare_conversion(args, policy_, registry_, false);
  c.settings.cancel = cancel;
  std::vector<FormatSpec> formats = cli::package_formats(args.args, registry_);
  std::string name = args.input_name == "-" ? "input" : args.input_name;
  cli::ArticleBag bag = cli::make_article_bag(c.settings, args.input_name, name, r.body, c.from, formats, {}, started);
  std::string top = stem_of(args.input_name) + "-bag";
  Reply reply;
  reply.content_type = "application/zip";
  reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + top + ".zip\"");
  reply.headers.emplace_back("X-Galley-Warning-Count", std::to_string(bag.warnings));
  reply.warnings = bag.warnings;
  reply.body = cli::bag_zip(bag, top);
  return reply;
}

}  // namespace galley::server
