// JATS 1.3 writer: Archiving and Interchange, Journal Publishing, Article Authoring.
//
// Output is always a complete <article> with its DOCTYPE (`-s` makes no
// difference: a JATS fragment is not a document any JATS tool accepts).
// One std::string is built front to back; no DOM. Every element is checked
// against the tag set's content model (models.inc) before it is opened.
//
// Options (-V): journal-id=..., issn=... (Journal Publishing requires both);
// jats-mathml=3 declares the "with MathML3" DTD instead of the MathML 2 one.
#include <string>

#include "galley/io.hpp"
#include "galley/meta.hpp"
#include "jats/jats.hpp"
#include "jats/state.hpp"

namespace galley::jats {
namespace {

struct Doctype {
  const char* public_id;
  const char* public_id_mathml3;
  const char* system_id;
  const char* system_id_mathml3;
};

Doctype doctype(TagSet ts) {
  switch (ts) {
    case TagSet::Archiving:
      return {"-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 20210610//EN",
              "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD with MathML3 v1.3 20210610//EN",
              "https://jats.nlm.nih.gov/archiving/1.3/JATS-archivearticle1-3.dtd",
              "https://jats.nlm.nih.gov/archiving/1.3/JATS-archivearticle1-3-mathml3.dtd"};
    case TagSet::Publishing:
      return {"-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN",
              "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD with MathML3 v1.3 20210610//EN",
              "https://jats.nlm.nih.gov/publishing/1.3/JATS-journalpublishing1-3.dtd",
              "https://jats.nlm.nih.gov/publishing/1.3/JATS-journalpublishing1-3-mathml3.dtd"};
    case TagSet::ArticleAuthoring:
      return {"-//NLM//DTD JATS (Z39.96) Article Authoring DTD v1.3 20210610//EN",
              "-//NLM//DTD JATS (Z39.96) Article Authoring DTD with MathML3 v1.3 20210610//EN",
              "https://jats.nlm.nih.gov/articleauthoring/1.3/JATS-articleauthoring1-3.dtd",
              "https://jats.nlm.nih.gov/articleauthoring/1.3/JATS-articleauthoring1-3-mathml3.dtd"};
  }
  return {};
}

bool body_has_image(const Blocks& blocks, const std::string& url);

void write_lead_image(State& st, const Document& doc) {
  auto image = meta_text(doc.meta, "image");
  if (!image || body_has_image(doc.blocks, *image)) return;
  if (is_dangerous_url(*image)) {
    st.warn_once("unsafe-content", "script URL as lead image dropped");
    return;
  }
  // METADATA.md: the lead image is a graphic in a fig when embedded.
  st.open(El::fig, {{"fig-type", "lead-image"}}, true);
  st.open(El::graphic, {{"xlink:href", *image}});
  st.close(true);
  st.close(true);
}

void write_article(State& st, const Document& doc) {
  const bool mathml3 = st.opts.variable("jats-mathml") == "3";
  Doctype dt = doctype(st.ts);
  st.out += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE article PUBLIC \"";
  st.out += mathml3 ? dt.public_id_mathml3 : dt.public_id;
  st.out += "\" \"";
  st.out += mathml3 ? dt.system_id_mathml3 : dt.system_id;
  st.out += "\">\n";
  std::string lang = meta_text(doc.meta, "lang").value_or("");
  st.open(El::article, {{"xmlns:mml", "http://www.w3.org/1998/Math/MathML"},
                        {"xmlns:xlink", "http://www.w3.org/1999/xlink"},
                        {"xmlns:ali", "http://www.niso.org/schemas/ali/1.0/"},
                        {"article-type", article_type(doc.meta)},
                        {"dtd-version", "1.3"},
                        {"xml:lang", lang}},
          true);
  write_front(st, doc);
  bool body = !doc.blocks.empty() || meta_text(doc.meta, "image") || st.ts == TagSet::ArticleAuthoring;
  if (body) {
    st.open(El::body, {}, true);
    write_lead_image(st, doc);
    write_blocks(st, doc.blocks);
    st.close(true);
  }
  if (!st.footnotes.empty()) {
    st.open(El::back, {}, true);
    write_footnotes(st);
    st.close(true);
  }
  st.close(true);
}

bool image_in(const Inlines& xs, const std::string& url);
bool body_has_image(const Blocks& blocks, const std::string& url) {
  for (const Block& b : blocks) {
    if (auto p = b.as<Para>(); p && image_in(p->content, url)) return true;
    if (auto p = b.as<Plain>(); p && image_in(p->content, url)) return true;
    if (auto f = b.as<Figure>(); f && body_has_image(f->content, url)) return true;
    if (auto d = b.as<Div>(); d && body_has_image(d->content, url)) return true;
  }
  return false;
}
bool image_in(const Inlines& xs, const std::string& url) {
  for (const Inline& x : xs)
    if (auto im = x.as<Image>(); im && im->target.url == url) return true;
  return false;
}

class JatsWriter : public Writer {
 public:
  explicit JatsWriter(TagSet ts) : ts_(ts) {}

  std::string write(const Document& doc, const WriterOptions& options, Diagnostics& diag) const override {
    State st(ts_, options, diag);
    assign_ids(st, doc);
    st.lang = meta_text(doc.meta, "lang").value_or("");
    const auto ids_before = st.used_ids;
    const auto suffixes_before = st.next_suffix;
    // An internal link becomes an xref only when its target element is written;
    // a target that could not be written (e.g. a Span where the tag set has no
    // element to carry its id) turns its links into text on a second pass.
    for (int pass = 0; pass < 4; ++pass) {
      st.out.clear();
      st.stack.clear();
      st.kids.clear();
      st.emitted_ids.clear();
      st.xref_targets.clear();
      st.footnotes.clear();
      st.note_counter = 0;
      st.warned.clear();
      st.pending.clear();
      st.removed_chars = 0;
      st.used_ids = ids_before;
      st.next_suffix = suffixes_before;
      write_article(st, doc);
      bool dangling = false;
      for (const std::string& t : st.xref_targets)
        if (!st.emitted_ids.count(t)) {
          st.valid_targets.erase(t);
          dangling = true;
        }
      if (!dangling) break;
    }
    for (auto& [kind, message] : st.pending) diag.warn(kind, message);
    if (st.removed_chars)
      diag.warn("invalid-xml-char", std::to_string(st.removed_chars) +
                                        " character(s) that XML 1.0 forbids were removed from the JATS output");
    return std::move(st.out);
  }

 private:
  TagSet ts_;
};

}  // namespace

std::unique_ptr<Writer> make_writer(TagSet tag_set) { return std::make_unique<JatsWriter>(tag_set); }

}  // namespace galley::jats
