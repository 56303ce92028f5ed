/* test_env_files.c — several secrets as .env files (jsk_env_file*, every layout: each variable
 * once per file, a header, fresh values of the right size), the refusals and which item they
 * blame, and the commands beside a secret (jsk_secret_howto): valid JSON-ish shapes, the exact
 * command for a few sizes and formats. (tests/node/howto.test.mjs runs the commands for real and
 * parses every file with the dotenv package.) */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "jsk.h"

#define S(x) (x), strlen(x)

static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    const char *p = hay;
    while ((p = strstr(p, needle)) != NULL) {
        n++;
        p += strlen(needle);
    }
    return n;
}

/* The value after "NAME=" at the start of a line, its length (0 if absent). */
static size_t value_len(const char *text, const char *name)
{
    char key[200];
    const char *p;
    size_t n = 0;
    snprintf(key, sizeof key, "\n%s=", name);
    p = strstr(text, key);
    if (p == NULL) {
        return 0;
    }
    p += strlen(key);
    while (p[n] != '\0' && p[n] != '\n') {
        n++;
    }
    return n;
}

static void test_layouts(void)
{
    char out[8192], name[JSK_ENV_FILE_NAME_LEN_MAX];
    size_t n = 0, files = 0, cap = 0;
    int culprit = 7;
    const char names[] = "JWT_ACCESS_SECRET\nJWT_REFRESH_SECRET\n";
    const char envs[] = "development\nproduction";

    CHECK(jsk_env_layout_from_name(S("files")) == JSK_ENV_LAYOUT_FILES);
    CHECK(jsk_env_layout_from_name(S("k8s")) == JSK_ENV_LAYOUT_K8S);
    CHECK(jsk_env_layout_from_name(S("blocks")) == JSK_ERR_UNKNOWN_FORMAT);
    CHECK(strcmp(jsk_env_layout_name(JSK_ENV_LAYOUT_ROTATION), "rotation") == 0);

    /* files: one per environment, each with both names once, 43-character values. */
    CHECK_RC(jsk_env_files_check(&files, &cap, &culprit, JSK_ALG_HS256, 0, JSK_ENV_LAYOUT_FILES, S(names), S(envs)), JSK_OK);
    CHECK(files == 2 && culprit == 0 && cap > 0 && cap < sizeof out);
    CHECK_RC(jsk_env_file(out, sizeof out, &n, name, sizeof name, JSK_ALG_HS256, 0, JSK_ENV_LAYOUT_FILES, S(names), S(envs), 1),
             JSK_OK);
    CHECK(strcmp(name, ".env.production") == 0);
    CHECK(strncmp(out, "# .env.production: JWT secrets for production (HS256, 32 random bytes each, base64url).\n", 86) == 0);
    CHECK(count_of(out, "JWT_ACCESS_SECRET=") == 1 && count_of(out, "JWT_REFRESH_SECRET=") == 1);
    CHECK(value_len(out, "JWT_ACCESS_SECRET") == 43 && value_len(out, "JWT_REFRESH_SECRET") == 43);
    CHECK(n == strlen(out) && out[n - 1] == '\n');
    CHECK_RC(jsk_env_file(out, sizeof out, &n, name, sizeof name, JSK_ALG_HS256, 0, JSK_ENV_LAYOUT_FILES, S(names), S(envs), 2),
             JSK_ERR_OUT_OF_RANGE);

    /* No environments: one .env. */
    CHECK_RC(jsk_env_files_check(&files, NULL, NULL, JSK_ALG_UNSET, 0, JSK_ENV_LAYOUT_FILES, NULL, 0, NULL, 0), JSK_OK);
    CHECK(files == 1);
    CHECK_RC(jsk_env_file(out, sizeof out, &n, name, sizeof name, JSK_ALG_UNSET, 0, JSK_ENV_LAYOUT_FILES, NULL, 0, NULL, 0, 0), JSK_OK);
    CHECK(strcmp(name, ".env") == 0 && value_len(out, "JWT_SECRET") == 43);

    /* prefix: one file, every environment's names prefixed, each once. */
    CHECK_RC(jsk_env_files_check(&files, NULL, NULL, JSK_ALG_HS512, 0, JSK_ENV_LAYOUT_PREFIX, S(names), S(envs)), JSK_OK);
    CHECK(files == 1);
    CHECK_RC(jsk_env_file(out, sizeof out, &n, name, sizeof name, JSK_ALG_HS512, 0, JSK_ENV_LAYOUT_PREFIX, S(names), S(envs), 0),
             JSK_OK);
    CHECK(strcmp(name, ".env") == 0);
    CHECK(value_len(out, "DEVELOPMENT_JWT_ACCESS_SECRET") == 86 && value_len(out, "PRODUCTION_JWT_REFRESH_SECRET") == 86);
    CHECK(count_of(out, "\nJWT_ACCESS_SECRET=") == 0 && count_of(out, "PRODUCTION_JWT_ACCESS_SECRET=") == 1);
    CHECK(strstr(out, "each environment's names start with DEVELOPMENT_, PRODUCTION_.") != NULL);

    /* rotation: _CURRENT and _PREVIOUS, and the rule in the header. */
    CHECK_RC(jsk_env_file(out, sizeof out, &n, name, sizeof name, JSK_ALG_UNSET, 48, JSK_ENV_LAYOUT_ROTATION, S("JWT_SECRET"),
                          NULL, 0, 0),
             JSK_OK);
    CHECK(value_len(out, "JWT_SECRET_CURRENT") == 64 && value_len(out, "JWT_SECRET_PREVIOUS") == 64);
    CHECK(strstr(out, "Sign with the current key; verify with the current, then the previous one.") != NULL);

    /* k8s: a Secret manifest per environment. */
    CHECK_RC(jsk_env_file(out, sizeof out, &n, name, sizeof name, JSK_ALG_UNSET, 0, JSK_ENV_LAYOUT_K8S, S(names), S(envs), 0),
             JSK_OK);
    CHECK(strcmp(name, "jwt-secrets.development.yaml") == 0);
    CHECK(strstr(out, "\napiVersion: v1\nkind: Secret\nmetadata:\n  name: jwt-secrets-development\ntype: Opaque\nstringData:\n  JWT_ACCESS_SECRET: '") != NULL);

    /* The JSON: every file, escaped content. */
    CHECK_RC(jsk_env_files_check(&files, &cap, NULL, JSK_ALG_UNSET, 0, JSK_ENV_LAYOUT_ROTATION, S(names), S(envs)), JSK_OK);
    CHECK_RC(jsk_env_files_json(out, cap, &n, JSK_ALG_UNSET, 0, JSK_ENV_LAYOUT_ROTATION, S(names), S(envs)), JSK_OK);
    CHECK(strncmp(out, "{\"layout\":\"rotation\",\"alg\":\"HS256\",\"bytes\":32,\"files\":[{\"name\":\".env.development\","
                       "\"environment\":\"development\",\"variables\":[\"JWT_ACCESS_SECRET_CURRENT\",\"JWT_ACCESS_SECRET_PREVIOUS\",",
                  175) == 0);
    CHECK(strchr(out, '\n') == NULL && count_of(out, "\\n") > 10 && out[n - 1] == '}' && n == strlen(out));
    CHECK_RC(jsk_env_files_json(out, 100, &n, JSK_ALG_UNSET, 0, JSK_ENV_LAYOUT_ROTATION, S(names), S(envs)), JSK_ERR_BUFFER_TOO_SMALL);
    CHECK(n == 0 && out[0] == '\0');
}

