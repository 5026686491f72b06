// The commonmark and gfm writers: the AST as CommonMark text that reads back to
// the same structure (checked by conformance.markdown_round_trip). Text is
// escaped wherever CommonMark would read it as markup; what CommonMark cannot
// express is written as the HTML CommonMark allows (tables without pipe_tables,
// underline, super/subscript), or as its content with a warning.
// This file: the document, its notes and its blocks; tables are in writer_tables.cpp,
// inlines in writer_inlines.cpp.
#include <algorithm>
#include <cctype>
#include <string>

#include "galley/text.hpp"
#include "markdown/markdown.hpp"
#include "markdown/writer_class.hpp"
#include "markdown/writer_detail.hpp"

namespace galley::markdown {

std::string MdWriter::document(const Document& doc, bool standalone) {
  std::string body = blocks(doc.blocks, false);
  std::string out;
  if (standalone && syn_.yaml && !doc.meta.empty()) out = yaml_header(doc.meta, {[this](const Inlines& i) { return inlines(i); },
                                                                         [this](const Blocks& b) { return blocks(b, false); }});
  out += body;
  if (!notes_.empty()) {
    // definitions are written after the text; a definition may add notes of its own.
    // Without footnotes (CommonMark) "[^1]: x" would be a link definition or a
    // paragraph and its indented blocks code: the notes are a numbered list instead.
    if (!syn_.footnotes && ends_with_list_) out += "\n\n<!-- -->";
    for (std::size_t k = 0; k < notes_.size(); ++k) {
      std::string label = syn_.footnotes ? "[^" + std::to_string(k + 1) + "]: " : std::to_string(k + 1) + ". ";
      Blocks note = notes_[k];  // blocks() may append to notes_
      std::string text = blocks(note, false);
      if (!out.empty()) out += "\n\n";
      out += indent(text, label, std::string(syn_.footnotes ? 4 : label.size(), ' '));
    }
  }
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

std::string MdWriter::blocks(const Blocks& bs, bool tight) {
  std::string out;
  bool before_was_list = false;
  const Block* prev = nullptr;
  for (auto& b : bs) {
    bool was_list = ends_with_list_;
    ends_with_list_ = false;
    std::string s = block(b);
    if (s.empty()) { ends_with_list_ = was_list; continue; }
    if (!out.empty()) {
      // in a tight list item a block follows on the next line only where it cannot
      // be read as more of the paragraph before it
      out += tight && (closed_block(*prev) || interrupts_paragraph(s)) ? "\n" : "\n\n";
      // a list right after a list (also from flattened divs) would continue it; a comment keeps them apart
      if (before_was_list && starts_like_list(s)) out += "<!-- -->\n\n";
    }
    out += s;
    before_was_list = ends_with_list_;
    prev = &b;
  }
  ends_with_list_ = before_was_list;
  return out;
}

std::string MdWriter::block(const Block& b) {
  if (auto* p = b.as<Para>()) return paragraph(p->content);
  if (auto* p = b.as<Plain>()) return paragraph(p->content);
  if (auto* h = b.as<Header>()) {
    std::string text = one_line(inlines(h->content, true));
    std::string attrs = syn_.attributes ? inline_attribute_text(h->attr) : std::string();
    return std::string(static_cast<std::size_t>(std::clamp(h->level, 1, 6)), '#') + (text.empty() ? "" : " " + text) +
           (attrs.empty() ? "" : " " + attrs);
  }
  if (auto* c = b.as<CodeBlock>()) return code_block(*c);
  if (auto* r = b.as<RawBlock>()) {
    if (r->format == "html" || r->format == "html5") return raw_html_block(std::string(trim(r->text)));
    warn_raw(r->format);
    return {};
  }
  if (auto* q = b.as<BlockQuote>()) {
    std::string inner = blocks(q->content, false);
    return inner.empty() ? ">" : indent(inner, "> ", "> ", ">");
  }
  if (auto* l = b.as<BulletList>()) return list(l->items, nullptr);
  if (auto* l = b.as<OrderedList>()) return list(l->items, &l->attrs);
  if (auto* d = b.as<DefinitionList>()) return definitions(*d);
  if (b.is<HorizontalRule>()) return "* * *";
  if (auto* t = b.as<Table>()) return syn_.pipe_tables ? pipe_table(*t) : html_table(*t);
  if (auto* f = b.as<Figure>()) return figure(*f);
  if (auto* d = b.as<Div>()) {
    std::string attrs = syn_.attributes ? attribute_text(d->attr) : std::string();
    std::string inner = blocks(d->content, false);
    if (attrs.empty()) return inner;
    std::size_t fence = 3;  // longer than any fence inside
    for (std::size_t p = inner.find(":::"); p != std::string::npos; p = inner.find(":::", p + 1)) {
      std::size_t n = 0;
      while (p + n < inner.size() && inner[p + n] == ':') ++n;
      fence = std::max(fence, n + 1);
    }
    std::string colons(fence, ':');
    // an HTML block runs to a blank line: the closing fence must not be part of it
    const char* before_fence = inner.empty() ? "" : ends_in_html(inner) ? "\n\n" : "\n";
    return colons + " " + attrs + "\n" + inner + before_fence + colons;
  }
  if (auto* lb = b.as<LineBlock>()) {
    std::string out;
    for (std::size_t i = 0; i < lb->lines.size(); ++i) {
      if (i) out += "\\\n";
      out += inlines(lb->lines[i]);
    }
    return escape_line_starts(out);
  }
  return {};
}

std::string MdWriter::paragraph(const Inlines& ils) {
  std::string text = inlines(ils);
  // CommonMark has one line break at a time and none at a paragraph's end
  for (std::size_t p; (p = text.find("\\\n\\\n")) != std::string::npos;) text.erase(p, 2);
  while (true) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
    if (text.size() >= 1 && text.back() == '\\' && (text.size() < 2 || text[text.size() - 2] != '\\')) text.pop_back();
    else break;
  }
  while (text.rfind("\\\n", 0) == 0) text.erase(0, 2);
  return escape_line_starts(text);
}

std::string MdWriter::figure(const Figure& f) {
  const Inlines* caption = nullptr;
  Inlines joined;
  flatten(f.caption.long_caption, joined);
  if (!joined.empty()) caption = &joined;
  const Image* img = nullptr;
  if (f.content.size() == 1) {
    const Inlines* ils = f.content[0].as<Plain>() ? &f.content[0].as<Plain>()->content
                         : f.content[0].as<Para>() ? &f.content[0].as<Para>()->content : nullptr;
    // the image, also when web pages wrap it in spans
    while (ils && ils->size() == 1 && (*ils)[0].is<Span>()) ils = &(*ils)[0].as<Span>()->content;
    if (ils && ils->size() == 1) img = (*ils)[0].as<Image>();
  }
  if (img) {
    Attr attr = img->attr;
    if (attr.id.empty()) attr.id = f.attr.id;
    std::string out;
    link(caption ? *caption : img->content, img->target, attr, true, out, false);
    return escape_line_starts(out);
  }
  std::string out = blocks(f.content, false);
  std::string cap = blocks(f.caption.long_caption, false);
  if (!cap.empty()) out += (out.empty() ? "" : "\n\n") + cap;
  return out;
}

std::string MdWriter::attribute_text(const Attr& a) {
  auto word = [](const std::string& w) {
    if (w.empty()) return false;
    for (char c : w)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.' ||
            static_cast<unsigned char>(c) >= 0x80))
        return false;
    return true;
  };
  std::string out;
  std::vector<std::pair<std::string, std::string>> kv;
  if (word(a.id)) out += "#" + a.id;
  else if (!a.id.empty()) kv.emplace_back("id", a.id);
  bool plain_classes = std::all_of(a.classes.begin(), a.classes.end(), word);
  if (plain_classes) {
    for (auto& c : a.classes) out += (out.empty() ? "." : " .") + c;
  } else {  // class="grid@tl+ col-8": the {.class} form takes words only
    std::string all;
    for (auto& c : a.classes) all += (all.empty() ? "" : " ") + c;
    kv.emplace_back("class", all);
  }
  // an attribute named id or class would be read back as the identifier or a class:
  // such attributes (HTML's data-id, say) cannot be written
  for (auto& [k, v] : a.attributes)
    if (k != "id" && k != "class") kv.emplace_back(k, v);
  for (auto& [k, v] : kv) {
    if (!word(k)) continue;
    if (!out.empty()) out += ' ';
    out += k + "=\"";
    for (char c : v) {
      if (c == '"' || c == '\\') out += '\\';
      out += c == '\n' ? ' ' : c;
    }
    out += '"';
  }
  return out.empty() ? out : "{" + out + "}";
}

