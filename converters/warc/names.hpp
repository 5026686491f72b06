// File-name stems for an archive's pages, from their URLs, deterministic:
// "http://Example.com:8080/news/story.html?id=3" -> "Example.com_8080/news/story_id_3";
// a folder URL ends in "index". Stems that would collide get "-2", "-3" in archive order.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace galley::warc {
std::string page_name(std::string_view url);
std::vector<std::string> page_names(const std::vector<std::string>& urls);
}  // namespace galley::warc
