// PLACEHOLDER: replaced by the plain-text article reader.
#include "plain/plain.hpp"
#include "galley/error.hpp"
namespace galley::plain {
namespace { struct R : Reader { Document read(std::string_view, const ReaderOptions&, Diagnostics&) const override { throw InputError("galley.plain.todo", "plain reader not built yet"); } }; }
std::unique_ptr<Reader> make_reader() { return std::make_unique<R>(); }
std::vector<ExtensionInfo> reader_extensions() { return {}; }
}
