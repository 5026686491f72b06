// The lexical layer of the Pandoc JSON reader (json_reader.cpp): a pull lexer
// over the text, with the JSON path of the value being read kept on the C++ stack
// for messages. Header-only so that its small functions inline into the reader.
#pragma once
#include <array>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "galley/detail/swar.hpp"
#include "galley/error.hpp"
#include "galley/options.hpp"
#include "galley/text.hpp"

namespace galley::pandoc_json {

// The JSON path as a chain of frames on the C++ stack: the happy path builds no strings.
struct Path {
  const Path* parent;
  const char* key;  // object key, or nullptr for an array index
  std::size_t index;
  std::string str() const {
    std::string s = parent ? parent->str() : "$";
    if (key) { s += '.'; s += key; }
    else if (parent) { s += '['; s += std::to_string(index); s += ']'; }
    return s;
  }
  Path at(std::size_t i) const { return Path{this, nullptr, i}; }
  Path field(const char* k) const { return Path{this, k, 0}; }
};

class Lexer {
 public:
  Lexer(std::string_view text, const Limits& limits) : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), limits_(limits) {}

  // ---- lexical layer ----
  [[noreturn]] void syntax(const char* what) {
    throw InputError("galley.json.parse", std::string("malformed JSON at byte ") + std::to_string(p_ - begin_) + ": " + what);
  }
  [[noreturn]] void bad(const Path& path, const std::string& what) {
    throw InputError("galley.json.shape", "wrong shape at " + path.str() + ": " + what);
  }
  static bool is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
  void ws() {
    while (p_ < end_ && is_ws(*p_)) ++p_;
  }
  [[gnu::always_inline]] char peek() {
    if (p_ < end_ && !is_ws(*p_)) [[likely]] return *p_;  // writers rarely put spaces between tokens
    return peek_after_space();
  }
  [[gnu::noinline]] char peek_after_space() {
    ws();
    if (p_ >= end_) syntax("unexpected end of input");
    return *p_;
  }
  void expect(char c) {
    if (peek() != c) {
      char msg[48];
      std::snprintf(msg, sizeof msg, "expected '%c'", c);
      syntax(msg);
    }
    ++p_;
  }
  bool is_end() { ws(); return p_ >= end_; }

  void string_into(std::string& out) {
    if (p_ < end_ && *p_ == '"') [[likely]] ++p_;
    else expect('"');
    const char* start = p_;
    for (;;) {  // without escapes: one run, one append, the closing quote
      p_ = plain_run(p_, end_);
      out.append(start, static_cast<std::size_t>(p_ - start));
      if (p_ >= end_) syntax("unterminated string");
      char c = *p_++;
      if (c == '"') break;
      if (c != '\\') { --p_; syntax("control character in string"); }
      if (p_ >= end_) syntax("unterminated string");
      char e = *p_++;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          char32_t cp = hex4();
          if (cp >= 0xD800 && cp <= 0xDBFF && end_ - p_ >= 6 && p_[0] == '\\' && p_[1] == 'u') {
            const char* save = p_;
            p_ += 2;
            char32_t lo = hex4();
            if (lo >= 0xDC00 && lo <= 0xDFFF) cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            else p_ = save;
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;  // a lone surrogate cannot be UTF-8
          append_utf8(out, cp);
          break;
        }
        default: --p_; syntax("bad escape in string");
      }
      start = p_;
    }
  }
  // The end of the run of string bytes that need no attention: up to the next quote,
  // backslash or control character (or the end). 16 bytes at a time while the string
  // is long enough, then a table lookup per byte (a third of the reader's
  // instructions went to this scan).
  static const char* plain_run(const char* p, const char* end) {
#if GALLEY_SSE2
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), ctl_max = _mm_set1_epi8(0x1F);
    while (end - p >= 16) {
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                                 _mm_cmpeq_epi8(_mm_min_epu8(x, ctl_max), x));  // x <= 0x1F, unsigned
      if (int mask = _mm_movemask_epi8(hit)) return p + __builtin_ctz(static_cast<unsigned>(mask));
      p += 16;
    }
