#ifndef ZHANGGUI_CSQLITE_SHIM_H
#define ZHANGGUI_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
