#include "nitf/body_out.hpp"

#include <string>

#include "galley/detail/xml.hpp"
#include "galley/safety.hpp"
#include "galley/text.hpp"

namespace galley::nitf {
namespace {
constexpr int kMaxDepth = 100;  // deeper content is written as text: bq+block take two XML levels each, and
                                // libxml2 (most receivers) refuses documents deeper than 256 by default
}

void BodyWriter::text(std::string_view s) { detail::append_escaped(out_, s, false, &removed_); }

void BodyWriter::lost(const std::string& what) { ++losses_[what]; }

void BodyWriter::report() {
  for (auto& [what, n] : losses_)
    diag_.warn("lost-content", "NITF has no place for " + what + " (" + std::to_string(n) + " dropped)");
  losses_.clear();
  if (removed_)
    diag_.warn("invalid-xml-char",
               std::to_string(removed_) + " character(s) that XML 1.0 forbids were removed from the NITF output");
  removed_ = 0;
}

void BodyWriter::blocks(const Blocks& bs) {
  for (const Block& b : bs) block(b);
}

void BodyWriter::flush_media() {
  auto pending = std::move(images_);
  images_.clear();
  for (auto& im : pending) media_for(im.alt, im.target, im.attr, nullptr);
}

void BodyWriter::media_for(const Inlines& alt, const Target& t, const Attr& a, const Blocks* caption) {
  out_ += "<media media-type=\"image\"><media-reference";
  if (is_dangerous_url(t.url)) {
    lost("script URLs as image sources");
  } else {
    out_ += " source=\"";
    detail::append_escaped(out_, t.url, true, &removed_);
    out_ += '"';
  }
  std::string alt_text = stringify(alt);
  if (!alt_text.empty()) {
    out_ += " alternate-text=\"";
    detail::append_escaped(out_, alt_text, true, &removed_);
    out_ += '"';
  }
  for (const char* dim : {"width", "height"}) {
    const std::string* v = a.get(dim);
    if (v && !v->empty() && v->size() < 7 && v->find_first_not_of("0123456789") == std::string::npos) {
      out_ += ' ';
      out_ += dim;
      out_ += "=\"" + *v + '"';
    }
  }
  out_ += "/>";
  if (caption && !caption->empty()) {
    out_ += "<media-caption>";
    blocks(*caption);
    out_ += "</media-caption>";
  } else if (!t.title.empty()) {
    out_ += "<media-caption>";
    text(t.title);
    out_ += "</media-caption>";
  }
  out_ += "</media>\n";
}

void BodyWriter::list_item(const Blocks& bs) {
  out_ += "<li>";
  // A tight item (one Plain) is text directly in li, as NITF writes lists.
  if (bs.size() == 1 && bs[0].is<Plain>()) inlines(bs[0].as<Plain>()->content);
  else blocks(bs);
  out_ += "</li>\n";
}

void BodyWriter::cell_content(const Blocks& bs) {
  if (bs.size() == 1 && (bs[0].is<Plain>() || bs[0].is<Para>())) {
    inlines(bs[0].is<Plain>() ? bs[0].as<Plain>()->content : bs[0].as<Para>()->content);
    return;
  }
  blocks(bs);
}

void BodyWriter::block(const Block& b) {
  if (++depth_ > kMaxDepth) {
    out_ += "<p>";
    text(stringify(Blocks{b}));
    out_ += "</p>\n";
    lost("structure nested deeper than " + std::to_string(kMaxDepth) + " levels (kept as text)");
    --depth_;
    return;
  }
  visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Para> || std::is_same_v<T, Plain>) {
          // A paragraph that is only an image is the image.
          if (v.content.size() == 1 && v.content[0].template is<Image>()) {
            const Image& im = *v.content[0].template as<Image>();
            media_for(im.content, im.target, im.attr, nullptr);
            return;
          }
          if (v.content.empty()) return;
          out_ += "<p>";
          inlines(v.content);
          out_ += "</p>\n";
          flush_media();
        } else if constexpr (std::is_same_v<T, LineBlock>) {
          out_ += "<p>";
          for (std::size_t i = 0; i < v.lines.size(); ++i) {
            if (i) out_ += "<br/>";
            inlines(v.lines[i]);
          }
          out_ += "</p>\n";
          flush_media();
        } else if constexpr (std::is_same_v<T, CodeBlock>) {
          out_ += "<pre>";
          text(v.text);
          out_ += "</pre>\n";
        } else if constexpr (std::is_same_v<T, RawBlock>) {
          lost("raw " + v.format + " blocks");
        } else if constexpr (std::is_same_v<T, BlockQuote>) {
          if (v.content.empty()) return;
          out_ += "<bq><block>\n";
          blocks(v.content);
          out_ += "</block></bq>\n";
        } else if constexpr (std::is_same_v<T, OrderedList>) {
          if (v.items.empty()) return;
          out_ += "<ol";
          if (v.attrs.start != 1 && v.attrs.start > 0) out_ += " seqnum=\"" + std::to_string(v.attrs.start) + '"';
          out_ += ">\n";
          for (const Blocks& item : v.items) list_item(item);
          out_ += "</ol>\n";
        } else if constexpr (std::is_same_v<T, BulletList>) {
          if (v.items.empty()) return;
          out_ += "<ul>\n";
          for (const Blocks& item : v.items) list_item(item);
          out_ += "</ul>\n";
        } else if constexpr (std::is_same_v<T, DefinitionList>) {
          if (v.items.empty()) return;
          out_ += "<dl>\n";
          for (const DefinitionItem& item : v.items) {
            out_ += "<dt>";
            inlines(item.term);
            out_ += "</dt>\n";
            for (const Blocks& d : item.definitions) {
              out_ += "<dd>";
              blocks(d);
              out_ += "</dd>\n";
            }
          }
          out_ += "</dl>\n";
          flush_media();
        } else if constexpr (std::is_same_v<T, Header>) {
          // NITF's body has one heading element; the level goes into the class.
          out_ += "<hl2";
          if (v.level != 2) out_ += " class=\"level" + std::to_string(v.level) + '"';
          out_ += '>';
          inlines(v.content);
          out_ += "</hl2>\n";
          flush_media();
        } else if constexpr (std::is_same_v<T, HorizontalRule>) {
          out_ += "<hr/>\n";
        } else if constexpr (std::is_same_v<T, Table>) {
          out_ += "<table>\n";
          if (!v.caption.long_caption.empty()) {
            out_ += "<caption>";
            cell_content(v.caption.long_caption);
            out_ += "</caption>\n";
          }
          auto rows = [&](const std::vector<Row>& rs, const char* cell) {
            for (const Row& r : rs) {
              out_ += "<tr>";
              for (const Cell& c : r.cells) {
                out_ += '<';
                out_ += cell;
                if (c.row_span > 1) out_ += " rowspan=\"" + std::to_string(c.row_span) + '"';
                if (c.col_span > 1) out_ += " colspan=\"" + std::to_string(c.col_span) + '"';
                out_ += '>';
                cell_content(c.content);
                out_ += "</";
                out_ += cell;
                out_ += '>';
              }
              out_ += "</tr>\n";
            }
          };
          auto nonempty = [](const std::vector<Row>& rs) {
            for (const Row& r : rs)
              if (!r.cells.empty()) return true;
            return false;
          };
          // tr needs a cell: rows without any are left out (they hold nothing).
          auto filled = [](const std::vector<Row>& rs) {
            std::vector<Row> out;
            for (const Row& r : rs)
              if (!r.cells.empty()) out.push_back(r);
            return out;
          };
          if (nonempty(v.head.rows)) {
            out_ += "<thead>\n";
            rows(filled(v.head.rows), "th");
            out_ += "</thead>\n";
          }
          if (nonempty(v.foot.rows)) {
            out_ += "<tfoot>\n";
            rows(filled(v.foot.rows), "td");
            out_ += "</tfoot>\n";
          }
          std::vector<Row> body;
          for (const TableBody& tb : v.bodies) {
            for (const Row& r : tb.head) body.push_back(r);
            for (const Row& r : tb.body) body.push_back(r);
          }
          body = filled(body);
          if (!body.empty()) {
            out_ += "<tbody>\n";
            rows(body, "td");
            out_ += "</tbody>\n";
          }
          out_ += "</table>\n";
          flush_media();
        } else if constexpr (std::is_same_v<T, Figure>) {
          // The figure's images each as media with the caption; other content after it.
          std::vector<const Image*> images;
          Blocks rest;
          for (const Block& c : v.content) {
            const Inlines* xs = c.template is<Plain>() ? &c.template as<Plain>()->content
                                : c.template is<Para>() ? &c.template as<Para>()->content
                                                        : nullptr;
            bool only_images = xs && !xs->empty();
            if (xs)
              for (const Inline& x : *xs)
                if (!x.template is<Image>() && !x.template is<Space>() && !x.template is<SoftBreak>()) only_images = false;
            if (only_images) {
              for (const Inline& x : *xs)
                if (auto im = x.template as<Image>()) images.push_back(im);
            } else {
              rest.push_back(c);
            }
          }
          if (images.empty()) {
            // A caption without a picture (METADATA.md): its text as a paragraph.
            if (!v.caption.long_caption.empty()) {
              out_ += "<p class=\"caption\">";
              inlines(Inlines{Str{stringify(v.caption.long_caption)}});
              out_ += "</p>\n";
            }
          }
          for (std::size_t i = 0; i < images.size(); ++i)
            media_for(images[i]->content, images[i]->target, images[i]->attr, i == 0 ? &v.caption.long_caption : nullptr);
          blocks(rest);
        } else if constexpr (std::is_same_v<T, Div>) {
          blocks(v.content);
        }
      },
      b);
  --depth_;
}

