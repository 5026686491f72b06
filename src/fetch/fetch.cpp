// The libcurl fetcher (fetch.hpp).
#include "fetch/fetch.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <dlfcn.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <map>
#include <mutex>
#include <optional>
#include <type_traits>

#include "galley/io.hpp"
#include "galley/options.hpp"

namespace galley::fetch {

namespace {

struct Transfer {
  std::string body;
  std::size_t max = 0;
  bool too_large = false;
  bool allow_private = false;
  const std::string* public_address = nullptr;
  std::string refused;  // the address and why, when the open-socket check said no
};

// The fetched bytes' SHA-256 for their provenance (OpenSSL: curl links it already).
std::string sha256_hex(const std::string& bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), md, &n, EVP_sha256(), nullptr) != 1) return {};
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < n; ++i) {
    out += hex[md[i] >> 4];
    out += hex[md[i] & 15];
  }
  return out;
}

std::size_t on_data(char* p, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  std::size_t k = size * n;
  if (t->body.size() + k > t->max) {
    t->too_large = true;
    return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
  }
  t->body.append(p, k);
  return k;
}

// Every connection (the first and each redirect's) passes here with the
// address it is about to use: the check that DNS answers cannot get around.
curl_socket_t on_open_socket(void* user, curlsocktype, struct curl_sockaddr* a) {
  auto* t = static_cast<Transfer*>(user);
  if (!t->allow_private) {
    std::string why = address_refusal(&a->addr);
    char host[64] = "?";
    if (a->family == AF_INET) inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&a->addr)->sin_addr, host, sizeof host);
    if (a->family == AF_INET6) inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&a->addr)->sin6_addr, host, sizeof host);
    if (!why.empty() && !(t->public_address && !t->public_address->empty() && *t->public_address == host)) {
      t->refused = std::string(host) + " is a " + why + " address";
      return CURL_SOCKET_BAD;
    }
  }
  return ::socket(a->family, a->socktype | SOCK_CLOEXEC, a->protocol);
}

// libcurl is opened on the first fetch rather than linked: with its thirty-odd shared
// libraries (TLS, Kerberos, LDAP, SSH, IDN ...) it cost every galley process about 7.5 ms
// of start-up (an empty program linking it: 10.3 ms of CPU against 0.4 ms; galley
// --version 10.6 ms), a twentieth of converting 3.6 MB of JATS to JSON, and only
// --fetch-resources uses it. The header still gives the types and constants.
struct CurlApi {
  bool ok = false;
  CURLcode (*global_init)(long) = nullptr;
  CURL* (*easy_init)() = nullptr;
  CURLcode (*easy_setopt)(CURL*, CURLoption, ...) = nullptr;
  CURLcode (*easy_perform)(CURL*) = nullptr;
  CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...) = nullptr;
  void (*easy_cleanup)(CURL*) = nullptr;
  const char* (*easy_strerror)(CURLcode) = nullptr;
};

const CurlApi& curl_api() {
  static const CurlApi api = [] {  // once, thread-safe (curl_global_init is not)
    CurlApi a;
    void* h = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!h) return a;
    auto sym = [h](auto& f, const char* name) {
      f = reinterpret_cast<std::remove_reference_t<decltype(f)>>(dlsym(h, name));
      return f != nullptr;
    };
    a.ok = sym(a.global_init, "curl_global_init") && sym(a.easy_init, "curl_easy_init") &&
           sym(a.easy_setopt, "curl_easy_setopt") && sym(a.easy_perform, "curl_easy_perform") &&
           sym(a.easy_getinfo, "curl_easy_getinfo") && sym(a.easy_cleanup, "curl_easy_cleanup") &&
           sym(a.easy_strerror, "curl_easy_strerror") && a.global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    return a;
  }();
  return api;
}

class CurlFetcher : public ResourceFetcher {
 public:
  explicit CurlFetcher(FetchOptions o) : opt_(std::move(o)) {}

  std::optional<StoredResource> fetch(std::string_view url_in, const Limits& limits, Diagnostics& diag) override {
    std::string url(url_in);
    {
      std::lock_guard<std::mutex> lock(mu_);
      auto it = cache_.find(url);
      if (it != cache_.end()) {
        if (!it->second.ok) diag.warn(it->second.kind, it->second.message);
        if (!it->second.ok) return std::nullopt;
        return it->second.resource;
      }
    }
    Entry e = get(url, limits);
    if (!e.ok) diag.warn(e.kind, e.message);
    std::lock_guard<std::mutex> lock(mu_);
    auto& slot = cache_.emplace(url, std::move(e)).first->second;
    if (!slot.ok) return std::nullopt;
    return slot.resource;
  }

