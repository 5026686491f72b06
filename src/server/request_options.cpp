// Query strings and JSON bodies -> the CLI's arguments -> ConvertOptions.
#include "server/request_options.hpp"

#include <cctype>

#include <nlohmann/json.hpp>

#include "galley/error.hpp"
#include "galley/text.hpp"

namespace galley::server {

namespace {

[[noreturn]] void bad_option(const std::string& msg) { throw UsageError("galley.server.option", msg); }

// A query string's value: '+' is a space; a broken escape or a NUL byte is refused
// (a lenient decode would hand the option parser something the client did not send).
std::string query_decode(std::string_view s) {
  PercentDecoded d = percent_decode(s, /*plus_is_space=*/true);
  if (d.malformed)
    throw UsageError("galley.server.query", "a '%' escape is cut short or not hexadecimal in the query string");
  std::string out = std::move(d.text);
  if (out.find('\0') != std::string::npos) throw UsageError("galley.server.query", "a NUL byte in the query string");
  return out;
}

// Query/JSON names -> the CLI's long options. Flags take no value; everything
// here reads no file and runs no program (no --filter, --css, --metadata-file,
// --resource-root, --pdf-engine, --epub-cover-image).
struct Known { const char* name; const char* option; bool flag; };
constexpr Known known[] = {
    {"from", "from", false},           {"to", "to", false},
    {"standalone", "standalone", true}, {"toc", "toc", true},
    {"source_url", "source-url", false}, {"source-url", "source-url", false},
    {"encoding", "encoding", false},   {"columns", "columns", false},
    {"wrap", "wrap", false},           {"pandoc_api", "pandoc-api", false},
    {"pandoc-api", "pandoc-api", false}, {"split_level", "split-level", false},
    {"split-level", "split-level", false}, {"max_nesting", "max-nesting", false},
    {"max-nesting", "max-nesting", false}};

bool flag_value(const std::string& name, const std::string& v) {
  if (v.empty() || v == "true" || v == "1" || v == "yes") return true;
  if (v == "false" || v == "0" || v == "no") return false;
  bad_option("parameter " + name + " is true or false, not '" + v + "'");
}

// A file name for the reader's guess and the package's source/ entry: no folders,
// nothing a shell, a header or a bag manifest could misread.
std::string checked_file_name(const std::string& v) {
  if (v.empty() || v.size() > 200 || v == "." || v == "..") bad_option("parameter filename needs a plain file name");
  for (unsigned char c : v)
    if (!(std::isalnum(c) || c == '.' || c == '_' || c == '-'))
      bad_option("parameter filename may hold letters, digits, '.', '_' and '-' only");
  return v;
}

std::string json_scalar(const std::string& key, const nlohmann::ordered_json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
  throw InputError("galley.json.shape", "field " + key + " must be a string, a number or true/false");
}

}  // namespace

std::vector<Param> parse_query(std::string_view query) {
  std::vector<Param> out;
  std::size_t start = 0;
  while (start < query.size()) {
    std::size_t amp = query.find('&', start);
    std::string_view part = query.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
    if (!part.empty()) {
      std::size_t eq = part.find('=');
      if (eq == std::string_view::npos) out.emplace_back(query_decode(part), "");
      else out.emplace_back(query_decode(part.substr(0, eq)), query_decode(part.substr(eq + 1)));
    }
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  return out;
}

std::vector<Param> parse_json_body(std::string_view body, std::string* text) {
  // Ordered: fields apply in the order sent, as repeated CLI options do (the last wins).
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(body.begin(), body.end(), nullptr, false);
  if (j.is_discarded()) throw InputError("galley.json.parse", "the request body is not JSON");
  if (!j.is_object()) throw InputError("galley.json.shape", "the request body must be a JSON object with a \"text\" field");
  auto t = j.find("text");
  if (t == j.end() || !t->is_string()) throw InputError("galley.json.shape", "the request needs a \"text\" field holding a string");
  *text = t->get<std::string>();
  std::vector<Param> out;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() == "text") continue;
    if (it->is_object()) {
      // "metadata": {...} and "variables": {...} (pandoc-server's name) as metadata.K / variable.K
      std::string prefix = it.key() == "variables" ? "variable" : it.key();
      for (auto kv = it->begin(); kv != it->end(); ++kv)
        out.emplace_back(prefix + "." + kv.key(), json_scalar(it.key() + "." + kv.key(), *kv));
    } else if (it->is_null()) {
      continue;  // pandoc-server clients send null for "not set"
    } else {
      out.emplace_back(it.key(), json_scalar(it.key(), *it));
    }
  }
  return out;
}

RequestArgs decode_args(const std::vector<Param>& params, const Policy& policy) {
  RequestArgs r;
  std::vector<std::string> argv{"galley"};
  for (auto& [name, value] : params) {
    if (name == "filename") { r.input_name = checked_file_name(value); continue; }
    bool meta = name.rfind("metadata.", 0) == 0, var = name.rfind("variable.", 0) == 0;
    if (meta || var) {
      std::string key = name.substr(name.find('.') + 1);
      // The CLI splits KEY=VALUE at the first '=' or ':'; a key holding one would be cut.
      if (key.empty() || key.find_first_of("=:") != std::string::npos)
        bad_option("parameter " + name + ": the key must be a name without '=' or ':'");
      argv.push_back(std::string(meta ? "--metadata=" : "--variable=") + key + "=" + value);
      continue;
    }
    const Known* k = nullptr;
    for (auto& c : known) if (name == c.name) k = &c;
    if (!k) bad_option("the server takes no parameter '" + name + "'");
    if (k->flag) {
      if (flag_value(name, value)) argv.push_back(std::string("--") + k->option);
    } else {
      argv.push_back(std::string("--") + k->option + "=" + value);
    }
  }
  std::vector<char*> ptrs;
  for (auto& a : argv) ptrs.push_back(a.data());
  r.args = cli::parse_args(static_cast<int>(ptrs.size()), ptrs.data());
  if (r.args.max_nesting && *r.args.max_nesting > policy.max_nesting)
    bad_option("max-nesting may be at most " + std::to_string(policy.max_nesting) + " here");
  // The server's limits, whatever was asked.
  r.args.max_input_size = policy.max_input_bytes;
  if (!r.args.max_nesting) r.args.max_nesting = policy.max_nesting;
  return r;
}

RequestConversion prepare_conversion(const RequestArgs& request, const Policy& policy, const Registry& registry,
                                     bool with_writer) {
  RequestConversion c;
  c.settings = cli::prepare_settings(request.args, registry);
  Resources only_root;
  only_root.root = policy.resource_root;
  c.settings.resources = only_root;
  if (c.settings.from.size() > 1) bad_option("one input format, please");
  c.from = cli::reader_spec_for(c.settings, request.input_name, true);
  registry.reader_for(c.from);
  if (with_writer) {
    c.to = parse_format_spec(request.args.to.empty() ? registry.default_writer() : request.args.to);
    c.writer = &registry.writer_for(c.to);
  }
  c.options = cli::convert_options(c.settings, request.input_name, c.from, c.to);
  return c;
}

}  // namespace galley::server