std::string MdWriter::inline_attribute_text(const Attr& a) const {
  std::string raw = attribute_text(a);
  return escape_text(raw, false);
}

std::string MdWriter::code_block(const CodeBlock& c) {
  std::size_t run = 0, longest = 0;
  for (char ch : c.text) {
    run = ch == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(std::max<std::size_t>(3, longest + 1), '`');
  std::string info = c.attr.classes.empty() ? std::string() : c.attr.classes[0];
  for (auto& ch : info) if (ch == '`' || ch == ' ' || ch == '\n') ch = '-';
  return fence + info + "\n" + c.text + (c.text.empty() || c.text.back() == '\n' ? "" : "\n") + fence;
}

bool MdWriter::starts_like_list(std::string_view s) {
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\n')) return true;
  if (s == "-") return true;
  std::size_t k = 0;
  while (k < s.size() && k < 10 && s[k] >= '0' && s[k] <= '9') ++k;
  return k > 0 && k < s.size() && (s[k] == '.' || s[k] == ')');
}

std::string MdWriter::list(const std::vector<Blocks>& items, const ListAttributes* ordered) {
  std::string out = list_text(items, ordered);
  ends_with_list_ = true;
  return out;
}

std::string MdWriter::list_text(const std::vector<Blocks>& items, const ListAttributes* ordered) {
  bool tight = true;
  for (auto& it : items)
    for (auto& b : it)
      if (b.is<Para>()) tight = false;
  std::string out;
  int n = ordered ? ordered->start : 0;
  for (std::size_t i = 0; i < items.size(); ++i, ++n) {
    std::string marker = ordered ? std::to_string(std::max(n, 0)) + (ordered->delim == ListNumberDelim::OneParen ? ")" : ".") : "-";
    marker += ' ';
    std::string body = blocks(items[i], tight);
    if (syn_.pipe_tables) {  // GFM and markdown: ☐/☒ at an item's start are task list boxes
      if (body.rfind("\u2610 ", 0) == 0) body = "[ ] " + body.substr(4);
      else if (body.rfind("\u2612 ", 0) == 0) body = "[x] " + body.substr(4);
    }
    if (!out.empty()) out += tight ? "\n" : "\n\n";
    if (body.empty()) { out += marker.substr(0, marker.size() - 1); continue; }
    if (body[0] == ':') {  // a div fence is only read at a line's start: the item starts on the next line
      std::string pad(marker.size(), ' ');
      out += marker.substr(0, marker.size() - 1) + "\n" + indent(body, pad, pad);
      continue;
    }
    // an item that starts with an indented-looking or blank line: keep the marker's line
    out += indent(body, marker, std::string(marker.size(), ' '));
  }
  return out;
}

std::string MdWriter::definitions(const DefinitionList& d) {
  if (!warned_deflist_) {
    warned_deflist_ = true;
    diag_.warn("lost-structure", "CommonMark has no definition lists: terms are written as bold paragraphs");
  }
  Blocks flat;
  for (auto& item : d.items) {
    flat.push_back(Para{Inlines{Strong{item.term}}});
    for (auto& def : item.definitions) flat.push_back(BlockQuote{def});
  }
  return blocks(flat, false);
}

bool MdWriter::closed_block(const Block& b) {
  return b.is<Header>() || b.is<CodeBlock>() || b.is<HorizontalRule>();
}

bool MdWriter::interrupts_paragraph(std::string_view s) {
  // an ATX header, a code fence, a quote, or a list item with text on its line (an
  // ordered one only when it starts at 1)
  if (s.empty()) return false;
  if (s[0] == '#' || s[0] == '>' || s.rfind("```", 0) == 0 || s.rfind("~~~", 0) == 0) return true;
  auto text_after = [&](std::size_t k) { return k + 1 < s.size() && s[k] == ' ' && s[k + 1] != ' ' && s[k + 1] != '\n'; };
  if (s[0] == '-' || s[0] == '+' || s[0] == '*') return text_after(1);
  return (s.rfind("1.", 0) == 0 || s.rfind("1)", 0) == 0) && text_after(2);
}

bool MdWriter::ends_in_html(std::string_view text) {
  // a line of the last block that starts with a tag may open an HTML block (which
  // only a blank line ends); a false alarm costs a blank line
  std::size_t p = text.rfind("\n\n");
  std::string_view last = p == std::string_view::npos ? text : text.substr(p + 2);
  for (std::size_t pos = 0; pos < last.size();) {
    if (last[pos] == '<') return true;
    std::size_t e = last.find('\n', pos);
    if (e == std::string_view::npos) break;
    pos = e + 1;
  }
  return false;
}

std::string MdWriter::raw_html_block(std::string html) {
  static const char* kinds[] = {"pre", "script", "style", "textarea"};
  std::string lower = ascii_lower(std::string_view(html).substr(0, 12));
  for (const char* k : kinds) {
    std::string open = std::string("<") + k;
    if (lower.rfind(open, 0) != 0) continue;
    char after = lower.size() > open.size() ? lower[open.size()] : ' ';
    if (after != ' ' && after != '>' && after != '\t' && after != '\n') continue;
    if (ascii_lower(html).find(std::string("</") + k + ">") == std::string::npos) html += std::string("\n<!-- </") + k + "> -->";
  }
  return html;
}

void MdWriter::warn_raw(const std::string& format) {
  if (warned_raw_) return;
  warned_raw_ = true;
  diag_.warn("lost-content", "raw " + format + " content is not written to Markdown");
}

std::string write_markdown(const Document& doc, const WriterSyntax& syn, bool standalone, Diagnostics& diag) {
  return MdWriter(syn, diag).document(doc, standalone);
}

}  // namespace galley::markdown
