// Exit codes of the `galley` command (documented in the README): CLI policy,
// not the library's.
#pragma once
#include "galley/error.hpp"

namespace galley::cli {

inline int exit_code_for(ErrorCategory c) {
  switch (c) {
    case ErrorCategory::Usage: return 2;
    case ErrorCategory::Input: return 3;
    case ErrorCategory::Output: return 4;
    case ErrorCategory::Filter: return 5;
    case ErrorCategory::Cancelled: return 130;  // as a shell reports SIGINT
    case ErrorCategory::Internal: return 70;
  }
  return 70;
}

}  // namespace galley::cli