/* The largest request fits the capacity jsk_env_files_check() gives. */
static void test_capacity(void)
{
    char names[32 * 130], envs[8 * 34];
    size_t o = 0, i, cap = 0, n = 0;
    int layout;
    char *out;
    for (i = 0; i < 32; i++) {
        memset(names + o, 'A' + (int)(i % 26), 90);
        names[o] = (char)('A' + i % 26);
        names[o + 1] = (char)('A' + i / 26);
        o += 90;
        names[o++] = '\n';
    }
    for (i = 0; i < 8; i++) {
        memset(envs + i * 33, 'a', 32);
        envs[i * 33 + 31] = (char)('a' + i);
        envs[i * 33 + 32] = '\n';
    }
    for (layout = JSK_ENV_LAYOUT_FILES; layout <= JSK_ENV_LAYOUT_K8S; layout++) {
        CHECK_RC(jsk_env_files_check(NULL, &cap, NULL, JSK_ALG_UNSET, 4096, layout, names, o, envs, 8 * 33), JSK_OK);
        out = malloc(cap);
        CHECK(out != NULL);
        CHECK_RC(jsk_env_files_json(out, cap, &n, JSK_ALG_UNSET, 4096, layout, names, o, envs, 8 * 33), JSK_OK);
        CHECK(n + 1 <= cap && n > 32U * 5462U);
        free(out);
    }
}

