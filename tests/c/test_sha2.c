/* test_sha2.c — SHA-256/384/512 against the FIPS 180-4 / NIST example vectors, HMAC against every
 * RFC 4231 test case, streaming against one-shot at every split point, and the constant-time
 * compare. (The node:crypto differential over many key and message lengths is in tests/node.) */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "jsk.h"

static void hex(char *out, const uint8_t *b, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    size_t i;
    for (i = 0; i < n; i++) {
        out[2 * i] = digits[b[i] >> 4];
        out[2 * i + 1] = digits[b[i] & 15];
    }
    out[2 * n] = '\0';
}

static int alg_of(const char *name)
{
    return strcmp(name, "sha256") == 0 ? JSK_ALG_HS256 : strcmp(name, "sha384") == 0 ? JSK_ALG_HS384 : JSK_ALG_HS512;
}

static void test_nist(void)
{
    static const struct {
        const char *msg, *alg, *digest;
    } v[] = {
        {"", "sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"", "sha384", "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b"},
        {"", "sha512", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"},
        {"abc", "sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abc", "sha384", "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"},
        {"abc", "sha512", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "sha256", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
        {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", "sha384", "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039"},
        {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", "sha512", "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"},
    };
    static const char *million[] = {"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
                                    "9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b07b8b3dc38ecc4ebae97ddd87f3d8985",
                                    "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b"};
    uint8_t d[64], *a = malloc(1000000);
    char h[129];
    size_t i;
    int alg;

    for (i = 0; i < sizeof v / sizeof v[0]; i++) {
        int al = alg_of(v[i].alg);
        CHECK_RC(jsk_hash(d, sizeof d, al, (const uint8_t *)v[i].msg, strlen(v[i].msg)), 0);
        hex(h, d, jsk_alg_key_bytes(al));
        CHECK(strcmp(h, v[i].digest) == 0);
    }
    memset(a, 'a', 1000000);
    for (alg = JSK_ALG_HS256; alg <= JSK_ALG_HS512; alg++) {
        CHECK_RC(jsk_hash(d, sizeof d, alg, a, 1000000), 0);
        hex(h, d, jsk_alg_key_bytes(alg));
        CHECK(strcmp(h, million[alg - 1]) == 0);
    }
    free(a);
    CHECK_RC(jsk_hash(d, 31, JSK_ALG_HS256, d, 0), JSK_ERR_BUFFER_TOO_SMALL);
    CHECK_RC(jsk_hash(d, 64, 0, d, 0), JSK_ERR_UNKNOWN_ALG);
}

static void test_rfc4231(void)
{
    static const struct {
        int tc;
        const char *alg, *mac;
    } v[] = {
        {1, "sha256", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
        {1, "sha384", "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6"},
        {1, "sha512", "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"},
        {2, "sha256", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
        {2, "sha384", "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649"},
        {2, "sha512", "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"},
        {3, "sha256", "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
        {3, "sha384", "88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b2a5ab39dc13814b94e3ab6e101a34f27"},
        {3, "sha512", "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb"},
        {4, "sha256", "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
        {4, "sha384", "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e6801dd23c4a7d679ccf8a386c674cffb"},
        {4, "sha512", "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd"},
        {5, "sha256", "a3b6167473100ee06e0c796c2955552b"},
        {5, "sha384", "3abf34c3503b2a23a46efc619baef897"},
        {5, "sha512", "415fad6271580a531d4179bc891d87a6"},
        {6, "sha256", "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
        {6, "sha384", "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952"},
        {6, "sha512", "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"},
        {7, "sha256", "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
        {7, "sha384", "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5a678cc31e799176d3860e6110c46523e"},
        {7, "sha512", "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58"},
    };
    uint8_t key[131], data[200], mac[64];
    size_t klen = 0, dlen = 0, i;
    char h[129];

    for (i = 0; i < sizeof v / sizeof v[0]; i++) {
        switch (v[i].tc) {
        case 1: klen = 20; memset(key, 0x0b, klen); dlen = 8; memcpy(data, "Hi There", dlen); break;
        case 2: klen = 4; memcpy(key, "Jefe", 4); dlen = 28; memcpy(data, "what do ya want for nothing?", dlen); break;
        case 3: klen = 20; memset(key, 0xaa, klen); dlen = 50; memset(data, 0xdd, dlen); break;
        case 4: klen = 25; for (size_t k = 0; k < 25; k++) key[k] = (uint8_t)(k + 1); dlen = 50; memset(data, 0xcd, dlen); break;
        case 5: klen = 20; memset(key, 0x0c, klen); dlen = 20; memcpy(data, "Test With Truncation", dlen); break;
        case 6: klen = 131; memset(key, 0xaa, klen); dlen = 54; memcpy(data, "Test Using Larger Than Block-Size Key - Hash Key First", dlen); break;
        default:
            klen = 131;
            memset(key, 0xaa, klen);
            dlen = 152;
            memcpy(data, "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.", dlen);
        }
        CHECK_RC(jsk_hmac(mac, sizeof mac, alg_of(v[i].alg), key, klen, data, dlen), 0);
        hex(h, mac, strlen(v[i].mac) / 2); /* case 5 is truncated to 128 bits */
        CHECK(strcmp(h, v[i].mac) == 0);
    }
    CHECK_RC(jsk_hmac(mac, 47, JSK_ALG_HS384, key, 4, data, 4), JSK_ERR_BUFFER_TOO_SMALL);
    CHECK_RC(jsk_hmac(mac, 64, 7, key, 4, data, 4), JSK_ERR_UNKNOWN_ALG);
    CHECK_RC(jsk_hmac(mac, 64, JSK_ALG_HS256, NULL, 4, data, 4), JSK_ERR_INVALID_ARGUMENT);
}

static void test_streaming(void)
{
    uint8_t msg[300], one[64], two[64];
    size_t i, split;
    int alg;
    for (i = 0; i < sizeof msg; i++) {
        msg[i] = (uint8_t)(i * 31 + 7);
    }
    for (alg = JSK_ALG_HS256; alg <= JSK_ALG_HS512; alg++) {
        size_t n = jsk_alg_key_bytes(alg);
        CHECK_RC(jsk_hmac(one, sizeof one, alg, msg, 40, msg, sizeof msg), 0);
        for (split = 0; split <= sizeof msg; split++) {
            jsk_hmac_ctx ctx;
            CHECK_RC(jsk_hmac_init(&ctx, alg, msg, 40), 0);
            jsk_hmac_update(&ctx, msg, split);
            jsk_hmac_update(&ctx, msg + split, sizeof msg - split);
            CHECK_RC(jsk_hmac_final(&ctx, two, sizeof two), 0);
            CHECK(memcmp(one, two, n) == 0);
        }
        /* Byte by byte. */
        {
            jsk_hmac_ctx ctx;
            CHECK_RC(jsk_hmac_init(&ctx, alg, msg, 40), 0);
            for (i = 0; i < sizeof msg; i++) {
                jsk_hmac_update(&ctx, msg + i, 1);
            }
            CHECK_RC(jsk_hmac_final(&ctx, two, sizeof two), 0);
            CHECK(memcmp(one, two, n) == 0);
        }
    }
}

static void test_verify(void)
{
    uint8_t a[64], b[64];
    size_t i;
    memset(a, 0x5a, sizeof a);
    memcpy(b, a, sizeof b);
    CHECK(jsk_verify(a, b, 64) == 0);
    CHECK(jsk_verify(a, b, 0) == 0);
    for (i = 0; i < 64; i++) {
        b[i] ^= 0x80;
        CHECK(jsk_verify(a, b, 64) == JSK_MISMATCH);
        CHECK(jsk_verify(a, b, 48) == (i < 48 ? JSK_MISMATCH : 0));
        b[i] ^= 0x81;
        CHECK(jsk_verify(a, b, 64) == JSK_MISMATCH);
        b[i] ^= 0x01;
    }
    /* Every difference in a byte gives exactly JSK_MISMATCH: positive, never a jsk_error. */
    for (i = 1; i < 256; i++) {
        b[7] = (uint8_t)(a[7] ^ i);
        CHECK(jsk_verify(a, b, 64) == JSK_MISMATCH && JSK_MISMATCH > 0);
    }
}

int main(void)
{
    test_nist();
    test_rfc4231();
    test_streaming();
    test_verify();
    return check_report("sha2");
}
