// HTML5 raw text before libxml2 (converters/html/rawtext.cpp), checked against html5lib's
// tests (shared/corpus/html5lib-tests):
//  - tokenizer/*.test cases that start in the RCDATA, RAWTEXT, script data or PLAINTEXT
//    state: the text up to the end the pre-scan finds must be the characters html5lib emits
//    before the end tag (RCDATA cases with '&' check only where the text ends: character
//    references are libxml2's to decode);
//  - tree-construction/*.dat cases whose data holds a raw-text element: after the pre-scan
//    and libxml2, each xmp/iframe/noembed/noframes/textarea/title/plaintext element has the
//    text html5lib's tree gives it, script and style hold no text (the pre-scan finds exactly
//    html5lib's script and style texts), and the document's other text is html5lib's.
// Plus hand-written pages: a script holding "</a>" or "</div>", JSON-LD holding "</p>".
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "galley/meta.hpp"
#include "galley/text.hpp"
#include "galley/walk.hpp"
#include "html/html.hpp"
#include "html/internal.hpp"
#include "html/rawtext.hpp"

using namespace galley;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(html_rawtext)
namespace {

const fs::path kCases = fs::path(GALLEY_SHARED_DIR) / "corpus" / "html5lib-tests";

bool corpus_present() {
  if (fs::is_directory(kCases)) return true;
  const char* ci = std::getenv("CI");
  if (ci && std::string(ci) == "true") BOOST_FAIL("html5lib-tests missing: " + kCases.string());
  BOOST_TEST_MESSAGE("SKIP: html5lib-tests missing: " << kCases.string());
  return false;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream o;
  o << f.rdbuf();
  return o.str();
}

// "doubleEscaped" strings: \uXXXX sequences to UTF-8; false for a lone surrogate.
bool unescape(const std::string& in, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\\' && i + 5 < in.size() + 0 && in[i + 1] == 'u') {
      unsigned cp = std::stoul(in.substr(i + 2, 4), nullptr, 16);
      i += 5;
      if (cp >= 0xD800 && cp < 0xDC00) {
        if (i + 6 < in.size() + 1 && in[i + 1] == '\\' && in[i + 2] == 'u') {
          unsigned lo = std::stoul(in.substr(i + 3, 4), nullptr, 16);
          if (lo < 0xDC00 || lo > 0xDFFF) return false;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          i += 6;
        } else {
          return false;
        }
      } else if (cp >= 0xDC00 && cp < 0xE000) {
        return false;
      }
      append_utf8(out, static_cast<char32_t>(cp));
    } else {
      out += in[i];
    }
  }
  return true;
}

// HTML5's input stream preprocessing (CR LF and CR to LF) and the tokenizer's NUL -> U+FFFD
// in these states: what html5lib's expected characters already went through.
std::string as_tokenizer_sees(std::string_view s) {
  std::string r;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      r += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else if (s[i] == '\0') {
      r += "\xEF\xBF\xBD";
    } else {
      r += s[i];
    }
  }
  return r;
}

std::string no_space(std::string_view s) {
  std::string r;
  for (char c : s)
    if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) r += c;
  return r;
}

bool is_raw_name(std::string_view t) {
  html::RawKind k;
  return html::raw_text_kind(t, k);
}

// ---- tree-construction .dat files ----
struct TreeCase {
  std::string data, document, file;
  bool fragment = false, script_on = false;
};

