// Atom 1.0 (RFC 4287): one feed, an entry per article, newest first, the full
// text as XHTML content. The writer joins documents (registry: joins_documents).
#pragma once
#include <memory>

#include "galley/format.hpp"

namespace galley::atom {
std::unique_ptr<Writer> make_writer();
}
