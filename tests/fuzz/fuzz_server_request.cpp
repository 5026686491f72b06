// libFuzzer target: a request as bytes -> Beast's parser with the server's limits ->
// the server's own decoding (query string, JSON body, option whitelist through the
// CLI's parser, pipeline options). Checks: no crash, and every failure is a
// galley::Error with a stable id (what the server turns into a 4xx).
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "galley/builtin.hpp"
#include "galley/error.hpp"
#include "server/http_server.hpp"
#include "server/request_options.hpp"

namespace http = boost::beast::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const galley::Registry registry = galley::builtin_registry();
  galley::server::ServerConfig config;
  galley::server::Policy policy;
  policy.resource_root = "/nonexistent-galley-fuzz-root";
  http::request_parser<http::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(config.max_header));
  parser.body_limit(std::uint64_t(1) << 20);
  parser.eager(true);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (!ec && !parser.is_done()) parser.put_eof(ec);
  if (ec || !parser.is_done()) return 0;
  auto& req = parser.get();
  std::string target(req.target().data(), req.target().size());
  auto q = target.find('?');
  std::string query = q == std::string::npos ? "" : target.substr(q + 1);
  std::string type(req[http::field::content_type].data(), req[http::field::content_type].size());
  try {
    auto params = galley::server::parse_query(query);
    std::string text;
    if (type.rfind("application/json", 0) == 0) {
      auto more = galley::server::parse_json_body(req.body(), &text);
      params.insert(params.end(), more.begin(), more.end());
    }
    auto args = galley::server::decode_args(params, policy);
    auto conversion = galley::server::prepare_conversion(args, policy, registry);
    // Never a file or a program: the whitelist keeps them out whatever was sent.
    if (!conversion.options.filters.empty() || !conversion.options.metadata_files.empty() ||
        !conversion.options.writer.css.empty() || conversion.options.reader.resources.root != policy.resource_root)
      std::abort();
  } catch (const galley::Error& e) {
    if (e.id().rfind("galley.", 0) != 0) std::abort();
  }
  return 0;
}
