#ifndef ZHANGGUI_CSQLITE_SHIM_H
#define ZHANGGUI_CSQLITE_SHIM_H
#include <sqlite3.h>

/* The extended constraint codes are macros built with a shift, which Swift does not import. */
static const int zhanggui_sqlite_constraint_check = SQLITE_CONSTRAINT_CHECK;
static const int zhanggui_sqlite_constraint_foreignkey = SQLITE_CONSTRAINT_FOREIGNKEY;
static const int zhanggui_sqlite_constraint_notnull = SQLITE_CONSTRAINT_NOTNULL;
static const int zhanggui_sqlite_constraint_primarykey = SQLITE_CONSTRAINT_PRIMARYKEY;
static const int zhanggui_sqlite_constraint_trigger = SQLITE_CONSTRAINT_TRIGGER;
static const int zhanggui_sqlite_constraint_unique = SQLITE_CONSTRAINT_UNIQUE;
#endif
