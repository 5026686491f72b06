// PLACEHOLDER: replaced by the real writer.
#include "epub/epub.hpp"
#include "galley/error.hpp"
namespace galley::epub {
namespace { struct W : Writer { std::string write(const Document&, const WriterOptions&, Diagnostics&) const override { throw OutputError("galley.epub.todo", "epub writer not built yet"); } }; }
std::unique_ptr<Writer> make_writer() { return std::make_unique<W>(); }
}
