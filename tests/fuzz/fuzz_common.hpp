// Shared helpers for galley's libFuzzer targets (header-only, included by each fuzz_*.cpp).
#pragma once
#include <libxml/parser.h>
#include <malloc.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "galley/diagnostics.hpp"
#include "galley/options.hpp"

namespace galley_fuzz {

// An empty folder used as the resource root, so no fuzz input can make a
// reader or writer see real files (created once per process).
inline const std::string& empty_root() {
  static const std::string root = [] {
    char tmpl[] = "/tmp/galley-fuzz-root-XXXXXX";
    const char* d = ::mkdtemp(tmpl);
    return std::string(d ? d : "/nonexistent-galley-fuzz-root");
  }();
  return root;
}

// glibc returns the top of the heap to the system whenever more than 128 KiB is
// free there, and each EPUB (zlib's deflate state) frees that much: every run
// then paid for brk() shrinking, TLB flushes and page faults on regrowth (45%
// of a writers replay, perf). Keep freed memory in the process instead.
// (Under ASan its own allocator is used and mallopt does nothing.)
inline const bool keep_heap = [] {
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  mallopt(M_TOP_PAD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  return true;
}();

inline void ignore_libxml_error(void*, const char*, ...) {}

inline void quiet_libxml() {
  static bool done = [] {
    xmlInitParser();
    xmlSetGenericErrorFunc(nullptr, ignore_libxml_error);
    return true;
  }();
  (void)done;
}

// Abort with a message when `xml` is not well-formed XML. No network, no
// entity substitution, no DTD loading: we only check the syntax.
inline void require_well_formed(std::string_view xml, const char* what) {
  quiet_libxml();
  xmlDocPtr d = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "fuzz.xml", nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  if (!d) {
    const xmlError* e = xmlGetLastError();
    std::fprintf(stderr, "galley fuzz: %s output is not well-formed XML: %s\n", what, e && e->message ? e->message : "?");
    std::fwrite(xml.data(), 1, xml.size() < 4096 ? xml.size() : 4096, stderr);
    std::fputc('\n', stderr);
    std::abort();
  }
  xmlFreeDoc(d);
}

// Abort when `s` is not valid UTF-8 (every writer promises UTF-8 text).
inline void require_utf8(std::string_view s, const char* what) {
  size_t i = 0, n = s.size();
  auto bad = [&] {
    std::fprintf(stderr, "galley fuzz: %s output is not valid UTF-8 at byte %zu\n", what, i);
    std::abort();
  };
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    int len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (c >= 0xF5 || len == 0 || i + len > n) bad();
    unsigned cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (int k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) bad();
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      bad();
    i += len;
  }
}

// `s` with every invalid UTF-8 sequence replaced by U+FFFD (the AST holds UTF-8:
// readers guarantee it, so the AST-building fuzzer does too).
inline std::string to_utf8(std::string_view s) {
  std::string out;
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { out += static_cast<char>(c); ++i; continue; }
    int len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    bool ok = len > 0 && i + len <= n;
    unsigned cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (int k = 1; ok && k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (ok && ((len == 2 && cp < 0x80) || (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
               (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))))
      ok = false;
    if (!ok) { out += "\xEF\xBF\xBD"; ++i; continue; }
    out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

inline galley::ReaderOptions reader_options() {
  galley::ReaderOptions o;
  o.input_name = "fuzz";
  o.resources.root = empty_root();
  o.limits.max_nesting = 200;
  o.limits.max_resource_bytes = 1 << 16;
  return o;
}

}  // namespace galley_fuzz
