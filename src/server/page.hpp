// The web page at / (src/server/page/*), embedded at build time by embed_page.cmake:
// the server reads no file to serve it and needs no external asset.
#pragma once
#include <cstddef>
#include <string_view>

namespace galley::server {

struct PageAsset {
  const char* path;          // "/", "/app.js", "/style.css"
  const char* content_type;  // "text/html; charset=utf-8", ...
  const unsigned char* data;
  std::size_t size;
};
// nullptr when `path` is no asset.
const PageAsset* find_page_asset(std::string_view path);

}  // namespace galley::server
