# galley_find_library(<prefix> <target> LIBRARY <names...> [HEADER <file>] [LINKS <targets...>])
#
# What galley's Find modules (Findlibzip, Findutf8proc, Findcmark_gfm) share: Debian
# ships these libraries without a CMake package galley can use, so each module looks for
# the header and the library itself. This finds the library (<prefix>_LIBRARY) and, with
# HEADER, its folder (<prefix>_INCLUDE_DIR), and once they are found defines <target> as an
# imported library that carries them (and LINKS). The caller reports the result with
# find_package_handle_standard_args, listing the variables its package requires.
# Installed beside galleyConfig.cmake with the modules that include it.
include_guard(GLOBAL)

function(galley_find_library prefix target)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "HEADER" "LIBRARY;LINKS")
  find_library(${prefix}_LIBRARY NAMES ${arg_LIBRARY})
  set(found "${${prefix}_LIBRARY}")
  mark_as_advanced(${prefix}_LIBRARY)
  if(arg_HEADER)
    find_path(${prefix}_INCLUDE_DIR NAMES ${arg_HEADER})
    mark_as_advanced(${prefix}_INCLUDE_DIR)
    if(NOT ${prefix}_INCLUDE_DIR)
      set(found "")
    endif()
  endif()
  if(NOT found OR TARGET ${target})
    return()
  endif()
  add_library(${target} UNKNOWN IMPORTED)
  set_target_properties(${target} PROPERTIES IMPORTED_LOCATION "${${prefix}_LIBRARY}")
  if(arg_HEADER)
    set_target_properties(${target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${${prefix}_INCLUDE_DIR}")
  endif()
  if(arg_LINKS)
    set_target_properties(${target} PROPERTIES INTERFACE_LINK_LIBRARIES "${arg_LINKS}")
  endif()
endfunction()
