#ifndef ZHANGGUI_CZLIB_SHIM_H
#define ZHANGGUI_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro in zlib.h; Swift cannot call macros, so this wraps it.
static inline int zhanggui_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
#endif
