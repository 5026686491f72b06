# Finds libzip and defines libzip::zip. Debian 12's own libzip CMake package
# cannot be used without its command-line tools installed (its targets file checks
# that /usr/bin/zipcmp exists), so galley looks for the header and library itself.
# Installed beside galleyConfig.cmake for find_dependency(libzip).
find_path(libzip_INCLUDE_DIR NAMES zip.h)
find_library(libzip_LIBRARY NAMES zip)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(libzip REQUIRED_VARS libzip_LIBRARY libzip_INCLUDE_DIR)
if(libzip_FOUND AND NOT TARGET libzip::zip)
  add_library(libzip::zip UNKNOWN IMPORTED)
  set_target_properties(libzip::zip PROPERTIES IMPORTED_LOCATION "${libzip_LIBRARY}"
                        INTERFACE_INCLUDE_DIRECTORIES "${libzip_INCLUDE_DIR}")
endif()
mark_as_advanced(libzip_INCLUDE_DIR libzip_LIBRARY)
