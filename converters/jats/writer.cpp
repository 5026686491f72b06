// PLACEHOLDER: replaced by the real writer.
#include "jats/jats.hpp"
#include "galley/error.hpp"
namespace galley::jats {
namespace { struct W : Writer { std::string write(const Document&, const WriterOptions&, Diagnostics&) const override { throw OutputError("galley.jats.todo", "jats writer not built yet"); } }; }
std::unique_ptr<Writer> make_writer(TagSet) { return std::make_unique<W>(); }
}
