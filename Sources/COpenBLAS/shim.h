/* COpenBLAS: OpenBLAS's CBLAS interface (sgemm and friends) for the BERT encoder.
 * cblas.h is a plain C API; the wrapper below pins the thread count type. */
#ifndef COPENBLAS_SHIM_H
#define COPENBLAS_SHIM_H
#include <cblas.h>

/* openblas_set_num_threads takes an int; a named wrapper keeps the call site readable. */
static inline void copenblas_set_threads(int count) { openblas_set_num_threads(count); }
static inline int copenblas_threads(void) { return openblas_get_num_threads(); }

#endif
