// PLACEHOLDER: replaced by the real writer.
#include "html_print/html_print.hpp"
#include "galley/error.hpp"
namespace galley::html_print {
namespace { struct W : Writer { std::string write(const Document&, const WriterOptions&, Diagnostics&) const override { throw OutputError("galley.html_print.todo", "html_print writer not built yet"); } }; }
std::unique_ptr<Writer> make_writer() { return std::make_unique<W>(); }
}