std::vector<TreeCase> read_dat(const fs::path& p) {
  std::vector<TreeCase> cases;
  std::istringstream in(slurp(p));
  std::string line, section;
  bool first_data_line = false;
  while (std::getline(in, line)) {
    if (line == "#data" && (cases.empty() || section == "#document")) {
      if (!cases.empty()) {  // the blank line that separates tests
        auto& d = cases.back().document;
        if (d.size() >= 2 && d.compare(d.size() - 2, 2, "\n\n") == 0) d.pop_back();
      }
      cases.emplace_back();
      cases.back().file = p.filename().string();
      section = "#data";
      first_data_line = true;
      continue;
    }
    if (cases.empty()) continue;
    TreeCase& c = cases.back();
    if (line == "#errors" || line == "#new-errors" || line == "#document" || line == "#document-fragment" ||
        line == "#script-off" || line == "#script-on") {
      section = line;
      if (line == "#document-fragment") c.fragment = true;
      if (line == "#script-on") c.script_on = true;
      continue;
    }
    if (section == "#data") {
      if (!first_data_line) c.data += '\n';
      c.data += line;
      first_data_line = false;
    } else if (section == "#document") {
      c.document += line;
      c.document += '\n';
    }
  }
  if (!cases.empty()) {
    auto& d = cases.back().document;
    while (d.size() >= 2 && d.compare(d.size() - 2, 2, "\n\n") == 0) d.pop_back();
  }
  return cases;
}

struct TreeText {
  std::vector<std::pair<std::string, std::string>> raw;  // element name, its text (document order)
  std::string other;                                      // all other text
};

// html5lib's tree: "| " + two spaces per level + node; a text node is "..." and may span lines.
TreeText expected_text(const std::string& document) {
  std::vector<std::string> nodes;
  std::istringstream in(document);
  std::string line;
  while (std::getline(in, line)) {
    if (line.compare(0, 2, "| ") == 0 || nodes.empty()) nodes.push_back(line);
    else nodes.back() += "\n" + line;
  }
  TreeText t;
  std::vector<std::pair<std::size_t, int>> stack;  // depth, index into t.raw (-1: not raw)
  for (auto& n : nodes) {
    if (n.compare(0, 2, "| ") != 0) continue;
    std::size_t sp = 2;
    while (sp < n.size() && n[sp] == ' ') ++sp;
    std::size_t depth = (sp - 2) / 2;
    std::string node = n.substr(sp);
    while (!stack.empty() && stack.back().first >= depth) stack.pop_back();
    if (node.size() >= 2 && node.front() == '<' && node.back() == '>' && node.compare(0, 2, "<!") != 0) {
      std::string name = node.substr(1, node.size() - 2);
      int idx = -1;
      if (is_raw_name(name)) {
        t.raw.emplace_back(name, "");
        idx = static_cast<int>(t.raw.size()) - 1;
      }
      stack.emplace_back(depth, idx);
    } else if (node.size() >= 2 && node.front() == '"' && node.back() == '"') {
      std::string text = node.substr(1, node.size() - 2);
      // The nearest raw-text ancestor (formatting elements reopened inside <plaintext> sit between).
      int owner = -1;
      for (auto it = stack.rbegin(); it != stack.rend() && owner < 0; ++it) owner = it->second;
      if (owner >= 0) t.raw[static_cast<std::size_t>(owner)].second += text;
      else t.other += text;
    }
  }
  return t;
}

void dom_text(const xmlNode* n, TreeText& t) {
  for (const xmlNode* c = n; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) {
      std::string_view name = html::name(c);
      if (is_raw_name(name)) {
        t.raw.emplace_back(std::string(name), html::text_of(c));
        continue;
      }
      dom_text(c->children, t);
    } else if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      t.other += std::string(html::content(c));
    }
  }
}

html::Parsed parse(std::string_view page) {
  Diagnostics diag;
  ReaderOptions o;
  return html::parse_html(page, o, diag);
}