static void test_refusals(void)
{
    int culprit = 0;
    size_t files = 9;
    CHECK_RC(jsk_env_files_check(&files, NULL, &culprit, JSK_ALG_UNSET, 0, JSK_ENV_LAYOUT_FILES, S("A\nB\na"), NULL, 0),
             JSK_ERR_DUPLICATE_NAME);
    CHECK(culprit == 3 && files == 0);
    CHECK_RC(jsk_env_files_check(NULL, NULL, &culprit, JSK_ALG_UNSET, 0, JSK_ENV_LAYOUT_FILES, S("A\n1B"), NULL, 0), JSK_ERR_BAD_NAME);
    CHECK(culprit == 2);
    CHECK_RC(jsk_env_files_check(NULL, NULL, &culprit, JSK_ALG_UNSET, 0, JSK_ENV_LAYOUT_FILES, S("A\n\nB"), NULL, 0), JSK_ERR_BAD_NAME);
    CHECK(culprit == 2);
    CHECK_RC(jsk_env_files_check(NULL, NULL, &culprit, JSK_ALG_UNSET, 0, JSK_ENV_LAYOUT_FILES, S("A"), S("dev\nDEV")),
             JSK_ERR_DUPLICATE_NAME);
    CHECK(culprit == -2);
    CHECK_RC(jsk_env_files_check(NULL, NULL, &culprit, JSK_ALG_UNSET, 0, JSK_ENV_LAYOUT_FILES, S("A"), S("prod-eu\nprod_eu")),
             JSK_ERR_DUPLICATE_NAME);
    CHECK_RC(jsk_env_files_check(NULL, NULL, &culprit, JSK_ALG_UNSET, 0, JSK_ENV_LAYOUT_FILES, S("A"), S("dev\n1st")),
             JSK_ERR_BAD_NAME);
    CHECK(culprit == -2);
    CHECK_RC(jsk_env_files_check(NULL, NULL, &culprit, JSK_ALG_UNSET, 0, JSK_ENV_LAYOUT_FILES, S("A"), S("a.b")), JSK_ERR_BAD_NAME);
    /* A prefixed name meeting another: A_ + B_X and A_B_ + X. */
    CHECK_RC(jsk_env_files_check(NULL, NULL, &culprit, JSK_ALG_UNSET, 0, JSK_ENV_LAYOUT_PREFIX, S("X\nB_X"), S("a\na_b")),
             JSK_ERR_DUPLICATE_NAME);
    CHECK(culprit == 1);
    CHECK_RC(jsk_env_files_check(NULL, NULL, &culprit, JSK_ALG_UNSET, 0, JSK_ENV_LAYOUT_FILES, S("X\nB_X"), S("a\na_b")), JSK_OK);
    CHECK_RC(jsk_env_files_check(NULL, NULL, NULL, JSK_ALG_HS512, 32, JSK_ENV_LAYOUT_FILES, NULL, 0, NULL, 0), JSK_ERR_KEY_TOO_SHORT);
    CHECK_RC(jsk_env_files_check(NULL, NULL, NULL, JSK_ALG_UNSET, 0, 9, NULL, 0, NULL, 0), JSK_ERR_UNKNOWN_FORMAT);
    CHECK_RC(jsk_env_files_check(NULL, NULL, NULL, JSK_ALG_UNSET, 0, JSK_ENV_LAYOUT_FILES, S("A\nB\nC\nD\nE\nF\nG\nH\nI"),
                                 S("a\nb\nc\nd\ne\nf\ng\nh\ni")),
             JSK_ERR_OUT_OF_RANGE);
    CHECK_RC(jsk_env_files_check(NULL, NULL, NULL, JSK_ALG_UNSET, 0, JSK_ENV_LAYOUT_FILES, NULL, 5, NULL, 0), JSK_ERR_INVALID_ARGUMENT);
}

