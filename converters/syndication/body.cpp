// body_xhtml (item.hpp): the article body as an XHTML fragment every syndication
// format can embed as it is. html_render's XHTML is EPUB's: its note marks carry
// epub:type, and raw HTML may hold SVG or MathML. Atom's xhtml content and
// NewsML-G2's XHTML body take XHTML elements only, and an undeclared epub:
// prefix is no namespace-well-formed XML, so such fragments are rewritten: epub:
// attributes removed, elements of other namespaces dropped (with a warning);
// formulas are written as their text (the MathML's alttext) by html_render, and raw
// MathML fragments become their alttext here.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include "galley/markup_pieces.hpp"
#include "galley/meta.hpp"
#include "html_render/html_render.hpp"
#include "syndication/item.hpp"

namespace galley::syndication {

namespace {

constexpr const char* kXhtmlNs = "http://www.w3.org/1999/xhtml";

// Removes epub: attributes and foreign elements below `node`; counts the drops.
void clean(xmlNodePtr node, std::size_t& foreign) {
  for (xmlNodePtr c = node->children; c;) {
    xmlNodePtr next = c->next;
    if (c->type == XML_ELEMENT_NODE) {
      bool xhtml = c->ns && c->ns->href && xmlStrEqual(c->ns->href, BAD_CAST kXhtmlNs);
      xmlChar* alt = xhtml ? nullptr : xmlGetProp(c, BAD_CAST "alttext");
      if (alt) {
        // A formula (docs/MATH.md) keeps its text: the alttext html_render wrote.
        xmlNodePtr text = xmlNewText(alt);
        xmlFree(alt);
        xmlReplaceNode(c, text);
        xmlFreeNode(c);
      } else if (!xhtml) {
        ++foreign;
        xmlUnlinkNode(c);
        xmlFreeNode(c);
      } else {
        for (xmlAttrPtr a = c->properties; a;) {
          xmlAttrPtr an = a->next;
          if (a->ns && a->ns->prefix && xmlStrEqual(a->ns->prefix, BAD_CAST "epub")) xmlRemoveProp(a);
          a = an;
        }
        clean(c, foreign);
      }
    }
    c = next;
  }
}

std::string rewrite(const std::string& fragment, Diagnostics& diag) {
  std::string doc = std::string("<div xmlns=\"") + kXhtmlNs + "\" xmlns:epub=\"http://www.idpf.org/2007/ops\">" +
                    fragment + "</div>";
  xmlDocPtr d = xmlReadMemory(doc.data(), static_cast<int>(doc.size()), "body.xml", "UTF-8",
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  if (!d) {
    // html_render's XHTML is well-formed (its raw fragments are checked), so this
    // is not expected; the text is kept rather than the markup.
    diag.warn("lost-content", "the XHTML body could not be re-read; its markup was dropped");
    return {};
  }
  xmlNodePtr root = xmlDocGetRootElement(d);
  std::size_t foreign = 0;
  clean(root, foreign);
  if (foreign)
    diag.warn("lost-content", std::to_string(foreign) +
                                  " element(s) of other namespaces (SVG, MathML) dropped from the XHTML body");
  std::string out;
  xmlBufferPtr buf = xmlBufferCreate();
  for (xmlNodePtr c = root->children; c; c = c->next) {
    xmlBufferEmpty(buf);
    xmlSaveCtxtPtr save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_NO_DECL | XML_SAVE_AS_XML);
    xmlSaveTree(save, c);
    xmlSaveClose(save);
    std::string part(reinterpret_cast<const char*>(xmlBufferContent(buf)), static_cast<std::size_t>(xmlBufferLength(buf)));
    // A child element re-declares the namespaces it uses when saved alone.
    for (const std::string& decl : {std::string(" xmlns=\"") + kXhtmlNs + "\"",
                                    std::string(" xmlns:epub=\"http://www.idpf.org/2007/ops\"")}) {
      std::size_t gt = part.find('>');
      std::size_t at = part.find(decl);
      if (at != std::string::npos && at < gt) part.erase(at, decl.size());
    }
    out += part;
  }
  xmlBufferFree(buf);
  xmlFreeDoc(d);
  return out;
}

// The epub: attributes removed from the start tags, when no other namespace is in the
// markup (the common case: footnote marks); comments, CDATA sections and processing
// instructions pass whole (html_render's raw fragments are well-formed XML).
std::string strip_epub_attributes(const std::string& html) {
  std::string out;
  out.reserve(html.size());
  MarkupPieces pieces(html, MarkupSyntax::xml);
  MarkupPiece piece;
  while (pieces.next(piece)) {
    if (piece.kind != MarkupPiece::Kind::start_tag || piece.text.find(" epub:") == std::string_view::npos) {
      out.append(piece.text);
      continue;
    }
    out += '<';
    out.append(piece.name);
    TagAttributes attributes(piece);
    TagAttribute a;
    while (attributes.next(a)) {
      if (a.name.starts_with("epub:") && !a.before.empty() && a.before.back() == ' ') {
        out.append(a.before.substr(0, a.before.size() - 1));
        continue;
      }
      out.append(a.before);
      out.append(a.text);
    }
    out.append(attributes.closing());
  }
  return out;
}

}  // namespace

std::string body_xhtml(const Document& doc, const WriterOptions& options, Diagnostics& diag) {
  detail::HtmlRenderOptions ro;
  ro.xhtml = true;
  ro.notes = detail::NoteStyle::Endnotes;
  // A formula's text directly: as MathML it made every body with one go through
  // rewrite() (a parse and a save of the whole body) only to become that text there.
  ro.formulas_as_text = true;
  auto lang = meta_text(doc.meta, "lang");
  ro.lang = lang ? *lang : options.variable("lang");
  detail::HtmlRenderer r(ro, diag);
  std::string html = r.blocks(doc.blocks);
  html += r.take_notes();
  // Only fragments that need it are re-read (most articles have neither).
  if (html.find("xmlns") != std::string::npos) return rewrite(html, diag);
  if (html.find("epub:") == std::string::npos) return html;
  return strip_epub_attributes(html);
}

}  // namespace galley::syndication
