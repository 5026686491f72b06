// text(): split a string into Str/Space/SoftBreak exactly as pandoc does.
#include "galley/builder.hpp"

namespace galley {

Inlines text(std::string_view s) {
  Inlines out;
  std::size_t i = 0, n = s.size();
  while (i < n) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      bool newline = false;
      while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) {
        if (s[i] == '\n') newline = true;
        ++i;
      }
      if (!out.empty() && i < n) {
        if (newline) out.emplace_back(SoftBreak{});
        else out.emplace_back(Space{});
      }
      continue;
    }
    std::size_t start = i;
    while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') ++i;
    out.emplace_back(Str{std::string(s.substr(start, i - start))});
  }
  return out;
}

}  // namespace galley
