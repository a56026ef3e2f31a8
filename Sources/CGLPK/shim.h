// The system GLPK (GNU Linear Programming Kit, Debian libglpk-dev). Only DisclosureControl's
// IntegerProgram imports it.
#include <glpk.h>
