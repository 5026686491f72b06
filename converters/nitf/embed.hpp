// NITF inside other documents: what the NewsML-G2 converter uses to read and
// write NITF bodies (and what the NITF reader and writer are made of).
#pragma once
#include <libxml/tree.h>

#include <cstddef>
#include <initializer_list>
#include <string>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"
#include "nitf/nitf.hpp"
#include "syndication/item.hpp"

namespace galley::nitf {

// What an <nitf> element says. Fields already set in `item` are kept (the
// NewsML-G2 reader reads contentMeta first; NITF fills what it left open).
struct Parsed {
  syndication::Item item;
  Blocks abstract;
  Blocks body;
  std::size_t flattened = 0;  // elements nested too deep, kept as text
};
void read_element(const xmlNode* nitf, Parsed& into, std::size_t max_depth, Diagnostics& diag);

// An <nitf> element for `doc` (with its namespace declaration). `with_head`: the
// <head> with docdata and pubdata (a standalone document); without it only the
// body, as NewsML-G2 carries NITF (its contentMeta holds the metadata). `id_prefix`
// keeps footnote ids unique when several items share one document.
std::string write_element(const Document& doc, const syndication::Item& item, bool with_head,
                          const std::string& id_prefix, Diagnostics& diag);

// One "unmapped-metadata" warning per key of the document's metadata that the
// item model does not carry (`extra` names keys the calling writer maps itself),
// so nothing is dropped silently. `format` names the writer in the message.
void warn_unmapped(const Meta& meta, const char* format, std::initializer_list<const char*> extra, Diagnostics& diag);

}  // namespace galley::nitf
