// Bytes -> libxml2 HTML DOM: encoding detection and decoding, safe parser
// options, parser messages captured as diagnostics, truncation checks.
#include <iconv.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <cerrno>
#include <cstring>

#include "galley/error.hpp"
#include "galley/text.hpp"
#include "html/internal.hpp"
#include "html/rawtext.hpp"

namespace galley::html {
namespace {

std::string_view strip_bom(std::string_view s) {
  if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xEF && static_cast<unsigned char>(s[1]) == 0xBB &&
      static_cast<unsigned char>(s[2]) == 0xBF)
    s.remove_prefix(3);
  return s;
}

std::string canonical_encoding(std::string enc) {
  enc = lower(enc);
  while (!enc.empty() && (is_space(enc.back()) || enc.back() == '"' || enc.back() == '\'')) enc.pop_back();
  // Encoding labels are ASCII letters, digits and a few signs. Anything else is
  // no encoding (and must not reach iconv, which ignores characters it does not
  // know in names, nor a message, which must stay UTF-8: a fuzz finding).
  for (char c : enc)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':' || c == '(' ||
          c == ')'))
      return "(not an encoding name)";
  // WHATWG Encoding Standard labels: Latin-1 and ASCII mean windows-1252.
  if (enc == "iso-8859-1" || enc == "latin1" || enc == "iso8859-1" || enc == "us-ascii" || enc == "ascii" ||
      enc == "l1" || enc == "cp1252" || enc == "iso_8859-1" || enc == "x-cp1252")
    return "windows-1252";
  if (enc == "utf8" || enc == "unicode-1-1-utf-8") return "utf-8";
  if (enc == "gb2312" || enc == "gbk" || enc == "x-gbk") return "gb18030";
  if (enc == "x-sjis" || enc == "sjis" || enc == "ms_kanji") return "shift_jis";
  if (enc == "unicode" || enc == "utf-16") return "utf-16le";
  return enc;
}

// Find charset=... after position `i` in `s` (inside one tag).
std::string charset_in(std::string_view tag) {
  std::size_t p = 0;
  while (true) {
    std::size_t found = std::string_view::npos;
    for (std::size_t i = p; i + 7 <= tag.size(); ++i)
      if (iequals(tag.substr(i, 7), "charset")) {
        found = i;
        break;
      }
    if (found == std::string_view::npos) return {};
    std::size_t i = found + 7;
    while (i < tag.size() && is_space(tag[i])) ++i;
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      while (i < tag.size() && (is_space(tag[i]) || tag[i] == '"' || tag[i] == '\'')) ++i;
      std::size_t s = i;
      while (i < tag.size() && !is_space(tag[i]) && tag[i] != '"' && tag[i] != '\'' && tag[i] != ';' && tag[i] != '>' &&
             tag[i] != '/')
        ++i;
      if (i > s) return std::string(tag.substr(s, i - s));
    }
    p = found + 7;
  }
}

struct ErrorSink {
  Diagnostics* diag = nullptr;
  std::size_t count = 0;
  bool depth = false, huge = false;
};

void on_error(void* ctx, xmlError* err) {
  auto* sink = static_cast<ErrorSink*>(ctx);
  if (!sink || !err) return;
  ++sink->count;
  std::string msg = err->message ? err->message : "";
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  if (msg.find("Excessive depth") != std::string::npos) sink->depth = true;
  if (msg.find("huge text node") != std::string::npos) sink->huge = true;
  if (sink->count <= 20)
    sink->diag->info("html-parse", "line " + std::to_string(err->line) + ": " + msg);
}

// Decode `in` from `enc` to UTF-8 with iconv; undecodable bytes -> U+FFFD.
bool transcode(std::string_view in, const std::string& enc, std::string& out, std::size_t& bad) {
  iconv_t cd = iconv_open("UTF-8", enc.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.clear();
  out.reserve(in.size() + in.size() / 2);
  char buf[16384];
  char* ip = const_cast<char*>(in.data());
  std::size_t il = in.size();
  while (il > 0) {
    char* op = buf;
    std::size_t ol = sizeof buf;
    std::size_t r = iconv(cd, &ip, &il, &op, &ol);
    out.append(buf, static_cast<std::size_t>(op - buf));
    if (r == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) continue;
      // EILSEQ or EINVAL (truncated at the end): replace one byte.
      out += "\xEF\xBF\xBD";
      ++bad;
      ++ip;
      --il;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  }
  char* op = buf;
  std::size_t ol = sizeof buf;
  iconv(cd, nullptr, nullptr, &op, &ol);
  out.append(buf, static_cast<std::size_t>(op - buf));
  iconv_close(cd);
  return true;
}

}  // namespace

