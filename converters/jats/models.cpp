// Content-model tables built once from models.inc.
#include "jats/models.hpp"

#include <array>
#include <bitset>
#include <cstring>
#include <string_view>

namespace galley::jats {
namespace {

constexpr std::size_t kCount = static_cast<std::size_t>(El::count_);
static_assert(kCount <= 128, "widen the bitset");

constexpr const char* kNames[] = {
#define X(e, n) n,
#include "jats/elements.def"
#undef X
};

struct ModelRow {
  int tag_set;
  const char* element;
  bool text;
  const char* children;
};
constexpr ModelRow kRows[] = {
#include "jats/models.inc"
};

struct Model {
  bool declared = false;
  bool text = false;
  std::bitset<128> children;
};
using Tables = std::array<std::array<Model, kCount>, 3>;

int index_of(std::string_view name) {
  for (std::size_t i = 0; i < kCount; ++i)
    if (name == kNames[i]) return static_cast<int>(i);
  return -1;
}

Tables build() {
  Tables t{};
  for (const ModelRow& r : kRows) {
    int e = index_of(r.element);
    if (e < 0) continue;
    Model& m = t[r.tag_set][e];
    m.declared = true;
    m.text = r.text;
    std::string_view rest(r.children);
    while (!rest.empty()) {
      auto sp = rest.find(' ');
      int c = index_of(rest.substr(0, sp));
      if (c >= 0) m.children.set(c);
      if (sp == std::string_view::npos) break;
      rest.remove_prefix(sp + 1);
    }
  }
  return t;
}

const Tables& tables() {
  static const Tables t = build();
  return t;
}

}  // namespace

const char* element_name(El e) { return kNames[static_cast<std::size_t>(e)]; }

bool allows(TagSet ts, El parent, El child) {
  return tables()[static_cast<int>(ts)][static_cast<std::size_t>(parent)].children.test(static_cast<std::size_t>(child));
}
bool allows_text(TagSet ts, El e) { return tables()[static_cast<int>(ts)][static_cast<std::size_t>(e)].text; }
bool declared(TagSet ts, El e) { return tables()[static_cast<int>(ts)][static_cast<std::size_t>(e)].declared; }

}  // namespace galley::jats
