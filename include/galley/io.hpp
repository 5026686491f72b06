// File access for galley: reading inputs and resources only below the
// resource root, and writing outputs atomically (temp file + rename).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "galley/diagnostics.hpp"
#include "galley/options.hpp"
#include "galley/safety.hpp"

namespace galley {

// Read a whole file; throws InputError "galley.io.read" (with errno text).
std::string read_file(const std::string& path, std::size_t max_bytes = std::size_t(512) << 20);

// Write `data` to `path` atomically: a temporary file in the same folder,
// fsync'd and renamed over `path` only when complete. Throws OutputError
// "galley.io.write". The temporary file is removed on any failure.
void write_file_atomic(const std::string& path, std::string_view data);

// Write `data` to `path` directly (created or truncated, fsync'd): for files
// inside a folder that is itself renamed into place when complete (packages).
// Throws OutputError "galley.io.write".
void write_file(const std::string& path, std::string_view data);

// Remove any temporary output file still pending (called from a SIGINT handler).
void cleanup_pending_outputs() noexcept;

// Resolve a resource reference (an image src, a CSS path) to an absolute path
// inside the resource root. Accepts relative paths and file: URLs; percent-
// decodes once. Returns nullopt (and warns "resource-refused" or
// "resource-missing") for: remote URLs when network is off, paths that escape
// the root (.., absolute paths outside, symlinks out), missing files.
std::optional<std::string> resolve_resource(std::string_view ref, const Resources& res, Diagnostics& diag);

// Read a resolved resource, refusing files above `limits.max_resource_bytes`
// (warns "resource-too-large" and returns nullopt).
std::optional<std::string> load_resource(std::string_view ref, const Resources& res, const Limits& limits,
                                         Diagnostics& diag);

// An image to embed: a data: URI (decoded, size-limited) or a local file below
// the resource root; its media type sniffed from the bytes; SVG cleaned of
// scripts and event handlers (refused when it cannot be made safe). Returns
// nullopt after a warning saying why ("resource-too-large", "resource-refused",
// "unsafe-content"); `prefix` starts each message ("epub: "). A remote URL is
// taken from `res.store` (an archive's records), else fetched through
// `res.fetcher` when `res.allow_network` is set, else refused.
struct LoadedImage { std::string bytes; std::string media_type; };
std::optional<LoadedImage> load_image(std::string_view url, const Resources& res, const Limits& limits, Diagnostics& diag,
                                      std::string_view prefix = {});

// Can load_image get this remote URL: the document's resource store holds it,
// or network access is on and a fetcher is set (galley/resource_store.hpp)?
// Writers that turn remote images into links ask this first.
bool remote_image_available(std::string_view url, const Resources& res);

// Is this URL remote (http:, https:, ftp:, //host)?
bool is_remote_url(std::string_view url);

// Media type from the first bytes: image/png, image/jpeg, image/gif,
// image/svg+xml, image/webp; "" when unknown.
std::string sniff_media_type(std::string_view bytes);

// Decode a data: URI (base64 or percent-encoded); nullopt when malformed or
// when the decoded bytes would exceed `max_bytes` (then *too_large is set).
struct DataUri { std::string media_type; std::string bytes; };
std::optional<DataUri> decode_data_uri(std::string_view uri, std::size_t max_bytes, bool* too_large = nullptr);

// URL / content safety (is_dangerous_url, is_dangerous_css, sanitize_svg, ...):
// galley/safety.hpp, included here.
std::string base64_encode(std::string_view bytes);

}  // namespace galley