void BodyWriter::inlines(const Inlines& xs) {
  for (const Inline& x : xs) inline_(x);
}

void BodyWriter::em(const char* cls, const Inlines& xs) {
  out_ += "<em";
  if (cls) {
    out_ += " class=\"";
    out_ += cls;
    out_ += '"';
  }
  out_ += '>';
  inlines(xs);
  out_ += "</em>";
}

void BodyWriter::inline_(const Inline& x) {
  if (++depth_ > kMaxDepth) {
    text(stringify(Inlines{x}));
    lost("inline markup nested deeper than " + std::to_string(kMaxDepth) + " levels (kept as text)");
    --depth_;
    return;
  }
  visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Str>) text(v.text);
        else if constexpr (std::is_same_v<T, Space> || std::is_same_v<T, SoftBreak>) out_ += ' ';
        else if constexpr (std::is_same_v<T, LineBreak>) out_ += "<br/>";
        else if constexpr (std::is_same_v<T, Emph>) em(nullptr, v.content);
        else if constexpr (std::is_same_v<T, Strong>) em("bold", v.content);
        else if constexpr (std::is_same_v<T, Underline>) em("underline", v.content);
        else if constexpr (std::is_same_v<T, Strikeout>) em("strikeout", v.content);
        else if constexpr (std::is_same_v<T, SmallCaps>) em("smallcaps", v.content);
        else if constexpr (std::is_same_v<T, Superscript>) em("superscript", v.content);
        else if constexpr (std::is_same_v<T, Subscript>) em("subscript", v.content);
        else if constexpr (std::is_same_v<T, Quoted>) {
          out_ += "<q>";
          inlines(v.content);
          out_ += "</q>";
        } else if constexpr (std::is_same_v<T, Cite>) inlines(v.content);
        else if constexpr (std::is_same_v<T, Code>) {
          out_ += "<em class=\"code\">";
          text(v.text);
          out_ += "</em>";
        } else if constexpr (std::is_same_v<T, Math>) {
          out_ += "<em class=\"math\">";
          text(v.text);
          out_ += "</em>";
        } else if constexpr (std::is_same_v<T, RawInline>) {
          lost("raw " + v.format + " inlines");
        } else if constexpr (std::is_same_v<T, Link>) {
          bool only_images = !v.content.empty();
          for (const Inline& c : v.content)
            if (!c.template is<Image>() && !c.template is<Space>() && !c.template is<SoftBreak>()) only_images = false;
          if (only_images) {
            // A linked picture: NITF's media has no link; the picture is kept.
            lost("links around images (the images are kept)");
            inlines(v.content);
            return;
          }
          if (is_dangerous_url(v.target.url)) {
            lost("script URLs in links (the link text is kept)");
            inlines(v.content);
            return;
          }
          out_ += "<a href=\"";
          detail::append_escaped(out_, v.target.url, true, &removed_);
          out_ += '"';
          if (!v.target.title.empty()) {
            out_ += " title=\"";
            detail::append_escaped(out_, v.target.title, true, &removed_);
            out_ += '"';
          }
          out_ += '>';
          inlines(v.content);
          out_ += "</a>";
        } else if constexpr (std::is_same_v<T, Image>) {
          // enrichedText holds no picture: it follows the block as <media>, its
          // alt text there (in the text it would run into the next word).
          images_.push_back({v.content, v.target, v.attr});
        } else if constexpr (std::is_same_v<T, Note>) {
          notes_.push_back(v.content);
          std::string n = std::to_string(++note_counter_);
          out_ += "<a href=\"#" + id_prefix_ + "fn" + n + "\"><em class=\"superscript\">" + n + "</em></a>";
        } else if constexpr (std::is_same_v<T, Span>) inlines(v.content);
      },
      x);
  --depth_;
}

void BodyWriter::footnotes() {
  // Notes inside notes are collected while the first ones are written.
  for (std::size_t i = 0; i < notes_.size(); ++i) {
    out_ += "<fn id=\"" + id_prefix_ + "fn" + std::to_string(i + 1) + "\"><body.content>\n";
    Blocks content = notes_[i];  // writing it may add notes (and move the vector)
    blocks(content);
    out_ += "</body.content></fn>\n";
  }
  notes_.clear();
}

}  // namespace galley::nitf
