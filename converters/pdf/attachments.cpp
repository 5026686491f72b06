#include "pdf/attachments.hpp"

#include <cstdlib>
#include <map>

#include "pdf/pdf_update.hpp"

namespace galley::pdf {

namespace {

long long object_number(const std::string& ref) { return ref.empty() ? 0 : std::strtoll(ref.c_str(), nullptr, 10); }

// "application/json" as a PDF name: '/' and other delimiters written #xx.
std::string pdf_name(const std::string& s) {
  std::string out = "/";
  char buf[4];
  for (unsigned char c : s) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                 c == '+' || c == '_';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      std::snprintf(buf, sizeof buf, "#%02X", c);
      out += buf;
    }
  }
  return out;
}

// A literal PDF string of ASCII file-name characters (the names galley gives).
std::string ascii_string(const std::string& s) {
  std::string out = "(";
  for (char c : s) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out + ")";
}

// The dictionary that opens an object's text, and what follows it (a stream).
bool split_object(const std::string& text, std::string& dict, std::string& rest) {
  auto open = text.find("<<");
  if (open == std::string::npos) return false;
  auto close = dictionary_end(text, open);
  if (close == std::string::npos) return false;
  dict = text.substr(open, close - open);
  rest = text.substr(close);
  return true;
}

}  // namespace

bool mark_attachments(std::string& pdf, const std::vector<AttachmentInfo>& files, long long modified) {
  auto trailer = read_trailer(pdf);
  if (!trailer || files.empty()) return false;
  long long catalog_no = object_number(trailer->root);
  auto catalog_text = object_text(pdf, catalog_no);
  if (!catalog_text) return false;
  std::string catalog, catalog_rest;
  if (!split_object(*catalog_text, catalog, catalog_rest) || catalog.find("/AF") != std::string::npos) return false;
  auto names_at = catalog.find("/EmbeddedFiles");
  if (names_at == std::string::npos) return false;
  auto tree = object_text(pdf, object_number(reference_after(catalog.substr(names_at), "/EmbeddedFiles")));
  if (!tree) return false;

  // The flat name tree WeasyPrint writes: /Names [ (attachment0) 12 0 R ... ]
  std::vector<long long> specs;
  auto list = tree->find("/Names");
  auto open = list == std::string::npos ? std::string::npos : tree->find('[', list);
  auto close = open == std::string::npos ? std::string::npos : tree->find(']', open);
  if (close == std::string::npos) return false;
  std::string entries = tree->substr(open + 1, close - open - 1);
  for (std::size_t r = entries.find(" R"); r != std::string::npos; r = entries.find(" R", r + 2)) {
    std::size_t start = entries.rfind(')', r);
    start = start == std::string::npos ? 0 : start + 1;
    specs.push_back(std::strtoll(entries.c_str() + start, nullptr, 10));
  }

  std::map<long long, std::string> updated;
  std::string af;
  for (auto& f : files) {
    bool found = false;
    for (long long spec_no : specs) {
      auto spec = object_text(pdf, spec_no);
      if (!spec || spec->find(ascii_string(f.name)) == std::string::npos) continue;
      long long file_no = object_number(reference_after(spec->substr(spec->find("/EF") == std::string::npos ? 0 : spec->find("/EF")), "/F"));
      auto file = object_text(pdf, file_no);
      std::string dict, rest;
      if (!file || !split_object(*file, dict, rest) || file_no <= 0) return false;
      std::string ef = std::to_string(file_no) + " 0 R";
      updated[spec_no] = "<<\n/Type /Filespec\n/F " + ascii_string(f.name) + "\n/UF " + pdf_text(f.name) + "\n/EF << /F " +
                         ef + " /UF " + ef + " >>\n/Desc " + pdf_text(f.description) + "\n/AFRelationship /" +
                         f.relationship + "\n>>";
      // The stream keeps its bytes; its dictionary gains /Subtype and /Params /ModDate.
      std::string extra = "\n/Subtype " + pdf_name(f.mime);
      if (dict.find("/Subtype") != std::string::npos) extra.clear();
      std::string new_dict = dict.substr(0, dict.size() - 2) + extra + "\n>>";
      if (auto params = new_dict.find("/Params"); params != std::string::npos) {
        auto p_open = new_dict.find("<<", params);
        if (p_open != std::string::npos && new_dict.find("/ModDate", params) == std::string::npos)
          new_dict.insert(p_open + 2, "\n/ModDate " + pdf_date(modified));
      } else {
        new_dict.insert(new_dict.size() - 2, "/Params << /ModDate " + pdf_date(modified) + " >>\n");
      }
      updated[file_no] = new_dict + rest;
      af += (af.empty() ? "" : " ") + std::to_string(spec_no) + " 0 R";
      found = true;
      break;
    }
    if (!found) return false;
  }
  updated[catalog_no] = catalog.substr(0, catalog.size() - 2) + "/AF [" + af + "]\n>>" + catalog_rest;
  append_update(pdf, *trailer, updated);
  return true;
}

}  // namespace galley::pdf
