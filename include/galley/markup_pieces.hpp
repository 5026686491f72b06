// Markup cut into pieces, for the writers' passes over HTML and XHTML they already hold
// as text (raw fragments, finished pages): every such pass copies text, comments and end
// tags through and looks only at start tags and their attributes. One cutter keeps those
// passes agreeing on where a tag ends (quotes respected) and on what an attribute is.
// Not an HTML parser: no tree, no character references decoded, no implied tags.
#pragma once
#include <cstddef>
#include <string_view>

namespace galley {

struct MarkupPiece {
  enum class Kind {
    text,       // a run of text (a '<' that starts no tag is text too)
    other,      // a comment, end tag, doctype, CDATA section or processing instruction
    start_tag,  // "<name" up to its '>', quotes respected (or to the end of the markup)
  };
  Kind kind = Kind::text;
  std::string_view text;  // the piece's bytes; the pieces in order are the markup
  std::string_view name;  // a start tag's element name as written (ASCII letters, digits, - : _)
};

// How comments' cousins end: HTML reads "<!...>" and "<?...>" up to the first '>' (a
// CDATA section outside foreign content is a bogus comment there); XML ends a CDATA
// section at "]]>" and a processing instruction at "?>".
enum class MarkupSyntax { html, xml };

// The pieces of `html`, in order.
class MarkupPieces {
 public:
  explicit MarkupPieces(std::string_view html, MarkupSyntax syntax = MarkupSyntax::html) : html_(html), syntax_(syntax) {}
  bool next(MarkupPiece& piece);
  // Where the piece after the last one returned starts.
  std::size_t position() const { return pos_; }

 private:
  std::string_view html_;
  MarkupSyntax syntax_;
  std::size_t pos_ = 0;
};

// One attribute of a start tag as written.
struct TagAttribute {
  std::string_view before;  // the white space in front of it
  std::string_view name;
  std::string_view value;   // undecoded, without quotes (an unclosed quote runs to the tag's end)
  char quote = 0;           // '"' or '\'' around the value, 0 when unquoted or absent
  bool has_value = false;   // written with '='
  std::string_view text;    // the attribute as written, from its name to its value's end
};

// The attributes of one start tag, in order. A stray '=' or '/' where a name belongs is
// skipped together with the white space before it.
class TagAttributes {
 public:
  explicit TagAttributes(const MarkupPiece& start_tag);
  // Over the bytes just after a start tag's name, up to the end of the markup (how
  // MarkupPieces finds where a tag with quoted values ends).
  explicit TagAttributes(std::string_view after_name) : s_(after_name) {}
  bool next(TagAttribute& attribute);
  // Once next() has returned false: what closes the tag (white space and ">" or "/>"),
  // or the white space left when the markup ends inside the tag.
  std::string_view closing() const { return {s_.data() + close_begin_, close_end_ - close_begin_}; }
  // Once next() has returned false: how many bytes the attributes and the closing took.
  std::size_t consumed() const { return close_end_; }

 private:
  std::string_view s_;
  std::size_t j_ = 0;
  std::size_t close_begin_ = 0, close_end_ = 0;
  bool done_ = false;
};

}  // namespace galley
