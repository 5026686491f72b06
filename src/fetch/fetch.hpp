// galley_fetch: remote images over http(s) with libcurl, only when asked
// (--fetch-resources), as a galley::ResourceFetcher (galley/resource_store.hpp)
// so that the core library never depends on curl. What it refuses:
//  - any scheme but http and https (redirects included);
//  - connecting to loopback, private (RFC 1918, fc00::/7), link-local
//    (169.254/16 with the cloud metadata address, fe80::/10), multicast,
//    unspecified, CGNAT (100.64/10), benchmarking, reserved and IPv4-mapped
//    forms of those, unless allow_private: checked on the address each
//    connection actually uses (curl's open-socket callback), so a redirect to
//    127.0.0.1 or a name that resolves to a private address (DNS rebinding
//    included) is refused at connect time;
//  - more than max_redirects redirects, bodies over the resource limit (also
//    after content decoding), slow servers (connect and total time limits);
//  - anything whose bytes are not an image (sniffed).
// No cookies, no proxies from the environment, a clear User-Agent. Results
// (failures too) are cached by URL for the whole run.
#pragma once
#include <sys/socket.h>

#include <memory>
#include <string>

#include "galley/resource_store.hpp"

namespace galley::fetch {

struct FetchOptions {
  bool allow_private = false;  // --allow-private-network
  // For tests only: one exact address (e.g. "127.0.0.2") that counts as public, so
  // that a loopback server can play a public one redirecting to a private
  // address. The command line takes it from GALLEY_TEST_PUBLIC_ADDRESS.
  std::string public_address;
  long connect_timeout_s = 10;
  long timeout_s = 30;          // one resource, all redirects included
  long max_redirects = 5;
  std::string user_agent = "galley (article converter; fetching images because --fetch-resources was given)";
};

// Why connecting to this address is refused ("loopback", "private",
// "link-local", "multicast", ...), "" when it is a public address.
std::string address_refusal(const sockaddr* addr);

std::shared_ptr<ResourceFetcher> make_fetcher(const FetchOptions& options);

}  // namespace galley::fetch
