// Bytes -> NFC UTF-8 text with LF line ends: what every text reader (plain,
// markdown) does first.
#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

#include "galley/error.hpp"
#include "galley/text.hpp"

namespace galley {

namespace {

bool is_utf8_name(std::string e) {
  for (auto& c : e) c = char(std::tolower((unsigned char)c));
  return e.empty() || e == "utf-8" || e == "utf8";
}

// UTF-16 -> UTF-8 by hand: unpaired surrogates become U+FFFD (counted).
std::string from_utf16(std::string_view b, bool little, std::size_t& bad, std::size_t& first_bad) {
  std::string out;
  out.reserve(b.size() * 3 / 2);
  auto unit = [&](std::size_t i) -> char32_t {
    unsigned char x = (unsigned char)b[i], y = (unsigned char)b[i + 1];
    return little ? char32_t(x | (y << 8)) : char32_t((x << 8) | y);
  };
  std::size_t i = 0, n = b.size() & ~std::size_t(1);
  while (i < n) {
    char32_t u = unit(i);
    if (u < 0x80) { out.push_back(char(u)); i += 2; continue; }
    if (u >= 0xD800 && u <= 0xDBFF && i + 4 <= n) {
      char32_t v = unit(i + 2);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
        i += 4;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      if (!bad++) first_bad = i;
      append_utf8(out, 0xFFFD);
    } else {
      append_utf8(out, u);
    }
    i += 2;
  }
  if (b.size() & 1) {
    if (!bad++) first_bad = b.size() - 1;
    append_utf8(out, 0xFFFD);
  }
  return out;
}

std::string via_iconv(std::string_view b, const std::string& encoding, std::size_t& bad, std::size_t& first_bad) {
  iconv_t cd = iconv_open("UTF-8", encoding.c_str());
  if (cd == (iconv_t)-1)
    throw UsageError("galley.plain.encoding", "unknown input encoding '" + encoding + "'");
  std::string out;
  out.resize(b.size() * 4 + 16);
  char* in = const_cast<char*>(b.data());
  std::size_t inleft = b.size();
  char* op = out.data();
  std::size_t outleft = out.size();
  while (inleft > 0) {
    std::size_t r = iconv(cd, &in, &inleft, &op, &outleft);
    if (r != (std::size_t)-1) break;
    if (errno == E2BIG) {
      std::size_t used = op - out.data();
      out.resize(out.size() * 2);
      op = out.data() + used;
      outleft = out.size() - used;
      continue;
    }
    // EILSEQ / EINVAL: one bad byte -> U+FFFD
    if (!bad++) first_bad = b.size() - inleft;
    if (outleft < 8) {
      std::size_t used = op - out.data();
      out.resize(out.size() * 2);
      op = out.data() + used;
      outleft = out.size() - used;
    }
    std::memcpy(op, "\xEF\xBF\xBD", 3);
    op += 3;
    outleft -= 3;
    ++in;
    --inleft;
  }
  // flush shift state (stateful encodings)
  iconv(cd, nullptr, nullptr, &op, &outleft);
  out.resize(op - out.data());
  iconv_close(cd);
  return out;
}

}  // namespace


std::string decode_text(std::string_view bytes, const std::string& encoding, Diagnostics& diag) {
  std::string text;
  std::size_t bad = 0, first_bad = 0;
  bool explicit_enc = !is_utf8_name(encoding);
  std::string enc_lower = encoding;
  for (auto& c : enc_lower) c = char(std::tolower((unsigned char)c));
  if (bytes.size() >= 3 && (unsigned char)bytes[0] == 0xEF && (unsigned char)bytes[1] == 0xBB &&
      (unsigned char)bytes[2] == 0xBF) {
    text.assign(bytes.substr(3));
  } else if (bytes.size() >= 2 && (unsigned char)bytes[0] == 0xFF && (unsigned char)bytes[1] == 0xFE &&
             (!explicit_enc || enc_lower.rfind("utf-16", 0) == 0)) {
    text = from_utf16(bytes.substr(2), true, bad, first_bad);
    if (bad) first_bad += 2;
  } else if (bytes.size() >= 2 && (unsigned char)bytes[0] == 0xFE && (unsigned char)bytes[1] == 0xFF &&
             (!explicit_enc || enc_lower.rfind("utf-16", 0) == 0)) {
    text = from_utf16(bytes.substr(2), false, bad, first_bad);
    if (bad) first_bad += 2;
  } else if (explicit_enc && (enc_lower == "utf-16le" || enc_lower == "utf-16be")) {
    text = from_utf16(bytes, enc_lower == "utf-16le", bad, first_bad);
  } else if (explicit_enc) {
    text = via_iconv(bytes, encoding, bad, first_bad);
  } else if (auto guess = guess_utf16(bytes)) {
    diag.warn("guessed-encoding", "input: no BOM but the NUL bytes look like " + *guess + "; decoding as " + *guess);
    text = from_utf16(bytes, *guess == "UTF-16LE", bad, first_bad);
  } else {
    text.assign(bytes);
  }
  if (bad)
    diag.warn("invalid-encoding", "input: " + std::to_string(bad) + " invalid byte sequence(s) replaced by U+FFFD, first at byte offset " +
                                      std::to_string(first_bad));

  // NUL bytes, CR / CRLF line ends, a BOM left inside (UTF-16 text), in one pass.
  std::size_t nuls = 0, first_nul = 0;
  bool clean = std::memchr(text.data(), '\r', text.size()) == nullptr &&
               std::memchr(text.data(), '\0', text.size()) == nullptr &&
               !(text.size() >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
                 (unsigned char)text[2] == 0xBF);
  if (!clean) {
    std::string out;
    out.reserve(text.size());
    const char* p = text.data();
    std::size_t n = text.size();
    std::size_t i = 0;
    if (n >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF) i = 3;
    for (; i < n; ++i) {
      char c = p[i];
      if (c == '\r') {
        out.push_back('\n');
        if (i + 1 < n && p[i + 1] == '\n') ++i;
      } else if (c == '\0') {
        if (!nuls++) first_nul = i;
      } else {
        out.push_back(c);
      }
    }
    text.swap(out);
  }
  if (nuls)
    diag.warn("nul-byte", "input: " + std::to_string(nuls) + " NUL byte(s) removed, first at offset " + std::to_string(first_nul));
  // One quick pass decides most texts: what nfc_quick_prefix() accepts is valid UTF-8
  // and NFC. Where it stops, only that line goes through utf8proc (the slow part) and
  // the scan resumes on the next line; invalid UTF-8 anywhere sends the whole text
  // through repair first (one warning for the document).
  std::string out;
  std::size_t done = 0, pos = 0, n = text.size();
  bool repaired = false;
  while (pos < n) {
    std::size_t q = pos + nfc_quick_prefix(std::string_view(text).substr(pos));
    if (q >= n) break;
    std::size_t ls = q == 0 ? std::string::npos : text.rfind('\n', q - 1);
    ls = ls == std::string::npos ? 0 : ls + 1;
    std::size_t le = text.find('\n', q);
    le = le == std::string::npos ? n : le + 1;
    std::string_view line = std::string_view(text).substr(ls, le - ls);
    if (!repaired && !valid_utf8(line)) {
      // start again on the repaired text; every line is valid from here on
      text = repair_utf8(text, diag, "input");
      out.clear();
      done = pos = 0;
      n = text.size();
      repaired = true;
      continue;
    }
    if (out.empty()) out.reserve(n + n / 16);
    out.append(text, done, ls - done);
    out.append(nfc(line));
    done = pos = le;
  }
  if (done > 0) {
    out.append(text, done, std::string::npos);
    text.swap(out);
  }
  return text;
}

}  // namespace galley
