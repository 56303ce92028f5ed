/* lint_internal.h — what the inspector (inspect.c, the inspect module) and the verification report
 * (lint.c, the jwt module) share: a token's reading, its findings and how they are written. Internal. */
#ifndef JSK_LINT_INTERNAL_H
#define JSK_LINT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "json_internal.h"
#include "text_internal.h"

#define JSK_LINT_FINDINGS_MAX 24
/* Room for the longest "what": WEAK_SECRET's lead-in and the checker's meaning (jsk_jwt_verify_report). */
#define JSK_LINT_WHAT_LEN (JSK_REPORT_MEANING_LEN_MAX + 32U)
#define JSK_LINT_ERROR_LEN 400

enum { JSK_LINT_DANGER, JSK_LINT_WARNING, JSK_LINT_INFO };

typedef struct {
    const char *code;
    int severity;
    char what[JSK_LINT_WHAT_LEN]; /* what is wrong, with its numbers: the headline uses it */
    const char *advice;           /* what to do */
} jsk_lint_finding_t;

typedef struct {
    /* where the token is in the caller's text, and its parts (offsets into that text) */
    size_t start, end, dots, dot[2];
    unsigned notes;
    /* not a token: the error */
    int error, error_part;
    size_t error_at;
    int error_has_at;
    char error_msg[JSK_LINT_ERROR_LEN];
    /* the header */
    uint8_t header[JSK_JWS_HEADER_LEN_MAX];
    size_t header_len;
    jsk_json_top htop;
    int alg;      /* JSK_ALG_HS*, or 0 */
    int alg_none; /* alg "none" (any case) */
    size_t signature_bytes;
    /* the payload (decoded into the caller's buffer) */
    const uint8_t *payload;
    size_t payload_len;
    int payload_utf8, payload_json;
    jsk_json_top ptop;
    int has[3], bad[3]; /* iat, nbf, exp: present as a number / present but not a number */
    double value[3];
    size_t value_at[3], value_len[3];
    /* times */
    int judged, expired, not_yet_valid;
    double expires_in, expired_ago, valid_in, lifetime;
    size_t nf;
    jsk_lint_finding_t f[JSK_LINT_FINDINGS_MAX];
} jsk_lint;

extern const char *const jsk_lint_claim_names[3];

void jsk_lint_put_n(jsk_text *t, const char *s, size_t n);
unsigned long long jsk_lint_whole(double v);
void jsk_lint_count_of(jsk_text *t, unsigned long long n, const char *unit);
void jsk_lint_duration(jsk_text *t, double seconds);
/* A new finding: its "what" as a text to write into (*ok 0 when the list is full). */
jsk_text jsk_lint_finding(jsk_lint *a, const char *code, int severity, const char *advice, int *ok);
void jsk_lint_add(jsk_lint *a, const char *code, int severity, const char *what, const char *advice);
/* iat, nbf, exp from a->ptop (a JSON object in a->payload): numbers, or CLAIM_NOT_NUMBER. */
void jsk_lint_claims(jsk_lint *a);
/* NO_EXP, LIFETIME_LONG, and against now (NaN: not judged) EXPIRED, NOT_YET_VALID, IAT_FUTURE. */
void jsk_lint_times(jsk_lint *a, double now);
void jsk_lint_key(jsk_text *t, const char *name);
void jsk_lint_boolean(jsk_text *t, const char *name, int v);
void jsk_lint_seconds(jsk_text *t, const char *name, int has, double v);
void jsk_lint_findings_json(jsk_text *t, const jsk_lint *a);
/* The name of a refusal a report can give (as jsk_error_code()), NULL for another error. */
const char *jsk_lint_refusal_code(int err);
int jsk_lint_finish(jsk_text *t, char *out, size_t out_maxlen, size_t *out_len);

#endif
