#pragma once
#include <memory>
#include "galley/format.hpp"
namespace galley::jats {
enum class TagSet { Archiving, Publishing, ArticleAuthoring };
std::unique_ptr<Writer> make_writer(TagSet tag_set);
}
