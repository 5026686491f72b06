# Finds cmark-gfm, GitHub's fork of the CommonMark reference parser (Debian's
# libcmark-gfm-dev and libcmark-gfm-extensions-dev; their CMake files are not
# shipped), and defines cmark_gfm::cmark_gfm and cmark_gfm::extensions.
include("${CMAKE_CURRENT_LIST_DIR}/galley_find.cmake")
galley_find_library(cmark_gfm cmark_gfm::cmark_gfm LIBRARY cmark-gfm HEADER cmark-gfm.h)
# The extensions' headers include cmark-gfm's: its include folder comes through LINKS.
galley_find_library(cmark_gfm_EXTENSIONS cmark_gfm::extensions LIBRARY cmark-gfm-extensions LINKS cmark_gfm::cmark_gfm)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(cmark_gfm REQUIRED_VARS cmark_gfm_LIBRARY cmark_gfm_EXTENSIONS_LIBRARY cmark_gfm_INCLUDE_DIR)
