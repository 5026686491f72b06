// Lines -> logical units. Detects per document whether lines are hard-wrapped
// (joined into paragraphs) or one paragraph per line, with or without blank lines.
#include <algorithm>
#include <string>
#include <vector>

#include "galley/detail/swar.hpp"
#include "galley/text.hpp"
#include "plain/reader_detail.hpp"

namespace galley::plain::detail {

std::size_t cp_len(std::string_view s) {
  // every byte that is not a continuation byte starts a code point
  std::size_t i = 0, n = s.size(), cps = 0;
  namespace sw = galley::detail::swar;
#if GALLEY_SSE2
  cps = sw::count16(s.data(), n, i, [](__m128i x) {  // counts continuation bytes
    return _mm_cmpeq_epi8(_mm_and_si128(x, _mm_set1_epi8(char(0xC0))), _mm_set1_epi8(char(0x80))); });
  cps = i - cps;
#else
  if constexpr (sw::kSwarLittleEndian)
    for (; i + 8 <= n; i += 8) cps += 8 - sw::count(sw::continuation(sw::load8(s.data() + i)));
#endif
  for (; i < n; ++i) cps += ((unsigned char)s[i] & 0xC0) != 0x80;
  return cps;
}

namespace {

struct Line {
  std::string_view text;  // trimmed
  bool indented = false;
  bool blank = false;
  std::size_t len = 0;  // code points
  ListKind list = ListKind::None;
  int number = 0;
  char delim = 0;
  std::size_t body = 0;  // offset of the item text after the marker
};

void detect_marker(Line& l) {
  std::string_view s = l.text;
  auto space_after = [&](std::size_t k) { return k < s.size() && (s[k] == ' ' || s[k] == '\t'); };
  if (s.size() >= 3 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && space_after(1)) {
    l.list = ListKind::Bullet;
    l.body = 2;
  } else if (s.rfind("\xE2\x80\xA2", 0) == 0 && s.size() > 4 && space_after(3)) {  // •
    l.list = ListKind::Bullet;
    l.body = 4;
  } else {
    std::size_t k = 0;
    while (k < s.size() && k < 4 && s[k] >= '0' && s[k] <= '9') ++k;
    if (k >= 1 && k <= 3 && k + 2 < s.size() && (s[k] == '.' || s[k] == ')') && space_after(k + 1)) {
      l.list = ListKind::Ordered;
      l.number = std::stoi(std::string(s.substr(0, k)));
      l.delim = s[k];
      l.body = k + 2;
    }
  }
  if (l.list != ListKind::None) {
    while (l.body < s.size() && (s[l.body] == ' ' || s[l.body] == '\t')) ++l.body;
    if (l.body >= s.size()) l.list = ListKind::None;
  }
}

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

}  // namespace

std::vector<Unit> layout(std::string_view text, bool detect_lists, Rewrites& rw) {
  std::vector<Line> lines;
  {
    std::size_t pos = 0;
    while (pos <= text.size()) {
      std::size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view raw = text.substr(pos, nl - pos);
      Line l;
      l.indented = !raw.empty() && is_ws(raw[0]);
      l.text = trim(raw);
      l.blank = l.text.empty();
      if (!l.blank) {
        l.len = cp_len(l.text);
        if (detect_lists) detect_marker(l);
      }
      lines.push_back(l);
      if (nl == text.size()) break;
      pos = nl + 1;
    }
  }

  // Is the document hard-wrapped? Look at the 90th percentile line length and at how
  // often a long line without final punctuation is followed by a lower-case line.
  bool wrapped = false;
  std::size_t W = 0;
  {
    std::vector<std::size_t> lens;
    for (auto& l : lines)
      if (!l.blank) lens.push_back(l.len);
    if (lens.size() >= 3) {
      std::size_t k = lens.size() * 9 / 10;
      if (k >= lens.size()) k = lens.size() - 1;
      std::nth_element(lens.begin(), lens.begin() + k, lens.end());
      W = lens[k];
      if (W >= 30 && W <= 110) {
        std::size_t cand = 0, lower = 0;
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
          auto& a = lines[i];
          auto& b = lines[i + 1];
          if (a.blank || b.blank || b.list != ListKind::None) continue;
          if (a.len + 20 >= W && !ends_with_sentence_punct(a.text)) {
            ++cand;
            if (starts_lower(b.text)) ++lower;
          }
        }
        wrapped = cand >= 2 && lower * 10 >= cand * 3;
      }
    }
  }

  std::vector<Unit> units;
  bool after_blank = true;
  bool open = false;        // the last unit may take continuation lines
  const Line* prev = nullptr;
  std::size_t joins = 0;
  for (auto& l : lines) {
    if (l.blank) {
      after_blank = true;
      open = false;
      prev = nullptr;
      continue;
    }
    bool join = false;
    if (open && prev && l.list == ListKind::None) {
      bool prev_item = units.back().list != ListKind::None;
      bool cont_lower = starts_lower(l.text) && !ends_with_sentence_punct(prev->text) && prev->len >= 40 &&
                        !(l.len <= 60 && byline_line(l.text)) &&
                        !(l.len <= 80 && (parse_date_line(l.text) || yearless_date_line(l.text)));
      if (prev_item) {
        join = l.indented || (wrapped && prev->len + 20 >= W) || cont_lower;
      } else if (wrapped) {
        join = prev->len + 20 >= W || cont_lower;
      } else {
        join = cont_lower;
      }
    }
    if (join) {
      std::string& t = units.back().text;
      if (!t.empty() && t.back() == '-' && starts_lower(l.text) && t.size() >= 2 && t[t.size() - 2] != ' ') {
        // hyphen at the wrap: keep the hyphen, no space
      } else {
        t.push_back(' ');
      }
      t.append(l.text);
      ++joins;
    } else {
      Unit u;
      u.after_blank = after_blank;
      u.list = l.list;
      u.number = l.number;
      u.delim = l.delim;
      if (l.list != ListKind::None) u.marker.assign(l.text.substr(0, l.body));
      u.text.assign(l.list != ListKind::None ? l.text.substr(l.body) : l.text);
      units.push_back(std::move(u));
    }
    after_blank = false;
    open = true;
    prev = &l;
  }
  rw.add("join-lines", joins);

  // A lone list marker is not a list: keep the line as it was.
  for (std::size_t i = 0; i < units.size(); ++i) {
    Unit& u = units[i];
    if (u.list == ListKind::None) continue;
    bool before = i > 0 && units[i - 1].list == u.list && (u.list == ListKind::Bullet || units[i - 1].delim == u.delim);
    bool after = i + 1 < units.size() && units[i + 1].list == u.list &&
                 (u.list == ListKind::Bullet || units[i + 1].delim == u.delim);
    if (!before && !after) u.list = ListKind::None;  // text already lost its marker: restore below
    if (u.list == ListKind::None) {
      u.text = u.marker + u.text;
      u.number = 0;
      u.delim = 0;
    }
  }
  return units;
}

}  // namespace galley::plain::detail
