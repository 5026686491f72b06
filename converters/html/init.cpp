// libxml2 initialises its global tables on first use, which is not safe when the
// first uses happen on several threads at once (batch mode): the registry entry's
// init() runs this once, on one thread, first.
#include <libxml/parser.h>

#include "html/html.hpp"

namespace galley::html {

void init() { xmlInitParser(); }

}  // namespace galley::html
