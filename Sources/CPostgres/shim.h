/* CPostgres: libpq, the PostgreSQL client library, for Swift.
 * libpq is a plain C API without variadics; everything MoltPostgres calls imports as is.
 * The include path (-I/usr/include/postgresql) comes from pkg-config. */
#ifndef CPOSTGRES_SHIM_H
#define CPOSTGRES_SHIM_H
#include <libpq-fe.h>

/* PG_DIAG_* are character macros ('C', 'M', ...) that import as Int32 already; this one is typed for
 * PQresultErrorField so call sites need no casts. */
static inline char *cpg_result_error_field(const PGresult *res, int field) { return PQresultErrorField(res, field); }

#endif
