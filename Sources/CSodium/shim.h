/* CSodium: libsodium (Ed25519, SHA-256, HMAC-SHA-256, argon2id, secure memory) for Swift.
 * Every function and constant MoltNet uses imports directly; the wrappers below cover the few
 * constants that are macro expressions Swift does not import. */
#ifndef CSODIUM_SHIM_H
#define CSODIUM_SHIM_H
#include <sodium.h>

/* crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE and friends are plain literals and import; the
 * *_MAX macros are expressions (SODIUM_MIN(...)) that do not. */
static inline size_t csodium_pwhash_passwd_max(void) { return crypto_pwhash_PASSWD_MAX; }
static inline size_t csodium_pwhash_bytes_max(void) { return crypto_pwhash_BYTES_MAX; }

#endif
