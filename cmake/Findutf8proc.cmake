# Finds utf8proc (Debian's libutf8proc-dev ships no CMake package) and defines
# the imported target utf8proc::utf8proc. Installed beside galleyConfig.cmake so
# that find_dependency(utf8proc) works for projects using an installed galley.
include("${CMAKE_CURRENT_LIST_DIR}/galley_find.cmake")
galley_find_library(utf8proc utf8proc::utf8proc LIBRARY utf8proc HEADER utf8proc.h)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(utf8proc REQUIRED_VARS utf8proc_LIBRARY utf8proc_INCLUDE_DIR)
