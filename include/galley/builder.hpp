// Convenience constructors for building documents in code and in tests.
#pragma once
#include <cstddef>
#include <string_view>

#include "galley/ast.hpp"

namespace galley {

// Split text into Str / Space (and SoftBreak at newlines) exactly as pandoc
// does: runs of spaces/tabs collapse into one Space; a newline (with any
// surrounding spaces) becomes SoftBreak; leading/trailing whitespace dropped.
Inlines text(std::string_view s);
// The same, when the caller has counted the words (count_words(s)): the count only sizes
// the result, so a wrong one costs memory, never content.
Inlines text(std::string_view s, std::size_t words);
// The same split, appended to `out` (no temporary list when building up a paragraph).
void append_text(Inlines& out, std::string_view s);
// The number of Str elements text(s) makes: runs of bytes other than space, tab, CR, LF.
std::size_t count_words(std::string_view s);
// The end of the word that starts at i: the index of the next space, tab, CR or LF at or
// after i, or s.size() (sixteen bytes at a time where the machine has SSE2). For readers
// that split text their own way (the JATS reader keeps the space at either end).
std::size_t word_end(std::string_view s, std::size_t i);

inline Block para(std::string_view s) { return Para{text(s)}; }
inline Block plain_block(std::string_view s) { return Plain{text(s)}; }
inline Block header(int level, std::string_view s, std::string id = {}) { return Header{level, Attr{std::move(id), {}, {}}, text(s)}; }
inline MetaValue meta_inlines(std::string_view s) { return MetaInlines{text(s)}; }
inline MetaValue meta_string(std::string s) { return MetaString{std::move(s)}; }

}  // namespace galley
