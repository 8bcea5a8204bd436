#ifndef ZHANGGUI_CCRYPTO_SHIM_H
#define ZHANGGUI_CCRYPTO_SHIM_H
/* OpenSSL libcrypto (Debian libssl-dev): digests, HMAC, random bytes, constant-time comparison. Only real functions
   are called; macro aliases such as EVP_MD_size are not imported by Swift. */
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#endif
