/* howto.c — the commands a page or a help text shows beside a secret: how to make the same kind
 * of secret on one's own machine (openssl, node, python3, this CLI), and how to put a new one
 * where it belongs (CI, a cluster, a secret manager) without it passing through a command line or
 * the shell's history: the value always comes through a pipe. Written once here, for every front
 * end; tests/node/howto.test.mjs runs the commands that can run here and checks what they print.
 *
 * Each tool's flags as its own documentation gives them (checked when this was written):
 *   gh secret set NAME: the value is read from standard input when --body is not given
 *     (cli.github.com/manual/gh_secret_set).
 *   kubectl create secret generic NAME --from-file=KEY=PATH: the key's value is the file's bytes;
 *     /dev/stdin works (run here: kubectl 1.x, --dry-run=client -o yaml).
 *   docker secret create NAME -: "Create a secret from a file or STDIN as content" (docker
 *     secret create --help; a Swarm manager is needed).
 *   vault kv put PATH KEY=-: "it can be read from stdin using the "-" symbol"
 *     (developer.hashicorp.com/vault/docs/commands/kv/put).
 *   aws secretsmanager create-secret --secret-string file://PATH: the AWS CLI reads file://
 *     parameters from the file (its help's own example: file://mycreds.json); /dev/stdin is a file.
 *   gcloud secrets create NAME --data-file=-: "printf "s3cr3t" | gcloud secrets create my-secret
 *     --data-file=-" (gcloud secrets create --help).
 *   az keyvault secret set --vault-name V --name N --file PATH: reads the value from a file (with
 *     --encoding, utf-8 by default); Azure documents no "-" for standard input, so /dev/stdin is
 *     used, which works where the system has it (Linux, macOS), and the text says so.
 * Each tool keeps a trailing newline as part of the value, so the pipe removes it (tr -d '\n'). */
#include <string.h>

#include "jsk.h"
#include "text_internal.h"

typedef struct {
    jsk_text t;
    int first;
} out_t;

/* '@' in a template stands for the number of bytes, '^' for the variable's name, '~' for the
 * resource name made from it (lower case, '_' as '-'), '%' for the generate command
 * ("jwt-secret generate --bytes N --format F"), '#' for the length of a padded base64url text. */
typedef struct {
    size_t bytes, padded;
    int alg, format;
    const char *name;
    size_t name_len;
} ctx_t;

static void put_char(out_t *o, char c)
{
    char one[2];
    one[0] = c;
    one[1] = '\0';
    jsk_text_put(&o->t, one);
}

static void generate_command(out_t *o, const ctx_t *c, const char *program)
{
    jsk_text_put(&o->t, program);
    jsk_text_put(&o->t, " generate");
    if (c->alg != JSK_ALG_UNSET) {
        jsk_text_put(&o->t, " --alg ");
        jsk_text_put(&o->t, jsk_alg_name(c->alg));
    }
    jsk_text_put(&o->t, " --bytes ");
    jsk_text_uint(&o->t, c->bytes);
    if (c->format == JSK_FORMAT_ENV) {
        size_t i;
        jsk_text_put(&o->t, " --name ");
        for (i = 0; i < c->name_len; i++) {
            put_char(o, c->name[i]);
        }
    } else {
        jsk_text_put(&o->t, " --format ");
        jsk_text_put(&o->t, jsk_format_name(c->format));
    }
}

/* A template's text as a JSON string's inside: '"' and '\\' escaped. */
static void expand(out_t *o, const ctx_t *c, const char *tpl)
{
    size_t i;
    for (; *tpl != '\0'; tpl++) {
        switch (*tpl) {
        case '@':
            jsk_text_uint(&o->t, c->bytes);
            break;
        case '#':
            jsk_text_uint(&o->t, c->padded);
            break;
        case '^':
            for (i = 0; i < c->name_len; i++) {
                put_char(o, c->name[i]);
            }
            break;
        case '~':
            for (i = 0; i < c->name_len; i++) {
                char ch = c->name[i];
                put_char(o, ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch == '_' ? '-' : ch);
            }
            break;
        case '%':
            generate_command(o, c, "jwt-secret");
            break;
        case '"':
        case '\\':
            put_char(o, '\\');
            put_char(o, *tpl);
            break;
        default:
            put_char(o, *tpl);
        }
    }
}

