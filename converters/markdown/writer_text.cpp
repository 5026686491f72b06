// Line-level helpers of the markdown writers: prefixes for containers, escapes
// at line starts, and the YAML metadata block.
#include <string>

#include "galley/text.hpp"
#include "markdown/writer_detail.hpp"

namespace galley::markdown {

std::string indent(std::string_view text, std::string_view first, std::string_view rest, std::string_view blank) {
  std::string blank_prefix(blank == "\x01" ? rest : blank);
  if (blank == "\x01") while (!blank_prefix.empty() && blank_prefix.back() == ' ') blank_prefix.pop_back();
  std::string out;
  out.reserve(text.size() + text.size() / 8 + first.size());
  std::size_t pos = 0;
  bool first_line = true;
  while (pos <= text.size()) {
    std::size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(pos, e - pos);
    if (first_line) out.append(first);
    else out.append(line.empty() ? std::string_view(blank_prefix) : rest);
    out.append(line);
    first_line = false;
    if (e == text.size()) break;
    out += '\n';
    pos = e + 1;
  }
  return out;
}

std::string escape_line_starts(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(pos, e - pos);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (!line.empty()) {
      char c = line.front();
      // a tag opening a later line may start an HTML block there, and no escape
      // stops one: four spaces do (an indented line continues a paragraph)
      if (c == '<' && pos > 0) out += "    ";
      // ~~ opens strikeout, ~~~ a code fence
      if (c == '#' || c == '-' || c == '+' || c == '=' || (c == '~' && line.rfind("~~~", 0) == 0) || c == '|' || c == ':') out += '\\';
      else if (c >= '0' && c <= '9') {
        // "2024. was a year" would be an ordered list item
        std::size_t k = 0;
        while (k < line.size() && k < 10 && line[k] >= '0' && line[k] <= '9') ++k;
        if (k < line.size() && (line[k] == '.' || line[k] == ')') && (k + 1 == line.size() || line[k + 1] == ' ')) {
          out.append(line.substr(0, k));
          out += '\\';
          line.remove_prefix(k);
        }
      }
    }
    out.append(line);
    if (e == text.size()) break;
    out += '\n';
    pos = e + 1;
  }
  return out;
}

namespace {

std::string yaml_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') { out += '\\'; out += c; }
    else if (c == '\n') out += "\\n";
    else if (static_cast<unsigned char>(c) < 0x20) { out += ' '; }
    else out += c;
  }
  return out + "\"";
}

void yaml_value(std::string& out, const MetaValue& v, int depth, const MetaRender& render);

void yaml_map(std::string& out, const std::map<std::string, MetaValue>& m, int depth,
              const MetaRender& render) {
  for (auto& [k, v] : m) {
    out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + yaml_quote(k) + ":";
    yaml_value(out, v, depth, render);
  }
}

void yaml_value(std::string& out, const MetaValue& v, int depth, const MetaRender& render) {
  std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
  if (auto* s = v.as<MetaString>()) { out += " " + yaml_quote(s->text) + "\n"; return; }
  if (auto* b = v.as<MetaBool>()) { out += b->value ? " true\n" : " false\n"; return; }
  if (auto* i = v.as<MetaInlines>()) { out += " " + yaml_quote(render.inlines(i->content)) + "\n"; return; }
  if (auto* bl = v.as<MetaBlocks>()) {
    std::string text = render.blocks(bl->content);
    std::string lead = pad + "  ";
    out += " |\n" + indent(text, lead, lead, "") + "\n";
    return;
  }
  if (auto* l = v.as<MetaList>()) {
    out += "\n";
    for (auto& item : l->items) {
      if (auto* m = item.as<MetaMap>()) {
        out += pad + "  -\n";
        yaml_map(out, m->entries, depth + 2, render);
      } else {
        out += pad + "  -";
        yaml_value(out, item, depth + 1, render);
      }
    }
    return;
  }
  if (auto* m = v.as<MetaMap>()) {
    out += "\n";
    yaml_map(out, m->entries, depth + 1, render);
  }
}

}  // namespace

std::string yaml_header(const Meta& meta, const MetaRender& render) {
  std::string out = "---\n";
  yaml_map(out, meta, 0, render);
  return out + "---\n\n";
}

}  // namespace galley::markdown
