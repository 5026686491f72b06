// Out-of-line equality for the recursive AST types (the element types are
// incomplete where the structs are declared, so `= default` cannot be used there).
#include "galley/ast.hpp"

namespace galley {

bool operator==(const Inline& a, const Inline& b) { return a.base() == b.base(); }
bool operator==(const Block& a, const Block& b) { return a.base() == b.base(); }
bool operator==(const MetaValue& a, const MetaValue& b) { return a.base() == b.base(); }

bool Citation::operator==(const Citation& o) const {
  return id == o.id && prefix == o.prefix && suffix == o.suffix && mode == o.mode && note_num == o.note_num &&
         hash == o.hash;
}
bool Emph::operator==(const Emph& o) const { return content == o.content; }
bool Underline::operator==(const Underline& o) const { return content == o.content; }
bool Strong::operator==(const Strong& o) const { return content == o.content; }
bool Strikeout::operator==(const Strikeout& o) const { return content == o.content; }
bool Superscript::operator==(const Superscript& o) const { return content == o.content; }
bool Subscript::operator==(const Subscript& o) const { return content == o.content; }
bool SmallCaps::operator==(const SmallCaps& o) const { return content == o.content; }
bool Quoted::operator==(const Quoted& o) const { return type == o.type && content == o.content; }
bool Cite::operator==(const Cite& o) const { return citations == o.citations && content == o.content; }
bool Link::operator==(const Link& o) const { return attr == o.attr && content == o.content && target == o.target; }
bool Image::operator==(const Image& o) const { return attr == o.attr && content == o.content && target == o.target; }
bool Note::operator==(const Note& o) const { return content == o.content; }
bool Span::operator==(const Span& o) const { return attr == o.attr && content == o.content; }

bool Cell::operator==(const Cell& o) const {
  return attr == o.attr && align == o.align && row_span == o.row_span && col_span == o.col_span &&
         content == o.content;
}
bool Row::operator==(const Row& o) const { return attr == o.attr && cells == o.cells; }
bool TableHead::operator==(const TableHead& o) const { return attr == o.attr && rows == o.rows; }
bool TableBody::operator==(const TableBody& o) const {
  return attr == o.attr && row_head_columns == o.row_head_columns && head == o.head && body == o.body;
}
bool TableFoot::operator==(const TableFoot& o) const { return attr == o.attr && rows == o.rows; }
bool Caption::operator==(const Caption& o) const {
  return short_caption == o.short_caption && long_caption == o.long_caption;
}

bool Plain::operator==(const Plain& o) const { return content == o.content; }
bool Para::operator==(const Para& o) const { return content == o.content; }
bool LineBlock::operator==(const LineBlock& o) const { return lines == o.lines; }
bool BlockQuote::operator==(const BlockQuote& o) const { return content == o.content; }
bool OrderedList::operator==(const OrderedList& o) const { return attrs == o.attrs && items == o.items; }
bool BulletList::operator==(const BulletList& o) const { return items == o.items; }
bool DefinitionItem::operator==(const DefinitionItem& o) const {
  return term == o.term && definitions == o.definitions;
}
bool DefinitionList::operator==(const DefinitionList& o) const { return items == o.items; }
bool Header::operator==(const Header& o) const {
  return level == o.level && attr == o.attr && content == o.content;
}
bool Table::operator==(const Table& o) const {
  return attr == o.attr && caption == o.caption && colspecs == o.colspecs && head == o.head &&
         bodies == o.bodies && foot == o.foot;
}
bool Figure::operator==(const Figure& o) const {
  return attr == o.attr && caption == o.caption && content == o.content;
}
bool Div::operator==(const Div& o) const { return attr == o.attr && content == o.content; }

bool MetaMap::operator==(const MetaMap& o) const { return entries == o.entries; }
bool MetaList::operator==(const MetaList& o) const { return items == o.items; }
bool MetaInlines::operator==(const MetaInlines& o) const { return content == o.content; }
bool MetaBlocks::operator==(const MetaBlocks& o) const { return content == o.content; }

bool Document::operator==(const Document& o) const { return meta == o.meta && blocks == o.blocks; }

}  // namespace galley
