// Reader and writer interfaces. Readers only build a Document; writers only read one.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"
#include "galley/options.hpp"

namespace galley {

class Reader {
 public:
  virtual ~Reader() = default;
  // `input` is the raw bytes of the source (any encoding; the reader decodes).
  virtual Document read(std::string_view input, const ReaderOptions& options, Diagnostics& diag) const = 0;
};

enum class WriterKind { Text, Binary };

class Writer {
 public:
  virtual ~Writer() = default;
  virtual WriterKind kind() const { return WriterKind::Text; }
  // Returns the complete output (UTF-8 text, or bytes for binary writers).
  virtual std::string write(const Document& doc, const WriterOptions& options, Diagnostics& diag) const = 0;
  // Many articles, one output (a feed, a newsMessage): writers whose registry
  // entry sets joins_documents override this. The default throws UsageError
  // "galley.format.single" ("this writer writes one document").
  virtual std::string write_many(const std::vector<const Document*>& docs, const WriterOptions& options,
                                 Diagnostics& diag) const;
};

}  // namespace galley
