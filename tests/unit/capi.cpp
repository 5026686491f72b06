// The C ABI (galley/galley.h): status codes and stable ids, NULL arguments, options,
// warnings, ownership, cancellation, registry handles and threads.
#include <boost/test/unit_test.hpp>

#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "galley/galley.h"

// Helpers inside the suite: unity builds compile several test files as one.
BOOST_AUTO_TEST_SUITE(capi)

const char* kJson = R"({"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"Para","c":[{"t":"Str","c":"Hello"}]}]})";

struct Options {
  galley_options* p = galley_options_new();
  ~Options() { galley_options_free(p); }
};

struct Result {
  galley_result* p = nullptr;
  ~Result() { galley_result_free(p); }
};

std::string output(const galley_result* r) {
  size_t n = 0;
  const char* p = galley_result_output(r, &n);
  return std::string(p, n);
}


BOOST_AUTO_TEST_CASE(version_and_a_conversion) {
  BOOST_TEST(galley_abi_version() == GALLEY_ABI_VERSION);
  BOOST_TEST(std::strlen(galley_version()) > 0);
  Options o;
  BOOST_TEST(galley_options_set(o.p, "from", "json") == GALLEY_OK);
  BOOST_TEST(galley_options_set(o.p, "to", "plain") == GALLEY_OK);
  Result r;
  BOOST_TEST(galley_convert(nullptr, o.p, kJson, std::strlen(kJson), &r.p) == GALLEY_OK);
  BOOST_TEST(galley_result_status(r.p) == GALLEY_OK);
  BOOST_TEST(output(r.p) == "Hello\n");
  BOOST_TEST(galley_result_is_binary(r.p) == 0);
  BOOST_TEST(std::string(galley_result_error_id(r.p)).empty());
  size_t n = 0;
  char* taken = galley_result_take_output(r.p, &n);
  BOOST_TEST(std::string(taken, n) == "Hello\n");
  BOOST_TEST(taken[n] == '\0');
  BOOST_TEST(output(r.p).empty());
  galley_free(taken);
  galley_free(nullptr);
}

BOOST_AUTO_TEST_CASE(errors_carry_status_id_and_message) {
  Options o;
  galley_options_set(o.p, "from", "json");
  Result bad_json;
  BOOST_TEST(galley_convert(nullptr, o.p, "{", 1, &bad_json.p) == GALLEY_ERROR_INPUT);
  BOOST_TEST(std::string(galley_result_error_id(bad_json.p)) == "galley.json.parse");
  std::string message = galley_result_error_message(bad_json.p);
  BOOST_TEST(!message.empty());
  BOOST_TEST(message.find("[galley") == std::string::npos);  // the id is not repeated in the message
  BOOST_TEST(output(bad_json.p).empty());

  galley_options_set(o.p, "to", "docx");
  Result unknown;
  BOOST_TEST(galley_convert(nullptr, o.p, kJson, std::strlen(kJson), &unknown.p) == GALLEY_ERROR_USAGE);
  BOOST_TEST(std::string(galley_result_error_id(unknown.p)) == "galley.format.unknown");
  // Without a result handle the status alone comes back.
  BOOST_TEST(galley_convert(nullptr, o.p, kJson, std::strlen(kJson), nullptr) == GALLEY_ERROR_USAGE);
}

