#pragma once
#include <memory>
#include "galley/format.hpp"
namespace galley::jats {
enum class TagSet { Archiving, Publishing, ArticleAuthoring };
std::unique_ptr<Writer> make_writer(TagSet tag_set);
// JATS 1.0-1.3 articles (archiving, publishing, authoring; BITS book parts) -> Document.
std::unique_ptr<Reader> make_reader();
void init();  // libxml2's globals, before readers run on several threads
}
