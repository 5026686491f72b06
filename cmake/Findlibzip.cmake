# Finds libzip and defines libzip::zip. Debian 12's own libzip CMake package
# cannot be used without its command-line tools installed (its targets file checks
# that /usr/bin/zipcmp exists), so galley looks for the header and library itself.
# Installed beside galleyConfig.cmake for find_dependency(libzip).
include("${CMAKE_CURRENT_LIST_DIR}/galley_find.cmake")
galley_find_library(libzip libzip::zip LIBRARY zip HEADER zip.h)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(libzip REQUIRED_VARS libzip_LIBRARY libzip_INCLUDE_DIR)