std::string sniff_encoding(std::string_view s) {
  auto u = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  if (s.size() >= 3 && u(0) == 0xEF && u(1) == 0xBB && u(2) == 0xBF) return "utf-8";
  if (s.size() >= 2 && u(0) == 0xFF && u(1) == 0xFE) return "utf-16le";
  if (s.size() >= 2 && u(0) == 0xFE && u(1) == 0xFF) return "utf-16be";
  // Prescan (like the HTML spec's): the first 4 KiB, <meta charset> or http-equiv content.
  std::string_view head = s.substr(0, std::min<std::size_t>(s.size(), 4096));
  std::size_t i = 0;
  while (i < head.size()) {
    std::size_t lt = head.find('<', i);
    if (lt == std::string_view::npos) break;
    if (head.substr(lt, 4) == "<!--") {
      auto end = head.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    std::size_t gt = head.find('>', lt);
    if (gt == std::string_view::npos) break;
    std::string_view tag = head.substr(lt, gt - lt);
    if (tag.size() > 5 && iequals(tag.substr(1, 4), "meta") && (is_space(tag[5]) || tag[5] == '/')) {
      std::string cs = charset_in(tag);
      if (!cs.empty()) return canonical_encoding(cs);
    }
    i = gt + 1;
  }
  return {};
}

Parsed parse_html(std::string_view input, const ReaderOptions& options, Diagnostics& diag) {
  Parsed result;
  std::string enc = options.encoding.empty() ? sniff_encoding(input) : canonical_encoding(options.encoding);
  // No BOM, but the NUL-byte pattern of UTF-16 (a <meta> prescan cannot see through it).
  if (options.encoding.empty() && enc != "utf-16le" && enc != "utf-16be") {
    if (auto guess = guess_utf16(input)) {
      enc = *guess == "UTF-16LE" ? "utf-16le" : "utf-16be";
      diag.warn("guessed-encoding", "no BOM but the NUL bytes look like " + *guess + "; decoding as " + *guess);
    }
  }
  if (enc.empty()) enc = "utf-8";
  // A page saved as UTF-8 often keeps its old <meta charset>: bytes that are
  // valid UTF-8 with multi-byte sequences are UTF-8 whatever the <meta> says.
  if (options.encoding.empty() && enc != "utf-8" && enc != "utf-16le" && enc != "utf-16be") {
    bool non_ascii = false;
    for (char c : input)
      if (static_cast<unsigned char>(c) >= 0x80) {
        non_ascii = true;
        break;
      }
    if (non_ascii && valid_utf8(strip_bom(input))) {
      diag.info("encoding", "declared " + enc + " but the bytes are valid UTF-8; reading as UTF-8");
      enc = "utf-8";
    }
  }
  // A BOM overrides a <meta> declaration (HTML spec) unless the user said otherwise.
  if (options.encoding.empty()) {
    auto u = [&](std::size_t i) { return static_cast<unsigned char>(input[i]); };
    if (input.size() >= 2 && ((u(0) == 0xFF && u(1) == 0xFE) || (u(0) == 0xFE && u(1) == 0xFF))) {
      input.remove_prefix(2);
    }
  }
  std::string decoded;
  std::string_view text;
  if (enc == "utf-8") {
    text = strip_bom(input);
    if (!valid_utf8(text)) {
      decoded = repair_utf8(text, diag, options.input_name.empty() ? "html" : options.input_name);
      text = decoded;
    }
  } else {
    std::size_t bad = 0;
    if (!transcode(input, enc == "utf-16le" || enc == "utf-16be" ? enc : enc, decoded, bad)) {
      diag.warn("unknown-encoding", "encoding '" + enc + "' is not supported; reading as UTF-8");
      enc = "utf-8";
      text = strip_bom(input);
      if (!valid_utf8(text)) {
        decoded = repair_utf8(text, diag, "html");
        text = decoded;
      }
    } else {
      if (bad)
        diag.warn("invalid-encoding", std::to_string(bad) + " byte(s) not valid in " + enc +
                                          " replaced with U+FFFD");
      // iconv's output is not always valid UTF-8 (glibc passes the old 5- and
      // 6-byte forms through): check it like any other text.
      if (!valid_utf8(decoded)) decoded = repair_utf8(decoded, diag, "html");
      text = strip_bom(decoded);
    }
  }
  result.encoding = enc;
  // HTML5's raw-text elements (script, style, xmp, textarea, title, ...) rewritten so that
  // libxml2, which ends a script at any "</" + letter, reads them as HTML5 does (rawtext.hpp).
  std::string neutral;
  if (neutralise_raw_text(text, neutral)) text = neutral;
  if (text.size() > static_cast<std::size_t>(INT32_MAX))
    throw InputError("galley.html.too-large", "HTML input larger than 2 GiB");

  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (!ctxt) throw InputError("galley.html.parser", "cannot create the HTML parser");
  ErrorSink sink;
  sink.diag = &diag;
  xmlSetStructuredErrorFunc(&sink, on_error);
  int opts = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | XML_PARSE_HUGE |
             HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
  xmlDoc* doc = htmlCtxtReadMemory(ctxt, text.data(), static_cast<int>(text.size()),
                                   options.input_name.empty() ? nullptr : options.input_name.c_str(), "UTF-8", opts);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  htmlFreeParserCtxt(ctxt);
  if (!doc) throw InputError("galley.html.parse", "libxml2 could not parse the HTML input");
  result.doc.reset(doc);
  result.parse_errors = sink.count;
  if (sink.count > 20)
    diag.info("html-parse", std::to_string(sink.count) + " HTML parser messages in all (first 20 shown)");
  if (sink.depth)
    diag.warn("truncated-input", "the HTML parser stopped at excessive nesting depth; content after it is missing");
  if (sink.huge)
    diag.warn("truncated-input", "the HTML parser hit its text size limit; a text node was shortened");
  return result;
}

}  // namespace galley::html
