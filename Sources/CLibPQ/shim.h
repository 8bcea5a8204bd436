#ifndef ZHANGGUI_CLIBPQ_SHIM_H
#define ZHANGGUI_CLIBPQ_SHIM_H
#include <libpq-fe.h>

/* The diagnostic field codes (PG_DIAG_...) are character-literal macros, which Swift does not import. */
static const int zhanggui_pq_diag_sqlstate = PG_DIAG_SQLSTATE;
static const int zhanggui_pq_diag_message_primary = PG_DIAG_MESSAGE_PRIMARY;
#endif