std::string plain_text(std::string_view page, bool extract = false) {
  Diagnostics diag;
  ReaderOptions o;
  if (extract) o.extensions.set["extract"] = true;
  Document d = html::make_reader()->read(page, o, diag);
  std::string out;
  walk_inlines(d, [&](Inline& x) {
    if (auto s = x.as<Str>()) out += s->text + " ";
  });
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(html5lib_tokenizer_raw_text_states) {
  if (!corpus_present()) return;
  std::size_t checked = 0, end_only = 0, skipped = 0;
  for (const auto& e : fs::directory_iterator(kCases / "tokenizer")) {
    if (e.path().extension() != ".test") continue;
    auto j = nlohmann::json::parse(slurp(e.path()));
    if (!j.contains("tests")) continue;
    for (auto& t : j["tests"]) {
      if (!t.contains("initialStates")) continue;
      bool dbl = t.value("doubleEscaped", false);
      std::string input, tag = t.value("lastStartTag", std::string());
      if (!(dbl ? unescape(t["input"].get<std::string>(), input) : (input = t["input"].get<std::string>(), true))) {
        ++skipped;
        continue;
      }
      // The characters html5lib emits before its first other token, and whether that is an end tag.
      std::string want;
      bool ok = true, ended = false;
      for (auto& tok : t["output"]) {
        if (tok[0] == "Character") {
          std::string c;
          if (!(dbl ? unescape(tok[1].get<std::string>(), c) : (c = tok[1].get<std::string>(), true))) ok = false;
          want += c;
        } else {
          ended = tok[0] == "EndTag";
          if (!ended) ok = false;  // RAWTEXT etc. emit only characters and their end tag
          break;
        }
      }
      if (!ok) {
        ++skipped;
        continue;
      }
      for (auto& st : t["initialStates"]) {
        std::string s = st.get<std::string>();
        html::RawKind kind;
        if (s == "RCDATA state") kind = html::RawKind::rcdata;
        else if (s == "RAWTEXT state") kind = html::RawKind::rawtext;
        else if (s == "Script data state") kind = html::RawKind::script;
        else if (s == "PLAINTEXT state") kind = html::RawKind::plaintext;
        else continue;
        std::size_t end = html::raw_text_end(input, 0, tag, kind);
        std::string got = as_tokenizer_sees(std::string_view(input).substr(0, end));
        std::string what = e.path().filename().string() + ": " + t.value("description", std::string()) + " [" + s + "]";
        BOOST_TEST_CONTEXT(what) {
          if (ended) BOOST_TEST(end < input.size());  // (EOF inside "</xmp " emits no end tag)
          if (kind == html::RawKind::rcdata && got.find('&') != std::string::npos) {
            ++end_only;
          } else {
            BOOST_TEST(got == want);
            ++checked;
          }
        }
      }
    }
  }
  BOOST_TEST_MESSAGE("tokenizer cases: " << checked << " text checks, " << end_only << " end-only (RCDATA with '&'), "
                                         << skipped << " skipped (lone surrogates, other tokens)");
  BOOST_TEST(checked >= 200u);
}

BOOST_AUTO_TEST_CASE(html5lib_tree_construction_raw_text) {
  if (!corpus_present()) return;
  std::size_t cases = 0, raw_checked = 0, skipped = 0;
  for (const auto& e : fs::directory_iterator(kCases / "tree-construction")) {
    if (e.path().extension() != ".dat") continue;
    for (const TreeCase& c : read_dat(e.path())) {
      std::string lower_data = ascii_lower(c.data);
      bool has_raw = false;
      for (const char* t : {"<script", "<style", "<xmp", "<iframe", "<noembed", "<noframes", "<textarea", "<title",
                            "<plaintext"})
        if (lower_data.find(t) != std::string::npos) has_raw = true;
      if (!has_raw) continue;
      // Out of scope: fragments, scripting on (<noscript> as raw text), foreign content,
      // tables (foster parenting reorders text: libxml2's tree builder is not HTML5's),
      // <template> contents, framesets, and entities (libxml2 decodes HTML 4's set).
      if (c.fragment || c.script_on || lower_data.find("<svg") != std::string::npos ||
          lower_data.find("<math") != std::string::npos || lower_data.find("<table") != std::string::npos ||
          lower_data.find("<template") != std::string::npos || lower_data.find("<frameset") != std::string::npos ||
          lower_data.find("<noscript") != std::string::npos || c.data.find('&') != std::string::npos ||
          c.data.find('\0') != std::string::npos || c.data.find('\r') != std::string::npos) {
        ++skipped;
        continue;
      }
      TreeText want = expected_text(c.document);
      html::Parsed p = parse(c.data);
      TreeText got;
      dom_text(xmlDocGetRootElement(p.doc.get()), got);
      // The pre-scan's script and style texts, against html5lib's.
      std::vector<std::string> scanned;
      for (auto& sp : html::scan_raw_text(c.data))
        if (sp.name == "script" || sp.name == "style")
          scanned.emplace_back(c.data.substr(sp.content_begin, sp.content_end - sp.content_begin));
      std::vector<std::string> want_scripts;
      std::vector<std::pair<std::string, std::string>> want_raw, got_raw;
      for (auto& [n, t] : want.raw) {
        if (n == "script" || n == "style") want_scripts.push_back(t);
        else want_raw.emplace_back(n, t);
      }
      for (auto& [n, t] : got.raw) {
        if (n == "script" || n == "style") {
          BOOST_TEST_CONTEXT(c.file << ": " << c.data) { BOOST_TEST(no_space(t).empty()); }
        } else {
          // HTML5's tree builder drops a newline right after <textarea> (and <pre>); libxml2 keeps it.
          got_raw.emplace_back(n, n == "textarea" && !t.empty() && t[0] == '\n' ? t.substr(1) : t);
        }
      }
      BOOST_TEST_CONTEXT(c.file << ": " << c.data) {
        BOOST_TEST(scanned == want_scripts, "script/style texts");
        BOOST_TEST(got_raw == want_raw, "xmp/iframe/noembed/noframes/textarea/title/plaintext texts");
        for (std::size_t k = 0; k < std::min(got_raw.size(), want_raw.size()); ++k)
          if (got_raw[k] != want_raw[k])
            BOOST_TEST_MESSAGE(got_raw[k].first << ": got [" << got_raw[k].second << "] want [" << want_raw[k].second << "]");
        BOOST_TEST(no_space(got.other) == no_space(want.other), "other text: " << got.other << " | " << want.other);
      }
      ++cases;
      raw_checked += want.raw.size();
    }
  }
  BOOST_TEST_MESSAGE("tree-construction cases: " << cases << " checked (" << raw_checked << " raw-text elements), "
                                                 << skipped << " out of scope");
  BOOST_TEST(cases >= 50u);
}

BOOST_AUTO_TEST_CASE(script_end_tags_of_other_elements_stay_in_the_script) {
  // libxml2 alone closes the script at "</div>" / "</a>" and prints the rest as text.
  std::string page =
      "<html><body><div><a href=x>link<script>var s = '</a>' + \"</div>\"; function leakedCode() {}</script></a>"
      "<p>After the script.</p></div><style>p::after { content: '</p>'; } .leakedStyle {}</style></body></html>";
  std::string text = plain_text(page);
  BOOST_TEST(text.find("leakedCode") == std::string::npos, text);
  BOOST_TEST(text.find("leakedStyle") == std::string::npos, text);
  BOOST_TEST(text.find("After") != std::string::npos, text);
  BOOST_TEST(plain_text(page, true).find("leakedCode") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(script_data_escapes) {
  // "<!--<script>" makes "</script>" inside it text (double escaped), up to "-->".
  std::string page = "<body><script><!-- document.write('<script>x()</script>'); --></script><p>Visible</p></body>";
  auto spans = html::scan_raw_text(page);
  BOOST_TEST_REQUIRE(spans.size() == 1u);
  BOOST_TEST(page.substr(spans[0].content_begin, spans[0].content_end - spans[0].content_begin) ==
             "<!-- document.write('<script>x()</script>'); -->");
  BOOST_TEST(plain_text(page) == "Visible ");
  // Not an end tag: "</scripts>", "</script" at the end; an end tag: "</SCRIPT >", "</script/>".
  BOOST_TEST(html::raw_text_end("a</scripts>b", 0, "script", html::RawKind::script) == 12u);
  BOOST_TEST(html::raw_text_end("a</script", 0, "script", html::RawKind::script) == 9u);
  BOOST_TEST(html::raw_text_end("a</SCRIPT >", 0, "script", html::RawKind::script) == 1u);
  BOOST_TEST(html::raw_text_end("a</script/>", 0, "script", html::RawKind::script) == 1u);
}

BOOST_AUTO_TEST_CASE(markup_that_is_not_a_raw_text_start) {
  // In a comment, an attribute value, a longer tag name: no script starts.
  std::string page =
      "<!-- <script> --><div title='<script>'><scripts>one</scripts><p>two</p></div><!--><script>x</script>";
  auto spans = html::scan_raw_text(page);
  BOOST_TEST_REQUIRE(spans.size() == 1u);
  BOOST_TEST(page.substr(spans[0].content_begin, 1) == "x");
  // <script/> still starts a script (HTML5 ignores the slash); the slash is removed for libxml2.
  std::string out;
  BOOST_TEST(html::neutralise_raw_text("<script src=a.js /><p>eaten</p></script><p>kept</p>", out));
  BOOST_TEST(out == "<script src=a.js ></script><p>kept</p>");
  // Inside <svg>, <title> is not escapable raw text; a script is still dropped.
  BOOST_TEST(html::neutralise_raw_text("<svg><title>T</title><script>a<b</script></svg><title>x<y</title>", out));
  BOOST_TEST(out == "<svg><title>T</title><script></script></svg><title>x&lt;y</title>");
  // Nothing to change.
  BOOST_TEST(!html::neutralise_raw_text("<p>a<b>c</b></p><script></script>", out));
}

BOOST_AUTO_TEST_CASE(rcdata_and_rawtext_become_text) {
  std::string out;
  BOOST_TEST(html::neutralise_raw_text("<textarea><b>&amp;</b></textarea><xmp><i>&amp;</i></xmp>", out));
  BOOST_TEST(out == "<textarea>&lt;b>&amp;&lt;/b></textarea><xmp>&lt;i>&amp;amp;&lt;/i></xmp>");
  auto p = parse("<title>A <b>bold</b> title</title><body><xmp><i>x</i> &amp;</xmp></body>");
  TreeText t;
  dom_text(xmlDocGetRootElement(p.doc.get()), t);
  BOOST_TEST_REQUIRE(t.raw.size() == 2u);
  BOOST_TEST(t.raw[0].second == "A <b>bold</b> title");
  BOOST_TEST(t.raw[1].second == "<i>x</i> &amp;");
  // Newlines stay, so libxml2's line numbers still point at the page's lines.
  BOOST_TEST(html::neutralise_raw_text("<script>a\nb\r\nc</script>", out));
  BOOST_TEST(out == "<script>\n\n</script>");
}

BOOST_AUTO_TEST_CASE(json_ld_keeps_its_text) {
  std::string page =
      "<html><head><script type=' Application/LD+JSON '>{\"@type\":\"NewsArticle\",\"headline\":\"Head </b> line\","
      "\"articleBody\":\"<p>One</p><p>Two</p>\",\"author\":{\"@type\":\"Person\",\"name\":\"Ann Example\"}}</script>"
      "</head><body><p>Body text.</p></body></html>";
  std::string out;
  BOOST_TEST(html::neutralise_raw_text(page, out));
  BOOST_TEST(out.find("Head <\\/b> line") != std::string::npos);
  Diagnostics diag;
  ReaderOptions o;
  Document d = html::make_reader()->read(page, o, diag);
  auto author = meta_text(d.meta, "author");
  BOOST_TEST_REQUIRE(author.has_value());
  BOOST_TEST(author->find("Ann Example") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
