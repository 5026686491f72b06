// A request's options (query parameters, or the fields of a pandoc-server-shaped
// JSON body) turned into the pipeline's options. The decoding goes through the
// command line's own code: each option becomes the `--name=value` argument the CLI
// takes, cli::parse_args checks it, and cli::convert_options builds the
// ConvertOptions, so a request gets the bytes `galley` writes for the same options.
// Only options that touch no file and run no program are accepted.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/args.hpp"
#include "cli/article.hpp"
#include "galley/convert.hpp"
#include "galley/registry.hpp"

namespace galley::server {

// One decoded query parameter or JSON field, in request order.
using Param = std::pair<std::string, std::string>;

// "a=1&b=x%20y" -> {{"a","1"},{"b","x y"}} ('+' is a space). Throws UsageError
// "galley.server.query" on a bad percent escape or a NUL byte.
std::vector<Param> parse_query(std::string_view query);

// A JSON request body {"text": ..., "from": ..., "metadata": {...}, ...}: the text
// goes to *text, everything else to params (objects as "metadata.KEY"). Throws
// InputError "galley.json.parse" (not JSON) or "galley.json.shape" (not an object,
// no text, a field of the wrong type).
std::vector<Param> parse_json_body(std::string_view body, std::string* text);

// What the server adds to every request: where files may be read (an empty
// private folder unless --resource-root) and the input limit (the body limit).
struct Policy {
  std::string resource_root;
  std::size_t max_input_bytes = std::size_t(32) << 20;
  std::size_t max_nesting = Limits{}.max_nesting;
};

// A request's options as the command line's arguments, and the input's name (the
// `filename` parameter, a plain base name; "-" when absent, as standard input is
// to the CLI). Throws UsageError "galley.server.option" (a parameter the server
// does not take, a bad file name) or "galley.cli.usage" (a bad value, as the CLI
// says it).
struct RequestArgs {
  cli::Args args;
  std::string input_name = "-";
};
RequestArgs decode_args(const std::vector<Param>& params, const Policy& policy);

// One request's settings and pipeline options, built by the CLI's code
// (cli::prepare_settings, cli::convert_options) with the policy's resource root and
// limits. Throws UsageError "galley.format.*" for an unknown format or extension.
struct RequestConversion {
  cli::ArticleSettings settings;  // points into the RequestArgs it was made from
  FormatSpec from, to;
  ConvertOptions options;
  const WriterEntry* writer = nullptr;
};
// `with_writer` false (packages, whose -t is a list): `to` and `writer` stay empty.
RequestConversion prepare_conversion(const RequestArgs& request, const Policy& policy, const Registry& registry,
                                     bool with_writer = true);

}  // namespace galley::server
