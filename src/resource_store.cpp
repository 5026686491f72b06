// The in-memory resource store (galley/resource_store.hpp).
#include "galley/resource_store.hpp"

#include <cctype>

namespace galley {

std::string normalise_resource_url(std::string_view url) {
  auto hash = url.find('#');
  if (hash != std::string_view::npos) url = url.substr(0, hash);
  auto colon = url.find("://");
  if (colon == std::string_view::npos) return std::string(url);
  std::string scheme;
  for (char c : url.substr(0, colon)) scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "http" && scheme != "https") return std::string(url);
  std::string_view rest = url.substr(colon + 3);
  auto path_at = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, path_at);
  std::string_view tail = path_at == std::string_view::npos ? std::string_view{} : rest.substr(path_at);
  std::string host;
  for (char c : authority) host += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // userinfo is kept as written (rare, and part of the identity of the URL)
  auto at = host.rfind('@');
  std::string_view hostport = std::string_view(host).substr(at == std::string::npos ? 0 : at + 1);
  std::string dflt = scheme == "http" ? ":80" : ":443";
  if (hostport.ends_with(dflt)) host.resize(host.size() - dflt.size());  // "[::1]:80" too; "[::80]" ends with "]"
  std::string out = scheme + "://" + host;
  if (tail.empty() || tail[0] == '?') out += '/';
  out += tail;
  return out;
}

void ResourceStore::add(const std::string& url, StoredResource r) {
  items_.insert_or_assign(url, std::move(r));
}

const StoredResource* ResourceStore::find(std::string_view url) const {
  auto it = items_.find(url);
  if (it != items_.end()) return &it->second;
  std::string n = normalise_resource_url(url);
  it = items_.find(n);
  if (it != items_.end()) return &it->second;
  return base_ ? base_->find(url) : nullptr;
}

}  // namespace galley