static void entry(out_t *o, const ctx_t *c, const char *tool, const char *what, const char *command)
{
    jsk_text_put(&o->t, o->first ? "{\"tool\":\"" : ",{\"tool\":\"");
    o->first = 0;
    jsk_text_put(&o->t, tool);
    jsk_text_put(&o->t, "\",\"what\":\"");
    expand(o, c, what);
    jsk_text_put(&o->t, "\",\"command\":\"");
    expand(o, c, command);
    jsk_text_put(&o->t, "\"}");
}

/* Making the secret on one's own machine: the same bytes, in the same text. */
static void make(out_t *o, const ctx_t *c)
{
    int f = c->format;
    if (f == JSK_FORMAT_JWK) {
        /* Only this CLI writes a JWK with its RFC 7638 kid. */
    } else if (f == JSK_FORMAT_ENV) {
        entry(o, c, "openssl", "@ random bytes from OpenSSL as a .env line (append with >> .env)",
              "echo \"^=$(openssl rand -base64 @ | tr -d '\\n=' | tr '+/' '-_')\"");
        entry(o, c, "node", "@ random bytes from Node.js as a .env line (append with >> .env)",
              "node -e \"console.log('^=' + require('crypto').randomBytes(@).toString('base64url'))\"");
        entry(o, c, "python3", "@ random bytes from Python's secrets module as a .env line (append with >> .env)",
              "python3 -c \"import secrets; print('^=' + secrets.token_urlsafe(@))\"");
    } else if (f == JSK_ENCODING_HEX) {
        entry(o, c, "openssl", "@ random bytes from OpenSSL, as hex", "openssl rand -hex @");
        entry(o, c, "node", "@ random bytes from Node.js, as hex",
              "node -e \"console.log(require('crypto').randomBytes(@).toString('hex'))\"");
        entry(o, c, "python3", "@ random bytes from Python's secrets module, as hex",
              "python3 -c \"import secrets; print(secrets.token_hex(@))\"");
    } else if (f == JSK_ENCODING_BASE64) {
        /* openssl rand -base64 breaks its output every 64 characters (48 bytes): joined again. */
        entry(o, c, "openssl", "@ random bytes from OpenSSL, as base64",
              c->bytes <= 48U ? "openssl rand -base64 @" : "openssl rand -base64 @ | tr -d '\\n'; echo");
        entry(o, c, "node", "@ random bytes from Node.js, as base64",
              "node -e \"console.log(require('crypto').randomBytes(@).toString('base64'))\"");
        entry(o, c, "python3", "@ random bytes from Python's secrets module, as base64",
              "python3 -c \"import base64, secrets; print(base64.b64encode(secrets.token_bytes(@)).decode())\"");
    } else if (f == JSK_ENCODING_BASE64URL_PADDED) {
        entry(o, c, "openssl", "@ random bytes from OpenSSL, as padded base64url",
              "openssl rand -base64 @ | tr -d '\\n' | tr '+/' '-_'; echo");
        entry(o, c, "node", "@ random bytes from Node.js, as padded base64url",
              "node -e \"console.log(require('crypto').randomBytes(@).toString('base64url').padEnd(#, '='))\"");
        entry(o, c, "python3", "@ random bytes from Python's secrets module, as padded base64url",
              "python3 -c \"import base64, secrets; print(base64.urlsafe_b64encode(secrets.token_bytes(@)).decode())\"");
    } else {
        entry(o, c, "openssl", "@ random bytes from OpenSSL, as base64url (no padding)",
              "openssl rand -base64 @ | tr -d '\\n=' | tr '+/' '-_'; echo");
        entry(o, c, "node", "@ random bytes from Node.js, as base64url (no padding)",
              "node -e \"console.log(require('crypto').randomBytes(@).toString('base64url'))\"");
        entry(o, c, "python3", "@ random bytes from Python's secrets module, as base64url (no padding)",
              "python3 -c \"import secrets; print(secrets.token_urlsafe(@))\"");
    }
    entry(o, c, "jwt-secret", "this kit's command line (installed, or the native build)", "%");
    jsk_text_put(&o->t, ",{\"tool\":\"npx\",\"what\":\"this kit's command line from npm, without installing it\",\"command\":\"npx jwt-secret-kit");
    generate_command(o, c, ""); /* " generate --bytes N ..." */
    jsk_text_put(&o->t, "\"}");
}

