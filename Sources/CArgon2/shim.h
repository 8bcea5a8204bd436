#ifndef ZHANGGUI_CARGON2_SHIM_H
#define ZHANGGUI_CARGON2_SHIM_H
/* libargon2 (Debian libargon2-dev), the reference Argon2 implementation. Every call used is a plain function. */
#include <argon2.h>
#endif
