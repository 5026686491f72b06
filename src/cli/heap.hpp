#pragma once

namespace galley::cli {

// Sets glibc's malloc up for one large conversion: see heap.cpp.
void prepare_heap(int argc, char** argv);

}  // namespace galley::cli
