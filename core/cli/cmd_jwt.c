/* cmd_jwt.c — `jwt-secret sign` and `jwt-secret verify`. The secret is read in the form
 * --secret-format names (the core's jsk_key_parse). verify renders the core's verification report
 * (jsk_jwt_verify_report: verdict, headline, findings) and prints the payload exactly as it was
 * signed (its bytes, checked to be a JSON object), never a re-serialisation. */
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

/* The key bytes of the secret in --secret-format (text when not given); a JWK's alg goes to
 * *jwk_alg. Returns the format (jsk_key_format_from_name). The caller wipes and frees the secret
 * text and the key (on an error both are wiped here, and the process exits). */
static int key_arg(const char *format_name, int alg, cli_bytes *secret, cli_bytes *key, int *jwk_alg,
                   const char *context)
{
    int format = JSK_ENCODING_RAW, rc;
    if (format_name != NULL && (format = jsk_key_format_from_name(format_name, strlen(format_name))) < 0) {
        cli_wipe_free(secret->data, secret->cap);
        cli_usage_error("--secret-format must be one of text, base64, base64url, hex, jwk, got '%s'", format_name);
    }
    key->cap = secret->len + 1;
    key->data = cli_malloc(key->cap);
    rc = jsk_key_parse(key->data, key->cap, &key->len, jwk_alg, alg, (const char *)secret->data, secret->len, format);
    if (rc != JSK_OK) {
        cli_wipe_free(secret->data, secret->cap);
        cli_wipe_free(key->data, key->cap);
        cli_flush();
        fprintf(stderr, CLI_NAME ": %s: the secret is not valid %s: %s (%s)\n", context,
                format_name != NULL ? format_name : "text", jsk_strerror(rc), jsk_error_code(rc));
        exit(CLI_EXIT_ERROR);
    }
    return format;
}

/* The analyzer's verdict on the secret as written in format (key_arg()'s; jsk_check_secret(): a JWK
 * is judged by its "k"), and its meaning, for the verification report. Asked only once the
 * signature holds: the analyzer's dictionary takes most of verify's time. */
static void judge_secret(int format, int alg, const cli_bytes *secret, int *verdict, char *meaning, size_t meaning_cap)
{
    jsk_report r;
    int rc = jsk_check_secret(&r, alg, cli_dict(), secret->data, secret->len, 0, format, NULL, 0);
    meaning[0] = '\0';
    if (rc != JSK_OK) {
        /* A secret the key parser read but the analyzer cannot: say so, never a silent "valid". */
        cli_flush();
        fprintf(stderr, CLI_NAME ": verify: the secret could not be judged: %s (%s)\n", jsk_strerror(rc), jsk_error_code(rc));
        return;
    }
    *verdict = r.verdict;
    jsk_report_meaning(meaning, meaning_cap, &r);
    jsk_wipe(&r, sizeof r);
}

int cli_sign(int argc, char **argv)
{
    static const cli_option spec[] = {{"alg", 0, 0}, {"secret", 0, 0}, {"payload", 0, 0}, {"secret-format", 0, 0},
                                      {NULL, 0, 0}};
    cli_args a;
    cli_bytes secret, key;
    char payload_default[64];
    const char *payload;
    char *token;
    size_t cap, len;
    int alg, rc, jwk_alg = 0;

    cli_parse(&a, argc, argv, spec, "sign");
    if (a.help) {
        cli_out(cli_help("sign"), strlen(cli_help("sign")));
        return CLI_EXIT_OK;
    }
    if (a.npositionals > 0) {
        cli_usage_error("unexpected argument '%s' for 'sign'", a.positionals[0]);
    }
    alg = cli_alg(cli_opt(&a, "alg"));
    payload = cli_opt(&a, "payload");
    if (payload == NULL) {
        snprintf(payload_default, sizeof payload_default, "{\"iat\":%lld}", (long long)time(NULL));
        payload = payload_default;
    }
    secret_arg(cli_opt(&a, "secret"), &secret);
    key_arg(cli_opt(&a, "secret-format"), alg, &secret, &key, &jwk_alg, "sign");
    cli_wipe_free(secret.data, secret.cap);
    if (alg == JSK_ALG_UNSET) {
        alg = jwk_alg != JSK_ALG_UNSET ? jwk_alg : JSK_ALG_HS256; /* a JWK's alg, else the default */
    }
    cap = jsk_jws_sign_len(alg, strlen(payload));
    if (cap == 0) {
        cli_wipe_free(key.data, key.cap);
        cli_core_error("sign", JSK_ERR_TOO_LARGE);
    }
    token = cli_malloc(cap);
    rc = jsk_jws_sign(token, cap, &len, alg, key.data, key.len, (const uint8_t *)payload, strlen(payload));
    cli_wipe_free(key.data, key.cap);
    if (rc != JSK_OK) {
        free(token); /* nothing was signed */
    }
    if (rc == JSK_ERR_BAD_JSON) {
        /* where the payload stops being a JSON object, in the core's words */
        char where[JSK_JSON_ERROR_TEXT_LEN_MAX];
        jsk_json_error_text(where, sizeof where, NULL, (const uint8_t *)payload, strlen(payload), 1);
        cli_flush();
        fprintf(stderr, CLI_NAME ": sign: --payload is not a JSON object: %s (ERR_BAD_JSON)\n", where);
        exit(CLI_EXIT_ERROR);
    }
    if (rc != JSK_OK) {
        cli_core_error("sign", rc);
    }
    cli_out(token, len);
    CLI_OUT_LITERAL("\n");
    free(token);
    cli_args_free(&a);
    return CLI_EXIT_OK;
}

