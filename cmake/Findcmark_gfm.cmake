# Finds cmark-gfm, GitHub's fork of the CommonMark reference parser (Debian's
# libcmark-gfm-dev and libcmark-gfm-extensions-dev; their CMake files are not
# shipped), and defines cmark_gfm::cmark_gfm and cmark_gfm::extensions.
find_path(cmark_gfm_INCLUDE_DIR NAMES cmark-gfm.h)
find_library(cmark_gfm_LIBRARY NAMES cmark-gfm)
find_library(cmark_gfm_EXTENSIONS_LIBRARY NAMES cmark-gfm-extensions)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(cmark_gfm REQUIRED_VARS cmark_gfm_LIBRARY cmark_gfm_EXTENSIONS_LIBRARY cmark_gfm_INCLUDE_DIR)
if(cmark_gfm_FOUND AND NOT TARGET cmark_gfm::cmark_gfm)
  add_library(cmark_gfm::cmark_gfm UNKNOWN IMPORTED)
  set_target_properties(cmark_gfm::cmark_gfm PROPERTIES IMPORTED_LOCATION "${cmark_gfm_LIBRARY}"
                        INTERFACE_INCLUDE_DIRECTORIES "${cmark_gfm_INCLUDE_DIR}")
  add_library(cmark_gfm::extensions UNKNOWN IMPORTED)
  set_target_properties(cmark_gfm::extensions PROPERTIES IMPORTED_LOCATION "${cmark_gfm_EXTENSIONS_LIBRARY}"
                        INTERFACE_LINK_LIBRARIES cmark_gfm::cmark_gfm)
endif()
mark_as_advanced(cmark_gfm_INCLUDE_DIR cmark_gfm_LIBRARY cmark_gfm_EXTENSIONS_LIBRARY)