/* Storing a new secret: generated, its newline removed, piped into the tool. */
static void store(out_t *o, const ctx_t *c)
{
    entry(o, c, "gh", "GitHub Actions: a repository secret ^ (gh reads it from standard input; add --env NAME for an environment's)",
          "% | tr -d '\\n' | gh secret set ^");
    entry(o, c, "kubectl", "Kubernetes: a Secret ~ with the key ^ (from the pipe, as a file)",
          "% | tr -d '\\n' | kubectl create secret generic ~ --from-file=^=/dev/stdin");
    if (c->format == JSK_ENCODING_BASE64URL || c->format == JSK_FORMAT_ENV) {
        entry(o, c, "kubectl", "Kubernetes: a Secret manifest (kind: Secret, stringData) applied from the pipe, never written to disk",
              "jwt-secret generate --bytes @ --layout k8s --name ^ | kubectl apply -f -");
    }
    entry(o, c, "docker", "Docker Swarm: a secret ~, mounted at /run/secrets/~ (- reads standard input)",
          "% | tr -d '\\n' | docker secret create ~ -");
    entry(o, c, "vault", "HashiCorp Vault: the key ^ at secret/myapp (your path; ^=- reads standard input; put replaces the other keys there, kv patch adds one)",
          "% | tr -d '\\n' | vault kv put secret/myapp ^=-");
    entry(o, c, "aws", "AWS Secrets Manager: a secret ~ (file:// reads the value from a file, here the pipe)",
          "% | tr -d '\\n' | aws secretsmanager create-secret --name ~ --secret-string file:///dev/stdin");
    entry(o, c, "gcloud", "Google Secret Manager: a secret ~ (--data-file=- reads standard input)",
          "% | tr -d '\\n' | gcloud secrets create ~ --data-file=-");
    entry(o, c, "az", "Azure Key Vault: a secret ~ in the vault my-vault (yours). --file reads a file: Azure documents no standard input, /dev/stdin is the pipe on Linux and macOS",
          "% | tr -d '\\n' | az keyvault secret set --vault-name my-vault --name ~ --file /dev/stdin");
}

int jsk_secret_howto(char *out, size_t out_maxlen, size_t *out_len, int which, int alg, size_t bytes, int format,
                     const char *name, size_t name_len)
{
    out_t o;
    ctx_t c;
    int rc;
    if (out_len != NULL) {
        *out_len = 0;
    }
    if ((which != JSK_HOWTO_MAKE && which != JSK_HOWTO_STORE) || (name == NULL && name_len > 0)) {
        return JSK_ERR_INVALID_ARGUMENT;
    }
    if (alg != JSK_ALG_UNSET && jsk_alg_key_bytes(alg) == 0) {
        return JSK_ERR_UNKNOWN_ALG;
    }
    memset(&c, 0, sizeof c);
    c.alg = alg;
    c.format = format != 0 ? format : JSK_ENCODING_BASE64URL;
    if (jsk_format_name(c.format) == NULL) {
        return JSK_ERR_UNKNOWN_FORMAT;
    }
    if ((rc = jsk_generate_size(&c.bytes, alg, bytes)) != JSK_OK) {
        return rc;
    }
    c.padded = (c.bytes + 2U) / 3U * 4U;
    c.name = name != NULL ? name : JSK_ENV_NAME_DEFAULT;
    c.name_len = name != NULL ? name_len : sizeof JSK_ENV_NAME_DEFAULT - 1U;
    if ((rc = jsk_env_name_check(c.name, c.name_len)) != JSK_OK) {
        return rc;
    }
    if (which == JSK_HOWTO_STORE && c.format == JSK_FORMAT_ENV) {
        c.format = JSK_ENCODING_BASE64URL; /* a store holds the value; the name names it there */
    }
    if (out == NULL || out_maxlen == 0) {
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    memset(&o, 0, sizeof o);
    o.t.buf = out;
    o.t.cap = out_maxlen;
    o.first = 1;
    out[0] = '\0';
    jsk_text_put(&o.t, "[");
    if (which == JSK_HOWTO_MAKE) {
        make(&o, &c);
    } else {
        store(&o, &c);
    }
    jsk_text_put(&o.t, "]");
    if (o.t.overflow) {
        out[0] = '\0';
        return JSK_ERR_BUFFER_TOO_SMALL;
    }
    if (out_len != NULL) {
        *out_len = o.t.len;
    }
    return JSK_OK;
}
