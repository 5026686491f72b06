// galley server's parts without sockets: query and JSON decoding through the CLI's
// parser, the option whitelist, error statuses, the bounded pool.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>

#include "galley/builtin.hpp"
#include "galley/error.hpp"
#include "server/pool.hpp"
#include "server/request_options.hpp"
#include "server/service.hpp"

using namespace galley;
using namespace galley::server;

namespace {

std::string id_of(const Reply& r) {
  auto j = nlohmann::json::parse(r.body, nullptr, false);
  return j.is_object() && j.contains("error") ? j["error"]["id"].get<std::string>() : "";
}

const Registry& registry() {
  static const Registry reg = builtin_registry();
  return reg;
}

// The resource root must exist (the pipeline resolves it); the server uses an empty folder.
const std::string& root() {
  static const std::string r = std::filesystem::canonical(std::filesystem::temp_directory_path()).string();
  return r;
}

Policy policy() {
  Policy p;
  p.resource_root = root();
  p.max_input_bytes = 1000;
  return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(server)

BOOST_AUTO_TEST_CASE(query_strings_decode) {
  auto q = parse_query("to=epub&metadata.title=A%20b+c&&flag&x=%C3%A4");
  BOOST_REQUIRE_EQUAL(q.size(), 4u);
  BOOST_CHECK_EQUAL(q[0].first, "to");
  BOOST_CHECK_EQUAL(q[1].second, "A b c");
  BOOST_CHECK_EQUAL(q[2].first, "flag");
  BOOST_CHECK_EQUAL(q[2].second, "");
  BOOST_CHECK_EQUAL(q[3].second, "\xC3\xA4");
  for (const char* bad : {"a=%", "a=%4", "a=%zz", "a=%00"})
    BOOST_CHECK_EXCEPTION(parse_query(bad), UsageError, [](const UsageError& e) { return e.id() == "galley.server.query"; });
}

BOOST_AUTO_TEST_CASE(json_bodies_decode) {
  std::string text;
  auto p = parse_json_body(R"({"text":"hi","to":"jats","standalone":true,"columns":60,"metadata":{"lang":"de"},"variables":{"papersize":"a5"},"template":null})", &text);
  BOOST_CHECK_EQUAL(text, "hi");
  std::vector<Param> want{{"to", "jats"}, {"standalone", "true"}, {"columns", "60"}, {"metadata.lang", "de"}, {"variable.papersize", "a5"}};
  BOOST_CHECK(p == want);
  auto shape = [](const InputError& e) { return e.id() == "galley.json.shape"; };
  BOOST_CHECK_EXCEPTION(parse_json_body("[1]", &text), InputError, shape);
  BOOST_CHECK_EXCEPTION(parse_json_body(R"({"to":"json"})", &text), InputError, shape);
  BOOST_CHECK_EXCEPTION(parse_json_body(R"({"text":"a","columns":1.5})", &text), InputError, shape);
  BOOST_CHECK_EXCEPTION(parse_json_body("{", &text), InputError, [](const InputError& e) { return e.id() == "galley.json.parse"; });
}

BOOST_AUTO_TEST_CASE(options_go_through_the_cli_parser) {
  RequestArgs r = decode_args({{"from", "html+extract"}, {"to", "jats"}, {"standalone", "1"}, {"metadata.title", "T: a=b"},
                               {"columns", "60"}, {"wrap", "none"}, {"filename", "page.html"}}, policy());
  BOOST_CHECK_EQUAL(r.args.from, "html+extract");
  BOOST_CHECK(r.args.standalone);
  BOOST_REQUIRE_EQUAL(r.args.metadata.size(), 1u);
  BOOST_CHECK_EQUAL(r.args.metadata[0].first, "title");
  BOOST_CHECK_EQUAL(r.args.metadata[0].second, "T: a=b");
  BOOST_CHECK_EQUAL(r.args.columns, 60);
  BOOST_CHECK(r.args.wrap == WrapMode::None);
  BOOST_CHECK_EQUAL(r.input_name, "page.html");
  BOOST_CHECK_EQUAL(*r.args.max_input_size, 1000u);  // the server's limit, always
  RequestConversion c = prepare_conversion(r, policy(), registry());
  BOOST_CHECK_EQUAL(c.options.reader.resources.root, root());
  BOOST_CHECK(c.options.reader.resources.search.empty());
  BOOST_CHECK_EQUAL(c.writer->name, "jats_archiving");
  BOOST_CHECK(c.options.filters.empty() && c.options.metadata_files.empty() && c.options.writer.css.empty());
  auto option = [](const UsageError& e) { return e.id() == "galley.server.option"; };
  for (const char* name : {"filter", "css", "metadata-file", "resource-root", "resource-path", "pdf-engine", "epub-cover-image", "output"})
    BOOST_CHECK_EXCEPTION(decode_args({{name, "/etc/passwd"}}, policy()), UsageError, option);
  BOOST_CHECK_EXCEPTION(decode_args({{"filename", "../x"}}, policy()), UsageError, option);
  BOOST_CHECK_EXCEPTION(decode_args({{"metadata.a=b", "1"}}, policy()), UsageError, option);
  BOOST_CHECK_EXCEPTION(decode_args({{"standalone", "perhaps"}}, policy()), UsageError, option);
  BOOST_CHECK_EXCEPTION(decode_args({{"max-nesting", "100000"}}, policy()), UsageError, option);
  BOOST_CHECK_EXCEPTION(decode_args({{"columns", "x"}}, policy()), UsageError,
                        [](const UsageError& e) { return e.id() == "galley.cli.usage"; });
}

BOOST_AUTO_TEST_CASE(statuses) {
  Service s(policy(), registry());
  auto post = [&](std::string query, std::string body, std::string type = "text/plain") {
    return s.handle(Request{"POST", "/convert", std::move(query), std::move(type), std::move(body)}, nullptr);
  };
  Reply ok = post("from=plain&to=epub3", "HEADLINE\n\nA body.\n");
  BOOST_CHECK_EQUAL(ok.status, 200);
  BOOST_CHECK_EQUAL(ok.content_type, "application/epub+zip");
  Reply r = post("to=nope", "x");
  BOOST_CHECK_EQUAL(r.status, 415);
  BOOST_CHECK_EQUAL(id_of(r), "galley.format.unknown");
  r = post("", std::string(2000, 'x'));
  BOOST_CHECK_EQUAL(r.status, 413);
  BOOST_CHECK_EQUAL(id_of(r), "galley.io.too-large");
  r = post("", "{", "application/json");
  BOOST_CHECK_EQUAL(r.status, 400);
  r = post("from=json", "[[[");
  BOOST_CHECK_EQUAL(r.status, 400);
  std::atomic<bool> cancelled{true};
  r = s.handle(Request{"POST", "/convert", "", "text/plain", "x"}, &cancelled);
  BOOST_CHECK_EQUAL(r.status, 503);
  r = s.handle(Request{"GET", "/convert", "", "", ""}, nullptr);
  BOOST_CHECK_EQUAL(r.status, 405);
  r = s.handle(Request{"GET", "/../etc/passwd", "", "", ""}, nullptr);
  BOOST_CHECK_EQUAL(r.status, 404);
  r = s.handle(Request{"GET", "/formats", "", "", ""}, nullptr);
  BOOST_CHECK_EQUAL(r.status, 200);
  BOOST_CHECK(Service::is_heavy(Request{"POST", "/package", "", "", ""}));
  BOOST_CHECK(!Service::is_heavy(Request{"GET", "/formats", "", "", ""}));
}

BOOST_AUTO_TEST_CASE(pool_refuses_when_full) {
  WorkerPool pool(1, 1);
  std::mutex m;
  std::condition_variable cv;
  bool release = false, started = false;
  std::atomic<int> done{0};
  auto blocker = [&] {
    std::unique_lock<std::mutex> lock(m);
    started = true;
    cv.notify_all();
    cv.wait(lock, [&] { return release; });
    ++done;
  };
  BOOST_REQUIRE(pool.try_submit(blocker));
  {
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock, [&] { return started; });
  }
  BOOST_CHECK(pool.try_submit([&] { ++done; }));   // waits in the queue
  BOOST_CHECK(!pool.try_submit([&] { ++done; }));  // one worker busy, queue full
  BOOST_CHECK_EQUAL(pool.queued(), 1u);
  {
    std::lock_guard<std::mutex> lock(m);
    release = true;
  }
  cv.notify_all();
  pool.shutdown();
  BOOST_CHECK_EQUAL(done.load(), 2);
}

BOOST_AUTO_TEST_SUITE_END()
