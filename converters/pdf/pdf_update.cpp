#include "pdf/pdf_update.hpp"

#include <cstdio>
#include <cstdlib>

#include "galley/time.hpp"

namespace galley::pdf {

namespace {

bool white(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }

std::string trimmed(std::string v) {
  while (!v.empty() && white(v.front())) v.erase(0, 1);
  while (!v.empty() && white(v.back())) v.pop_back();
  return v;
}

// The value after `key` up to the next '/' or '>' ("47 0 R", "72").
std::string value_after(std::string_view dict, std::string_view key) {
  auto at = dict.find(key);
  if (at == std::string_view::npos) return {};
  at += key.size();
  auto end = dict.find_first_of("/>", at);
  return trimmed(std::string(dict.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at)));
}

}  // namespace

std::optional<Trailer> read_trailer(const std::string& pdf) {
  auto sx = pdf.rfind("startxref");
  auto tr = pdf.rfind("trailer");
  if (sx == std::string::npos || tr == std::string::npos || tr > sx) return std::nullopt;  // an xref stream
  std::string text = pdf.substr(tr, sx - tr);
  Trailer t;
  t.startxref = std::strtoll(pdf.c_str() + sx + 9, nullptr, 10);
  t.size = std::strtoll(value_after(text, "/Size").c_str(), nullptr, 10);
  t.root = value_after(text, "/Root");
  t.info = value_after(text, "/Info");
  if (auto at = text.find("/ID"); at != std::string::npos)
    if (auto end = text.find(']', at); end != std::string::npos) t.id = text.substr(at, end + 1 - at);
  if (t.startxref <= 0 || t.size <= 0 || t.root.empty()) return std::nullopt;
  return t;
}

std::optional<std::string> object_text(const std::string& pdf, long long number) {
  std::string head = std::to_string(number) + " 0 obj";
  for (std::size_t at = pdf.rfind(head); at != std::string::npos; at = at ? pdf.rfind(head, at - 1) : std::string::npos) {
    if (at > 0 && !white(pdf[at - 1])) continue;  // "112 0 obj" when looking for 12
    std::size_t begin = at + head.size();
    std::size_t end = pdf.find("endobj", begin);
    // A stream's data may hold "endobj": step over it by its direct /Length.
    std::size_t stream = pdf.find("stream", begin);
    if (stream != std::string::npos && stream < end) {
      std::string len = value_after(std::string_view(pdf).substr(begin, stream - begin), "/Length");
      if (len.empty() || len.find('R') != std::string::npos) return std::nullopt;
      std::size_t data = stream + 6;
      if (pdf.compare(data, 2, "\r\n") == 0) data += 2;
      else if (data < pdf.size() && pdf[data] == '\n') data += 1;
      end = pdf.find("endobj", data + static_cast<std::size_t>(std::strtoll(len.c_str(), nullptr, 10)));
    }
    if (end == std::string::npos) return std::nullopt;
    return pdf.substr(begin, end - begin);
  }
  return std::nullopt;
}

std::size_t dictionary_end(std::string_view s, std::size_t at) {
  int depth = 0;
  for (std::size_t i = at; i < s.size(); ++i) {
    char c = s[i];
    if (c == '(') {  // a literal string: balanced parentheses, backslash escapes
      int parens = 1;
      for (++i; i < s.size() && parens; ++i) {
        if (s[i] == '\\') ++i;
        else if (s[i] == '(') ++parens;
        else if (s[i] == ')') --parens;
      }
      --i;
    } else if (c == '<' && i + 1 < s.size() && s[i + 1] == '<') {
      ++depth;
      ++i;
    } else if (c == '<') {  // a hex string
      i = s.find('>', i);
      if (i == std::string_view::npos) return i;
    } else if (c == '>' && i + 1 < s.size() && s[i + 1] == '>') {
      ++i;
      if (--depth == 0) return i + 1;
    }
  }
  return std::string_view::npos;
}

std::string reference_after(std::string_view dict, std::string_view key) {
  std::string v = value_after(dict, key);
  auto r = v.find(" R");
  if (r == std::string::npos) return {};
  return v.substr(0, r + 2);
}

void append_update(std::string& pdf, const Trailer& t, const std::map<long long, std::string>& objects,
                   const std::string& info) {
  if (pdf.empty() || pdf.back() != '\n') pdf += '\n';
  std::map<long long, long long> offsets;
  long long size = t.size;
  for (auto& [number, text] : objects) {
    offsets[number] = static_cast<long long>(pdf.size());
    pdf += std::to_string(number) + " 0 obj" + (text.empty() || text.front() != '\n' ? "\n" : "") + text;
    if (pdf.back() != '\n') pdf += '\n';
    pdf += "endobj\n";
    if (number >= size) size = number + 1;
  }
  long long xref = static_cast<long long>(pdf.size());
  pdf += "xref\n";
  char entry[32];
  for (auto& [number, offset] : offsets) {  // one subsection per object: numbers need not be contiguous
    std::snprintf(entry, sizeof entry, "%010lld 00000 n \n", offset);
    pdf += std::to_string(number) + " 1\n" + entry;
  }
  std::string info_ref = info.empty() ? t.info : info;
  pdf += "trailer\n<</Size " + std::to_string(size) + " /Root " + t.root +
         (info_ref.empty() ? "" : " /Info " + info_ref) + " /Prev " + std::to_string(t.startxref) +
         (t.id.empty() ? "" : " " + t.id) + ">>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
}

std::string pdf_text(std::string_view utf8) {
  std::string out = "<FEFF";
  char buf[8];
  auto unit = [&](unsigned u) {
    std::snprintf(buf, sizeof buf, "%04X", u & 0xFFFF);
    out += buf;
  };
  for (std::size_t i = 0; i < utf8.size();) {
    auto c = static_cast<unsigned char>(utf8[i]);
    char32_t cp = c;
    std::size_t len = 1;
    if (c >= 0xF0) len = 4, cp = c & 0x07;
    else if (c >= 0xE0) len = 3, cp = c & 0x0F;
    else if (c >= 0xC0) len = 2, cp = c & 0x1F;
    if (i + len > utf8.size()) break;
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += len;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      unit(0xD800 + static_cast<unsigned>(cp >> 10));
      unit(0xDC00 + static_cast<unsigned>(cp & 0x3FF));
    } else {
      unit(static_cast<unsigned>(cp));
    }
  }
  return out + ">";
}

std::string pdf_date(long long epoch) {
  CivilTime t = civil_from_epoch(epoch);
  char buf[32];
  std::snprintf(buf, sizeof buf, "(D:%04lld%02u%02u%02u%02u%02uZ)", t.year, t.month, t.day, t.hour, t.minute, t.second);
  return buf;
}

}  // namespace galley::pdf