#endif
    while (p < end && !kStop[static_cast<unsigned char>(*p)]) ++p;
    return p;
  }
  static constexpr auto kStop = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[c] = true;
    t['"'] = t['\\'] = true;
    return t;
  }();

  char32_t hex4() {
    if (end_ - p_ < 4) syntax("short \\u escape");
    char32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = *p_++;
      v <<= 4;
      if (c >= '0' && c <= '9') v |= static_cast<char32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') v |= static_cast<char32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= static_cast<char32_t>(c - 'A' + 10);
      else { --p_; syntax("bad \\u escape"); }
    }
    return v;
  }
  std::string string_value(const Path& path) {
    if (peek() != '"') bad(path, std::string("expected a string, found ") + kind());
    std::string s;
    string_into(s);
    return s;
  }
  // The JSON kind of the next value, for messages.
  const char* kind() {
    switch (peek()) {
      case '"': return "a string";
      case '[': return "an array";
      case '{': return "an object";
      case 't': case 'f': return "a boolean";
      case 'n': return "null";
      default: return "a number";
    }
  }
  bool literal(const char* word) {
    std::size_t n = std::strlen(word);
    if (static_cast<std::size_t>(end_ - p_) >= n && std::memcmp(p_, word, n) == 0) { p_ += n; return true; }
    return false;
  }
  double number_value(const Path& path) {
    char c = peek();
    if (c != '-' && (c < '0' || c > '9')) bad(path, std::string("expected a number, found ") + kind());
    const char* start = p_;
    if (*p_ == '-') ++p_;
    while (p_ < end_ && ((*p_ >= '0' && *p_ <= '9') || *p_ == '.' || *p_ == 'e' || *p_ == 'E' || *p_ == '+' || *p_ == '-')) ++p_;
    std::string num(start, p_);
    char* stop = nullptr;
    double v = std::strtod(num.c_str(), &stop);
    if (!stop || *stop) { p_ = start; syntax("bad number"); }
    return v;
  }
  int int_value(const Path& path) {
    const char* start = (ws(), p_);
    {  // the usual case, a plain integer of up to 9 digits, without strtod
      const char* q = p_;
      bool neg = q < end_ && *q == '-';
      if (neg) ++q;
      long long v = 0;
      const char* digits = q;
      while (q < end_ && *q >= '0' && *q <= '9' && q - digits < 10) v = v * 10 + (*q++ - '0');
      bool ends = q == end_ || !(*q == '.' || *q == 'e' || *q == 'E' || (*q >= '0' && *q <= '9') || *q == '+' || *q == '-');
      if (q > digits && q - digits <= 9 && ends && !(q - digits > 1 && *digits == '0')) {
        p_ = q;
        return static_cast<int>(neg ? -v : v);
      }
    }
    double v = number_value(path);
    // range first: converting an out-of-range double to an integer is undefined (found by fuzzing)
    if (!(v >= -2147483648.0 && v <= 2147483647.0) || v != static_cast<double>(static_cast<long long>(v)) ||
        std::memchr(start, '.', static_cast<std::size_t>(p_ - start)))
      bad(path, "expected an integer");
    return static_cast<int>(v);
  }
  bool bool_value(const Path& path) {
    ws();
    if (literal("true")) return true;
    if (literal("false")) return false;
    bad(path, std::string("expected true or false, found ") + kind());
  }
  void skip_value(int depth = 0) {
    if (depth > 4000) syntax("nesting too deep");
    char c = peek();
    if (c == '"') { std::string tmp; string_into(tmp); return; }
    if (c == '[' || c == '{') {
      char close = c == '[' ? ']' : '}';
      ++p_;
      if (peek() == close) { ++p_; return; }
      for (;;) {
        if (c == '{') { std::string k; string_into(k); expect(':'); }
        skip_value(depth + 1);
        char d = peek();
        ++p_;
        if (d == close) return;
        if (d != ',') { --p_; syntax("expected ',' or a closing bracket"); }
      }
    }
    if (literal("true") || literal("false") || literal("null")) return;
    Path none{nullptr, nullptr, 0};
    number_value(none);
  }

  // Iterate the elements of an array: each(i) parses element i.
  template <class F>
  void array(const Path& path, F&& each) {
    if (peek() != '[') bad(path, std::string("expected an array, found ") + kind());
    ++p_;
    enter(path);
    if (peek() == ']') { ++p_; --depth_; return; }
    for (std::size_t i = 0;; ++i) {
      each(i);
      char d = peek();
      ++p_;
      if (d == ']') break;
      if (d != ',') { --p_; syntax("expected ',' or ']'"); }
    }
    --depth_;
  }
  // An array of exactly n elements, parsed by each(i).
  template <class F>
  void tuple(const Path& path, std::size_t n, F&& each) {
    std::size_t count = 0;
    array(path, [&](std::size_t i) {
      if (i >= n) bad(path, "expected an array of " + std::to_string(n) + " elements, found more");
      each(i);
      count = i + 1;
    });
    if (count != n) bad(path, "expected an array of " + std::to_string(n) + " elements, found " + std::to_string(count));
  }
  void enter(const Path& path) {
    if (++depth_ > limits_.max_nesting * 2)
      throw InputError("galley.json.depth", "nesting deeper than " + std::to_string(limits_.max_nesting * 2) +
                                                " at " + path.str() + " (--max-nesting)");
  }

  // A tagged object {"t": TAG, "c": CONTENT}. parse_c(tag, path_of_c) reads
  // the content; it is called with the tag known even when "c" comes first.
  template <class F>
  void tagged(const Path& path, F&& parse_c) {
    if (peek() != '{') bad(path, std::string("expected an object with \"t\", found ") + kind());
    ++p_;
    enter(path);
    Path cpath = path.field("c");
    // Fast path for the form every writer produces, {"t":"Tag","c":...} or
    // {"t":"Tag"}: the tag is read in place, without copying or key strings.
    // Anything else goes back to the general loop below, from the '{'.
    // Python's json.dump writes {"t": "Tag", "c": ...}: blanks are allowed around ':' and ','.
    ws();
    const char* object = p_;
    auto key_then_colon = [&](const char* key3) {  // "t" or "c", then optional blanks and ':'
      if (end_ - p_ < 3 || std::memcmp(p_, key3, 3) != 0) return false;
      p_ += 3;
      ws();
      if (p_ >= end_ || *p_ != ':') return false;
      ++p_;
      ws();
      return true;
    };
    if (key_then_colon("\"t\"") && p_ < end_ && *p_ == '"') {
      const char* tag_start = p_ + 1;
      const char* q = plain_run(tag_start, end_);
      if (q < end_) {
        std::string_view tag(tag_start, static_cast<std::size_t>(q - tag_start));
        p_ = q + 1;
        char d = *q == '"' ? peek() : 0;
        if (d == '}') {
          ++p_;
          parse_c(tag, cpath, false);
          --depth_;
          return;
        }
        if (d == ',' && (++p_, ws(), key_then_colon("\"c\""))) {
          parse_c(tag, cpath, true);
          for (std::string extra;;) {  // keys after "c" are ignored, as in the general loop
            char e = peek();
            ++p_;
            if (e == '}') break;
            if (e != ',') { --p_; syntax("expected ',' or '}'"); }
            extra.clear();
            string_into(extra);
            expect(':');
            skip_value();
          }
          --depth_;
          return;
        }
      }
    }
    p_ = object;  // not the usual form: read it key by key
    std::string tag, key;
    bool have_tag = false, have_c = false;
    const char* c_pos = nullptr;
    if (peek() != '}') {
      for (;;) {
        key.clear();
        string_into(key);
        expect(':');
        if (key == "t") {
          tag = string_value(path.field("t"));
          have_tag = true;
        } else if (key == "c") {
          have_c = true;
          if (have_tag) { parse_c(std::string_view(tag), cpath, true); }
          else { c_pos = (ws(), p_); skip_value(); }
        } else {
          skip_value();
        }
        char d = peek();
        ++p_;
        if (d == '}') break;
        if (d != ',') { --p_; syntax("expected ',' or '}'"); }
      }
    } else {
      ++p_;
    }
    if (!have_tag) bad(path, "missing \"t\" tag");
    if (c_pos) {
      const char* resume = p_;
      p_ = c_pos;
      parse_c(std::string_view(tag), cpath, true);
      p_ = resume;
    } else if (!have_c) {
      parse_c(std::string_view(tag), cpath, false);
    }
    --depth_;
  }
  std::string simple_tag(const Path& path) {
    std::string out;
    tagged(path, [&](std::string_view t, const Path&, bool has_c) {
      out = std::string(t);
      if (has_c) skip_value();
    });
    return out;
  }

 protected:
  const char* begin_;
  const char* p_;
  const char* end_;
  const Limits& limits_;
  std::size_t depth_ = 0;
};

}  // namespace galley::pandoc_json
