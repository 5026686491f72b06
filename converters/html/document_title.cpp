// The document's <title> as an article title: the site name cut off the way Readability
// does it (" | Site", " - Site", "Site: Title", ...), the whole kept when what remains is too
// short. One job of the metadata pass (metadata.cpp), kept apart for its length.
#include <string>

#include "html/internal.hpp"

namespace galley::html {
namespace {

std::size_t word_count(std::string_view s) {
  // JavaScript's str.split(/\s+/).length
  std::size_t n = 1;
  bool in_space = false;
  for (char c : s) {
    if (is_space(c)) {
      if (!in_space) ++n;
      in_space = true;
    } else {
      in_space = false;
    }
  }
  return n;
}

bool is_sep(std::string_view s, std::size_t i, std::size_t& len, bool& hierarchical) {
  // " X " where X is one of | - \ / > » – —
  if (s[i] != ' ') return false;
  std::size_t j = i + 1;
  if (j >= s.size()) return false;
  std::size_t l = 0;
  unsigned char c = static_cast<unsigned char>(s[j]);
  if (c == '|' || c == '-') { l = 1; hierarchical = false; }
  else if (c == '\\' || c == '/' || c == '>') { l = 1; hierarchical = true; }
  else if (s.compare(j, 2, "\xC2\xBB") == 0) { l = 2; hierarchical = true; }
  else if (s.compare(j, 3, "\xE2\x80\x93") == 0 || s.compare(j, 3, "\xE2\x80\x94") == 0) { l = 3; hierarchical = false; }
  else return false;
  if (j + l >= s.size() || s[j + l] != ' ') return false;
  len = l + 2;
  return true;
}

}  // namespace

// The <title> text with the site name cut off (and the like).
std::string title_from_document(const std::string& orig, xmlNode* body) {
  std::string cur = orig;
  bool hierarchical_any = false, had_sep = false;
  std::size_t last = std::string::npos;
  for (std::size_t i = 0; i < orig.size(); ++i) {
    std::size_t l;
    bool h = false;
    if (is_sep(orig, i, l, h)) {
      had_sep = true;
      hierarchical_any = hierarchical_any || h;
      last = i;
    }
  }
  auto headings_match = [&](const std::string& t) {
    if (!body) return false;
    for (xmlNode* cur = body->children; cur;) {
      bool heading = is(cur, "h1") || is(cur, "h2");
      if (heading && clean_text(text_of(cur)) == t) return true;
      cur = next_in_tree(cur, body, !heading);
    }
    return false;
  };
  if (had_sep) {
    cur = orig.substr(0, last);
    if (word_count(cur) < 3) {
      // Remove the first part instead.
      for (std::size_t i = 0; i < orig.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(orig[i]);
        if (c == '|' || c == '-' || c == '\\' || c == '/' || c == '>' ) { cur = orig.substr(i + 1); break; }
        if (orig.compare(i, 2, "\xC2\xBB") == 0) { cur = orig.substr(i + 2); break; }
        if (orig.compare(i, 3, "\xE2\x80\x93") == 0 || orig.compare(i, 3, "\xE2\x80\x94") == 0) { cur = orig.substr(i + 3); break; }
      }
    }
  } else if (orig.find(": ") != std::string::npos) {
    if (!headings_match(clean_text(orig))) {
      cur = orig.substr(orig.rfind(':') + 1);
      if (word_count(clean_text(cur)) < 3) cur = orig.substr(orig.find(':') + 1);
      else if (word_count(orig.substr(0, orig.find(':'))) > 5) cur = orig;
    }
  } else if (orig.size() > 150 || orig.size() < 15) {
    xmlNode* only = nullptr;
    int n = 0;
    if (body) {
      for (xmlNode* c = body->children; c; c = next_in_tree(c, body))
        if (is(c, "h1")) { ++n; only = c; }
    }
    if (n == 1) cur = text_of(only);
  }
  cur = clean_text(cur);
  std::size_t wc = word_count(cur);
  if (wc <= 4) {
    std::string stripped;
    for (char c : orig)
      if (c != '|' && c != '-' && c != '\\' && c != '/' && c != '>') stripped += c;
    if (!hierarchical_any || wc != word_count(stripped) - 1) cur = orig;
  }
  return cur;
}

}  // namespace galley::html
