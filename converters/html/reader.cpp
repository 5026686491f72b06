// PLACEHOLDER: replaced by the HTML reader.
#include "html/html.hpp"
#include "galley/error.hpp"
namespace galley::html {
namespace { struct R : Reader { Document read(std::string_view, const ReaderOptions&, Diagnostics&) const override { throw InputError("galley.html.todo", "html reader not built yet"); } }; }
std::unique_ptr<Reader> make_reader() { return std::make_unique<R>(); }
std::vector<ExtensionInfo> reader_extensions() { return {}; }
}