 private:
  struct Entry {
    bool ok = false;
    StoredResource resource;
    std::string kind, message;
  };

  Entry get(const std::string& url, const Limits& limits) {
    Entry e;
    auto fail = [&](std::string kind, std::string msg) {
      e.kind = std::move(kind);
      e.message = "fetch: " + url + ": " + msg;
      return e;
    };
    std::string scheme = url_scheme(url);
    if (scheme != "http" && scheme != "https") return fail("resource-refused", "only http and https are fetched");
    const CurlApi& curl = curl_api();
    if (!curl.ok) return fail("resource-missing", "cannot load libcurl (libcurl.so.4)");
    CURL* c = curl.easy_init();
    if (!c) return fail("resource-missing", "cannot start libcurl");
    Transfer t;
    t.max = limits.max_resource_bytes;
    t.allow_private = opt_.allow_private;
    t.public_address = &opt_.public_address;
    char error[CURL_ERROR_SIZE] = "";
    curl.easy_setopt(c, CURLOPT_URL, url.c_str());
    curl.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl.easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl.easy_setopt(c, CURLOPT_MAXREDIRS, opt_.max_redirects);
    curl.easy_setopt(c, CURLOPT_PROXY, "");  // no proxy from the environment: the address check must see the server
    curl.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl.easy_setopt(c, CURLOPT_CONNECTTIMEOUT, opt_.connect_timeout_s);
    curl.easy_setopt(c, CURLOPT_TIMEOUT, opt_.timeout_s);
    curl.easy_setopt(c, CURLOPT_USERAGENT, opt_.user_agent.c_str());
    curl.easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // decoded by curl; the size limit applies to decoded bytes
    curl.easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.max_resource_bytes));
    curl.easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
    curl.easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl.easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
    curl.easy_setopt(c, CURLOPT_OPENSOCKETDATA, &t);
    curl.easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    curl.easy_setopt(c, CURLOPT_FAILONERROR, 0L);
    CURLcode rc = curl.easy_perform(c);
    long status = 0;
    curl.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    char* effective = nullptr;
    curl.easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &effective);
    std::string final_url = effective ? effective : url;
    char* ctype = nullptr;
    curl.easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ctype);
    std::string media = ctype ? ctype : "";
    curl.easy_cleanup(c);
    if (!t.refused.empty())
      return fail("resource-refused", "not connecting: " + t.refused + " (--allow-private-network allows it)");
    if (t.too_large || rc == CURLE_FILESIZE_EXCEEDED)
      return fail("resource-too-large", "larger than " + std::to_string(limits.max_resource_bytes) + " bytes");
    if (rc == CURLE_TOO_MANY_REDIRECTS)
      return fail("resource-refused", "more than " + std::to_string(opt_.max_redirects) + " redirects");
    if (rc == CURLE_UNSUPPORTED_PROTOCOL) return fail("resource-refused", "redirected to a scheme other than http(s)");
    if (rc != CURLE_OK) return fail("resource-missing", error[0] ? error : curl.easy_strerror(rc));
    if (status < 200 || status >= 300) return fail("resource-missing", "HTTP status " + std::to_string(status));
    if (sniff_media_type(t.body).empty())
      return fail("resource-refused", "not an image (" + (media.empty() ? std::string("no type") : media) + ")");
    e.ok = true;
    e.resource.bytes = std::move(t.body);
    e.resource.media_type = media;
    e.resource.provenance = {{"fetched-from", final_url}, {"http-status", std::to_string(status)},
                             {"content-type", media}, {"sha256", sha256_hex(e.resource.bytes)}};
    return e;
  }

  FetchOptions opt_;
  std::mutex mu_;
  std::map<std::string, Entry> cache_;
};

}  // namespace

std::shared_ptr<ResourceFetcher> make_fetcher(const FetchOptions& options) {
  return std::make_shared<CurlFetcher>(options);
}

}  // namespace galley::fetch
