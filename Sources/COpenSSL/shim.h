#ifndef CASEVAULT_COPENSSL_SHIM_H
#define CASEVAULT_COPENSSL_SHIM_H
/* The libcrypto headers VaultCrypto uses. Everything here is importable by Swift directly;
   the variadic calls Swift cannot make are wrapped as static inline functions. */
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <openssl/err.h>
#include <openssl/hmac.h>

#ifdef __linux__
#include <sys/prctl.h>
#include <sys/resource.h>
#endif

/* prctl is variadic, which Swift cannot call: keep secrets out of core dumps here.
   Returns 0 when both settings took effect. */
static inline int casevault_disable_core_dumps(void) {
#ifdef __linux__
    struct rlimit none = {0, 0};
    int limit = setrlimit(RLIMIT_CORE, &none);
    int dumpable = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    return (limit == 0 && dumpable == 0) ? 0 : -1;
#else
    return 0;
#endif
}

/* 1 when the process may dump core (PR_GET_DUMPABLE), 0 when not. */
static inline int casevault_is_dumpable(void) {
#ifdef __linux__
    return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
#else
    return 0;
#endif
}
#endif
