// `galley package`: BagIt 1.0 archival packages (RFC 8493) of one article, and
// `galley package --validate BAG`. The bag format itself is galley/bagit.hpp.
#pragma once

namespace galley::cli {

// argv[0] is "package". Returns the exit status: 0 done / valid, 1 invalid
// bag (problems on standard output), 3 unreadable bag; throws galley::Error
// for the other failures (usage 2, input 3, output 4, filter 5).
int run_package(int argc, char** argv);

// Remove a folder bag being built (called from the SIGINT handler; only
// unlink/rmdir, async-signal-safe).
void cleanup_package_temp() noexcept;

}  // namespace galley::cli
