/* cmd_jwt.c — `jwt-secret sign` and `jwt-secret verify`. verify prints the payload exactly as it
 * was signed (its bytes, checked to be a JSON object), never a re-serialisation. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

#define SECRET_MAX JSK_JWS_LEN_MAX

/* --secret, or standard input without one trailing newline. */
static void secret_arg(const char *given, cli_bytes *out)
{
    if (given != NULL) {
        out->len = strlen(given);
        out->cap = out->len + 1;
        out->data = cli_malloc(out->cap);
        memcpy(out->data, given, out->cap);
        return;
    }
    cli_read_stdin(out, SECRET_MAX + 2U,
                   "no secret given: pipe it in (printf %s \"$JWT_SECRET\" | jwt-secret ...) or use --secret");
    if (out->len > SECRET_MAX + 2U) {
        cli_wipe_free(out->data, out->cap);
        cli_usage_error("the secret on standard input is larger than %u bytes", (unsigned)SECRET_MAX);
    }
    out->len = cli_strip_newline(out->data, out->len);
}

int cli_sign(int argc, char **argv)
{
    static const cli_option spec[] = {{"alg", 0, 0}, {"secret", 0, 0}, {"payload", 0, 0}, {NULL, 0, 0}};
    cli_args a;
    cli_bytes secret;
    char payload_default[64];
    const char *payload;
    char *token;
    size_t cap, len;
    int alg, rc;

    cli_parse(&a, argc, argv, spec, "sign");
    if (a.help) {
        cli_out(cli_help("sign"), strlen(cli_help("sign")));
        return CLI_EXIT_OK;
    }
    if (a.npositionals > 0) {
        cli_usage_error("unexpected argument '%s' for 'sign'", a.positionals[0]);
    }
    alg = cli_alg(cli_opt(&a, "alg"));
    if (alg == JSK_ALG_UNSET) {
        alg = JSK_ALG_HS256;
    }
    payload = cli_opt(&a, "payload");
    if (payload == NULL) {
        snprintf(payload_default, sizeof payload_default, "{\"iat\":%lld}", (long long)time(NULL));
        payload = payload_default;
    }
    secret_arg(cli_opt(&a, "secret"), &secret);
    cap = jsk_jws_sign_len(alg, strlen(payload));
    if (cap == 0) {
        cli_wipe_free(secret.data, secret.cap);
        cli_core_error("sign", JSK_ERR_TOO_LARGE);
    }
    token = cli_malloc(cap);
    rc = jsk_jws_sign(token, cap, &len, alg, secret.data, secret.len, (const uint8_t *)payload, strlen(payload));
    cli_wipe_free(secret.data, secret.cap);
    if (rc != JSK_OK) {
        cli_core_error("sign", rc);
    }
    cli_out(token, len);
    cli_out("\n", 1);
    free(token);
    cli_args_free(&a);
    return CLI_EXIT_OK;
}

int cli_verify(int argc, char **argv)
{
    static const cli_option spec[] = {{"alg", 0, 0}, {"secret", 0, 0}, {"json", 1, 0}, {NULL, 0, 0}};
    cli_args a;
    cli_bytes secret;
    const char *token;
    size_t token_len, plen;
    uint8_t *payload;
    int pinned, alg = 0, rc, json;

    cli_parse(&a, argc, argv, spec, "verify");
    if (a.help) {
        cli_out(cli_help("verify"), strlen(cli_help("verify")));
        return CLI_EXIT_OK;
    }
    if (a.npositionals != 1) {
        cli_usage_error("give exactly one TOKEN");
    }
    token = a.positionals[0];
    token_len = strlen(token);
    pinned = cli_alg(cli_opt(&a, "alg"));
    json = cli_opt(&a, "json") != NULL;
    secret_arg(cli_opt(&a, "secret"), &secret);
    plen = jsk_jws_payload_len(token_len);
    payload = cli_malloc(plen);
    rc = jsk_jws_open(payload, plen, &plen, &alg, pinned, token, token_len, secret.data, secret.len);
    cli_wipe_free(secret.data, secret.cap);
    if (rc == JSK_OK) {
        /* The header: its base64url text is before the first dot, and the parse accepted it. */
        size_t hb64 = (size_t)(strchr(token, '.') - token), hlen = 0;
        uint8_t *header = cli_malloc(hb64);
        if ((rc = jsk_decode(header, hb64, &hlen, token, hb64, JSK_ENCODING_BASE64URL)) != JSK_OK) {
            cli_core_error("verify", rc);
        }
        if (json) {
            cli_printf("{\"valid\":true,\"alg\":\"%s\",\"header\":", jsk_alg_name(alg));
            cli_out((const char *)header, hlen);
            cli_out(",\"payload\":", 11);
            cli_out((const char *)payload, plen);
            cli_puts("}");
        } else {
            cli_printf("valid: %s\n", jsk_alg_name(alg));
            cli_out((const char *)payload, plen);
            cli_out("\n", 1);
        }
        free(header);
        free(payload);
        cli_args_free(&a);
        return CLI_EXIT_OK;
    }
    free(payload);
    if (!jsk_error_is_refusal(rc)) { /* not a token at all: an input error */
        cli_core_error("verify", rc);
    }
    if (json) {
        cli_printf("{\"valid\":false,\"code\":\"%s\",\"message\":", jsk_error_code(rc));
        cli_json_string((const uint8_t *)jsk_strerror(rc), strlen(jsk_strerror(rc)));
        cli_puts("}");
    } else {
        cli_printf("invalid: %s (%s)\n", jsk_strerror(rc), jsk_error_code(rc));
    }
    cli_args_free(&a);
    return CLI_EXIT_NEGATIVE;
}