BOOST_AUTO_TEST_CASE(null_arguments_are_usage_errors) {
  Result r;
  BOOST_TEST(galley_convert(nullptr, nullptr, kJson, 3, &r.p) == GALLEY_ERROR_USAGE);
  BOOST_TEST(std::string(galley_result_error_id(r.p)) == "galley.capi.argument");
  Options o;
  Result r2;
  BOOST_TEST(galley_convert(nullptr, o.p, nullptr, 5, &r2.p) == GALLEY_ERROR_USAGE);
  Result empty;  // NULL input of length 0 is an empty input
  galley_options_set(o.p, "from", "plain");
  BOOST_TEST(galley_convert(nullptr, o.p, nullptr, 0, &empty.p) == GALLEY_OK);
  BOOST_TEST(galley_options_set(nullptr, "to", "json") == GALLEY_ERROR_USAGE);
  BOOST_TEST(galley_options_set(o.p, nullptr, "json") == GALLEY_ERROR_USAGE);
  BOOST_TEST(galley_options_set(o.p, "to", nullptr) == GALLEY_ERROR_USAGE);
  BOOST_TEST(galley_options_add_metadata(o.p, "", "x") == GALLEY_ERROR_USAGE);
  BOOST_TEST(galley_result_status(nullptr) == GALLEY_ERROR_USAGE);
  BOOST_TEST(galley_result_warning_count(nullptr) == 0u);
  BOOST_TEST(galley_result_warning_kind(nullptr, 0) == nullptr);
  BOOST_TEST(galley_options_copy(nullptr) == nullptr);
  galley_options_cancel(nullptr);
  galley_result_free(nullptr);
  galley_options_free(nullptr);
  galley_registry_free(nullptr);
}

BOOST_AUTO_TEST_CASE(options_are_checked_and_unchanged_by_bad_values) {
  Options o;
  BOOST_TEST(galley_options_set(o.p, "nosuch", "1") == GALLEY_ERROR_USAGE);
  BOOST_TEST(galley_options_set(o.p, "columns", "wide") == GALLEY_ERROR_USAGE);
  BOOST_TEST(galley_options_set(o.p, "columns", "0") == GALLEY_ERROR_USAGE);
  BOOST_TEST(galley_options_set(o.p, "columns", "99999999999999999999") == GALLEY_ERROR_USAGE);
  BOOST_TEST(galley_options_set(o.p, "standalone", "yes") == GALLEY_ERROR_USAGE);
  BOOST_TEST(galley_options_set(o.p, "pandoc-api", "1.21") == GALLEY_ERROR_USAGE);
  BOOST_TEST(galley_options_set(o.p, "wrap", "sometimes") == GALLEY_ERROR_USAGE);
  BOOST_TEST(galley_options_set(o.p, "metadata", "=x") == GALLEY_ERROR_USAGE);
  // The options still convert as before the bad values.
  galley_options_set(o.p, "from", "json");
  galley_options_set(o.p, "to", "plain");
  Result r;
  BOOST_TEST(galley_convert(nullptr, o.p, kJson, std::strlen(kJson), &r.p) == GALLEY_OK);
  BOOST_TEST(output(r.p) == "Hello\n");
}

