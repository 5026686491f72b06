#include <galley/galley.hpp>

#include <iostream>

int main() {
  galley::Diagnostics diag;
  galley::ConvertOptions o;
  o.from = "json";
  o.to = "plain";
  std::string out = galley::convert(
      R"({"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"Para","c":[{"t":"Str","c":"consumed"}]}]})", o, diag);
  std::cout << out << "galley " << galley::version << "\n";
  return out == "consumed\n" ? 0 : 1;
}