static void test_howto(void)
{
    char out[JSK_HOWTO_JSON_LEN_MAX];
    size_t n = 0;
    CHECK_RC(jsk_secret_howto(out, sizeof out, &n, JSK_HOWTO_MAKE, JSK_ALG_UNSET, 32, JSK_ENCODING_BASE64URL, NULL, 0), JSK_OK);
    CHECK(out[0] == '[' && out[n - 1] == ']' && n == strlen(out));
    CHECK(strstr(out, "\"command\":\"openssl rand -base64 32 | tr -d '\\\\n=' | tr '+/' '-_'; echo\"") != NULL);
    CHECK(strstr(out, "\"command\":\"python3 -c \\\"import secrets; print(secrets.token_urlsafe(32))\\\"\"") != NULL);
    CHECK(strstr(out, "\"command\":\"jwt-secret generate --bytes 32 --format base64url\"") != NULL);
    CHECK(strstr(out, "\"command\":\"npx jwt-secret-kit generate --bytes 32 --format base64url\"") != NULL);
    CHECK_RC(jsk_secret_howto(out, sizeof out, &n, JSK_HOWTO_MAKE, JSK_ALG_HS512, 0, JSK_ENCODING_HEX, NULL, 0), JSK_OK);
    CHECK(strstr(out, "\"command\":\"openssl rand -hex 64\"") != NULL);
    CHECK(strstr(out, "\"command\":\"jwt-secret generate --alg HS512 --bytes 64 --format hex\"") != NULL);
    CHECK_RC(jsk_secret_howto(out, sizeof out, &n, JSK_HOWTO_MAKE, JSK_ALG_UNSET, 64, JSK_ENCODING_BASE64, NULL, 0), JSK_OK);
    CHECK(strstr(out, "openssl rand -base64 64 | tr -d '\\\\n'; echo") != NULL);
    CHECK_RC(jsk_secret_howto(out, sizeof out, &n, JSK_HOWTO_MAKE, JSK_ALG_UNSET, 0, JSK_FORMAT_ENV, S("API_KEY")), JSK_OK);
    CHECK(strstr(out, "jwt-secret generate --bytes 32 --name API_KEY\"") != NULL);
    CHECK_RC(jsk_secret_howto(out, sizeof out, &n, JSK_HOWTO_MAKE, JSK_ALG_UNSET, 0, JSK_FORMAT_JWK, NULL, 0), JSK_OK);
    CHECK(strstr(out, "openssl") == NULL && strstr(out, "--format jwk") != NULL);
    CHECK_RC(jsk_secret_howto(out, sizeof out, &n, JSK_HOWTO_STORE, JSK_ALG_UNSET, 0, 0, S("JWT_SECRET")), JSK_OK);
    CHECK(strstr(out, "\"command\":\"jwt-secret generate --bytes 32 --format base64url | tr -d '\\\\n' | gh secret set JWT_SECRET\"") != NULL);
    CHECK(strstr(out, "kubectl create secret generic jwt-secret --from-file=JWT_SECRET=/dev/stdin") != NULL);
    CHECK(strstr(out, "gcloud secrets create jwt-secret --data-file=-") != NULL);
    CHECK(strstr(out, "--format base64url | tr -d '\\\\n' | vault kv put secret/myapp JWT_SECRET=-") != NULL);
    /* The longest request fits the documented capacity. */
    CHECK_RC(jsk_secret_howto(out, sizeof out, &n, JSK_HOWTO_STORE, JSK_ALG_HS512, 4096, 0,
                              "ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJ"
                              "ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGH",
                              128),
             JSK_OK);
    CHECK_RC(jsk_secret_howto(out, sizeof out, &n, JSK_HOWTO_MAKE, JSK_ALG_HS512, 4096, JSK_FORMAT_ENV,
                              "ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJ"
                              "ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGH",
                              128),
             JSK_OK);
    CHECK_RC(jsk_secret_howto(out, sizeof out, &n, 3, JSK_ALG_UNSET, 0, 0, NULL, 0), JSK_ERR_INVALID_ARGUMENT);
    CHECK_RC(jsk_secret_howto(out, sizeof out, &n, JSK_HOWTO_MAKE, JSK_ALG_UNSET, 0, 0, S("1X")), JSK_ERR_BAD_NAME);
    CHECK_RC(jsk_secret_howto(out, sizeof out, &n, JSK_HOWTO_MAKE, JSK_ALG_HS384, 32, 0, NULL, 0), JSK_ERR_KEY_TOO_SHORT);
    CHECK_RC(jsk_secret_howto(out, 40, &n, JSK_HOWTO_MAKE, JSK_ALG_UNSET, 0, 0, NULL, 0), JSK_ERR_BUFFER_TOO_SMALL);
}

int main(void)
{
    test_layouts();
    test_capacity();
    test_refusals();
    test_howto();
    return check_report("env_files");
}