BOOST_AUTO_TEST_CASE(metadata_variables_and_repeated_options) {
  Options o;
  galley_options_set(o.p, "from", "json");
  galley_options_set(o.p, "to", "json");
  BOOST_TEST(galley_options_set(o.p, "metadata", "lang=de") == GALLEY_OK);
  BOOST_TEST(galley_options_set(o.p, "metadata", "draft") == GALLEY_OK);  // no value: true, as -M
  BOOST_TEST(galley_options_add_metadata(o.p, "dc:title=x", "Keys may hold = and :") == GALLEY_OK);
  BOOST_TEST(galley_options_add_variable(o.p, "papersize", "a5") == GALLEY_OK);
  Result r;
  BOOST_TEST(galley_convert(nullptr, o.p, kJson, std::strlen(kJson), &r.p) == GALLEY_OK);
  std::string json = output(r.p);
  BOOST_TEST(json.find(R"("lang":{"t":"MetaString","c":"de"})") != std::string::npos);
  BOOST_TEST(json.find(R"("draft":{"t":"MetaBool","c":true})") != std::string::npos);
  BOOST_TEST(json.find(R"("dc:title=x":{"t":"MetaString","c":"Keys may hold = and :"})") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(warnings_and_binary_output) {
  const char* raw = R"({"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"RawBlock","c":["tex","\\foo"]}]})";
  Options o;
  galley_options_set(o.p, "from", "json");
  galley_options_set(o.p, "to", "epub");
  Result r;
  BOOST_TEST(galley_convert(nullptr, o.p, raw, std::strlen(raw), &r.p) == GALLEY_OK);
  BOOST_TEST(galley_result_is_binary(r.p) == 1);
  size_t n = 0;
  const char* zip = galley_result_output(r.p, &n);
  BOOST_TEST(n > 22u);
  BOOST_TEST(std::string(zip, 2) == "PK");
  bool lost = false;
  for (size_t i = 0; i < galley_result_warning_count(r.p); ++i) {
    BOOST_TEST(galley_result_warning_message(r.p, i) != nullptr);
    lost |= std::string(galley_result_warning_kind(r.p, i)) == "lost-content";
  }
  BOOST_TEST(lost);
  BOOST_TEST(galley_result_warning_kind(r.p, galley_result_warning_count(r.p)) == nullptr);
  BOOST_TEST(galley_writer_is_binary(nullptr, "epub") == 1);
  BOOST_TEST(galley_writer_is_binary(nullptr, "jats+foo") == 0);
  BOOST_TEST(galley_writer_is_binary(nullptr, "nosuch") == -1);
  BOOST_TEST(galley_writer_is_binary(nullptr, "+") == -1);
  BOOST_TEST(galley_writer_is_binary(nullptr, nullptr) == -1);
}

BOOST_AUTO_TEST_CASE(cancel_and_copy) {
  Options o;
  galley_options_set(o.p, "from", "json");
  galley_options* copy = galley_options_copy(o.p);
  galley_options_cancel(o.p);
  Result cancelled, copied;
  BOOST_TEST(galley_convert(nullptr, o.p, kJson, std::strlen(kJson), &cancelled.p) == GALLEY_ERROR_CANCELLED);
  BOOST_TEST(std::string(galley_result_error_id(cancelled.p)) == "galley.cancelled");
  // The copy has its own flag and its own settings.
  BOOST_TEST(galley_convert(nullptr, copy, kJson, std::strlen(kJson), &copied.p) == GALLEY_OK);
  galley_options_free(copy);
}

BOOST_AUTO_TEST_CASE(formats_and_registry_handles) {
  galley_registry* reg = galley_registry_builtin();
  BOOST_REQUIRE(reg);
  char* json = galley_formats_json(reg);
  BOOST_REQUIRE(json);
  std::string text = json;
  galley_free(json);
  BOOST_TEST(text.find(R"("name":"epub3")") != std::string::npos);
  BOOST_TEST(text.find(R"("default_writer":"json")") != std::string::npos);
  char* builtin = galley_formats_json(nullptr);
  BOOST_TEST(text == builtin);
  galley_free(builtin);
  Options o;
  galley_options_set(o.p, "from", "json");
  Result r;
  BOOST_TEST(galley_convert(reg, o.p, kJson, std::strlen(kJson), &r.p) == GALLEY_OK);
  galley_registry_free(reg);
}

BOOST_AUTO_TEST_CASE(threads_share_options_and_registry) {
  Options o;
  galley_options_set(o.p, "from", "html+extract");
  galley_options_set(o.p, "to", "jats");
  const std::string page = "<html><body><article><h1>T</h1><p>One two three four five six seven.</p></article></body></html>";
  Result first;
  galley_convert(nullptr, o.p, page.data(), page.size(), &first.p);
  const std::string want = output(first.p);
  std::vector<int> same(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        galley_result* r = nullptr;
        if (galley_convert(nullptr, o.p, page.data(), page.size(), &r) == GALLEY_OK && output(r) == want) ++same[t];
        galley_result_free(r);
      }
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) BOOST_TEST(same[t] == 25);
}

BOOST_AUTO_TEST_SUITE_END()
