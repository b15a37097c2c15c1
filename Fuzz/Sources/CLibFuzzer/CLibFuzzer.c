// SwiftPM builds a C target from at least one source file; the declaration in the header is all there is.
#include "CLibFuzzer.h"
