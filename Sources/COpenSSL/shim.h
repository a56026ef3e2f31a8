#ifndef CASEVAULT_COPENSSL_SHIM_H
#define CASEVAULT_COPENSSL_SHIM_H
/* The libcrypto headers VaultCrypto uses. Everything here is importable by Swift directly;
   the few function-like macros are re-exposed as static inline functions. */
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <openssl/err.h>
#include <openssl/hmac.h>

static inline void casevault_openssl_free(void *ptr) { OPENSSL_free(ptr); }
#endif
