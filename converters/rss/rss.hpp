// RSS 2.0: one channel, an item per article, newest first, the full text as
// HTML in content:encoded. The writer joins documents (registry: joins_documents).
#pragma once
#include <memory>

#include "galley/format.hpp"

namespace galley::rss {
std::unique_ptr<Writer> make_writer();
}