int cli_verify(int argc, char **argv)
{
    static const cli_option spec[] = {{"alg", 0, 0}, {"secret", 0, 0}, {"json", 1, 0}, {"secret-format", 0, 0},
                                      {"now", 0, 0}, {NULL, 0, 0}};
    cli_args a;
    cli_bytes secret, key;
    const char *token;
    char *report;
    size_t token_len, plen, rcap, rlen = 0, root = 0;
    uint8_t *payload = NULL;
    int pinned, alg = 0, rc, json, jwk_alg = 0, verdict_invalid, signature_valid, secret_verdict = 0, format;
    char meaning[JSK_REPORT_MEANING_LEN_MAX];
    double now;

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
    now = cli_now_arg(cli_opt(&a, "now"));
    secret_arg(cli_opt(&a, "secret"), &secret);
    format = key_arg(cli_opt(&a, "secret-format"), pinned, &secret, &key, &jwk_alg, "verify");
    if (pinned == JSK_ALG_UNSET) {
        pinned = jwk_alg; /* a JWK that names its alg pins it */
    }
    if (token_len > JSK_JWS_LEN_MAX) {
        cli_wipe_free(secret.data, secret.cap);
        cli_wipe_free(key.data, key.cap);
        cli_core_error("verify", JSK_ERR_TOO_LARGE);
    }
    rcap = jsk_jwt_verify_report_len(token_len);
    report = cli_malloc(rcap);
    rc = jsk_jwt_verify_report(report, rcap, &rlen, pinned, token, token_len, key.data, key.len, now, 0, NULL);
    if (rc == JSK_OK && cli_json_is(report, rlen, cli_json_member(report, rlen, root, "signature_valid"), "true")) {
        judge_secret(format, pinned, &secret, &secret_verdict, meaning, sizeof meaning);
        if (secret_verdict != 0) { /* the same report, with the analyzer's verdict in it */
            rc = jsk_jwt_verify_report(report, rcap, &rlen, pinned, token, token_len, key.data, key.len, now,
                                       secret_verdict, meaning);
        }
    }
    cli_wipe_free(secret.data, secret.cap);
    if (rc == JSK_OK) {
        plen = jsk_jws_payload_len(token_len);
        payload = cli_malloc(plen);
        if (jsk_jws_open(payload, plen, &plen, &alg, pinned, token, token_len, key.data, key.len) != JSK_OK) {
            plen = 0; /* refused: the report says why */
        }
    }
    cli_wipe_free(key.data, key.cap);
    if (rc != JSK_OK) { /* not a token at all: an input error */
        free(report);
        cli_core_error("verify", rc);
    }
    verdict_invalid = cli_json_is(report, rlen, cli_json_member(report, rlen, root, "verdict"), "\"invalid\"");
    signature_valid = cli_json_is(report, rlen, cli_json_member(report, rlen, root, "signature_valid"), "true");
    if (json) {
        /* {"valid", "header", "payload" | "message", then the report's members} */
        if (!verdict_invalid) {
            size_t hb64 = (size_t)(strchr(token, '.') - token), hlen = 0;
            uint8_t *header = cli_malloc(hb64);
            if ((rc = jsk_decode(header, hb64, &hlen, token, hb64, JSK_ENCODING_BASE64URL)) != JSK_OK) {
                cli_core_error("verify", rc);
            }
            CLI_OUT_LITERAL("{\"valid\":true,\"header\":");
            cli_out((const char *)header, hlen);
            CLI_OUT_LITERAL(",\"payload\":");
            cli_out((const char *)payload, plen);
            free(header);
        } else {
            size_t c = cli_json_member(report, rlen, root, "code");
            const char *message = "";
            int e;
            for (e = -1; e >= JSK_ERROR_MIN; e--) {
                if (cli_json_is(report, rlen, c + 1, jsk_error_code(e)) && report[c + 1 + strlen(jsk_error_code(e))] == '"') {
                    message = jsk_strerror(e);
                }
            }
            CLI_OUT_LITERAL("{\"valid\":false,\"message\":");
            cli_json_string((const uint8_t *)message, strlen(message));
        }
        CLI_OUT_LITERAL(",");
        cli_out(report + 1, rlen - 1);
        CLI_OUT_LITERAL("\n");
    } else {
        if (!verdict_invalid) {
            int warned = cli_json_is(report, rlen, cli_json_member(report, rlen, root, "verdict"), "\"valid-with-warnings\"");
            cli_printf("%s: %s\n", warned ? "valid with warnings" : "valid", jsk_alg_name(alg));
        } else {
            CLI_OUT_LITERAL("invalid: ");
            cli_json_print(report, rlen, cli_json_member(report, rlen, root, "headline"));
            CLI_OUT_LITERAL(" (");
            cli_json_print(report, rlen, cli_json_member(report, rlen, root, "code"));
            CLI_OUT_LITERAL(")\n");
        }
        cli_print_findings(report, rlen, root);
        if (!verdict_invalid) {
            cli_out((const char *)payload, plen);
            CLI_OUT_LITERAL("\n");
        }
    }
    (void)signature_valid;
    free(payload);
    free(report);
    cli_args_free(&a);
    return verdict_invalid ? CLI_EXIT_NEGATIVE : CLI_EXIT_OK;
}
