/* help.c — every help text of jwt-secret, once: both builds (native and Node) print these bytes. */
#include <string.h>

#include "cli.h"

static const char usage[] =
    "jwt-secret " JSK_VERSION_STRING " — generate HMAC secrets for JWTs (HS256, HS384, HS512)\n"
    "\n"
    "Usage:\n"
    "  jwt-secret generate [options]   print new random secrets, one per line\n"
    "  jwt-secret check [options] [SECRET]\n"
    "                                  how safe an existing secret is (exit 0 strong, 1 not)\n"
    "  jwt-secret check --env FILE [--var-pattern GLOB]\n"
    "                                  check the secrets in a .env file (for CI and hooks)\n"
    "  jwt-secret sign --alg ALG [--secret S] [--payload JSON]\n"
    "                                  print a token signed with the secret\n"
    "  jwt-secret verify TOKEN [--secret S] [--alg ALG]\n"
    "                                  check a token's signature (exit 0 valid, 1 not)\n"
    "  jwt-secret audit TOKEN [--wordlist FILE] [--json]\n"
    "                                  is the token's secret a known weak one? (exit 1 found)\n"
    "  jwt-secret help [COMMAND]       show help\n"
    "  jwt-secret --version\n"
    "\n"
    "Run 'jwt-secret COMMAND --help' for a command's options. From npm, without installing:\n"
    "npx jwt-secret-kit COMMAND ... (the package's name: the npm package named jwt-secret\n"
    "is someone else's program).\n";

static const char sign_usage[] =
    "Usage: jwt-secret sign [--alg ALG] [--secret S] [--payload JSON]\n"
    "\n"
    "Prints a compact JWS (a JWT) with the header {\"alg\":ALG,\"typ\":\"JWT\"}.\n"
    "Without --secret the secret is read from standard input (one trailing newline removed),\n"
    "which keeps it out of your shell history and process list.\n"
    "\n"
    "Options:\n"
    "  --alg ALG        HS256 (default), HS384 or HS512\n"
    "  --secret S       the secret as text (its UTF-8 bytes are the key); it must have at\n"
    "                   least 32/48/64 bytes for HS256/384/512 (RFC 7518 section 3.2)\n"
    "  --payload JSON   a JSON object (default: {\"iat\": <now>})\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 signed, 2 usage or input error.\n";

static const char verify_usage[] =
    "Usage: jwt-secret verify TOKEN [--secret S] [--alg ALG] [--json]\n"
    "\n"
    "Checks TOKEN's HMAC signature with the secret. Only HS256/384/512 are accepted:\n"
    "\"none\", other algorithms and \"crit\" headers are refused. With --alg the algorithm\n"
    "is pinned; without it, the header's HS* algorithm is used. Without --secret the\n"
    "secret is read from standard input. A valid token's payload must be a JSON\n"
    "object; it is printed exactly as signed (its bytes, never re-serialised).\n"
    "\n"
    "Options:\n"
    "  --secret S       the secret as text\n"
    "  --alg ALG        require this algorithm (HS256, HS384, HS512)\n"
    "  --json           print {\"valid\", \"alg\", \"header\", \"payload\"} or {\"valid\":false,\"code\",\"message\"}\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 valid, 1 invalid (wrong signature, refused algorithm, a payload\n"
    "that is not a JSON object), 2 usage or malformed input.\n";

static const char audit_usage[] =
    "Usage: jwt-secret audit TOKEN [--wordlist FILE] [--json] [--force] [--hashcat]\n"
    "\n"
    "Tries the built-in list of weak secrets (documented JWT defaults and their variants,\n"
    "common passwords, words and names), then FILE, against an HS256/384/512 token.\n"
    "FILE has one candidate per line, taken exactly: only the \\n or \\r\\n ending is\n"
    "removed, so spaces are part of a candidate.\n"
    "\n"
    "Options:\n"
    "  --wordlist FILE  more candidates, one per line\n"
    "  --json           print {\"found\", \"secret\", \"alg\", \"tried\", \"seconds\"}\n"
    "  --force          run even when the list would take longer than 10 minutes here\n"
    "  --hashcat        also print the equivalent hashcat command (GPU-scale cracking)\n"
    "  -h, --help       show this help\n"
    "\n"
    "For lists too large for one CPU, the equivalent hashcat command is printed instead:\n"
    "  hashcat -m 16500 -a 0 TOKEN FILE\n"
    "\n"
    "Exit status: 0 not found, 1 found (the secret is weak), 2 usage or input error.\n";

static const char check_usage[] =
    "Usage: jwt-secret check [--alg ALG] [--encoding ENC] [--context WORD]... [--json]\n"
    "                        [--batch] [SECRET]\n"
    "       jwt-secret check --env FILE [--var-pattern GLOB]... [--alg ALG] [--encoding ENC]\n"
    "                        [--json]\n"
    "\n"
    "Tells whether a secret is safe as an HMAC key: weak (guessable), fair (not\n"
    "practically guessable, but below the algorithm's size) or strong. Without SECRET\n"
    "it reads standard input, which keeps the secret out of your shell history and\n"
    "process list:  printf %s \"$JWT_SECRET\" | jwt-secret check\n"
    "One trailing newline is removed from standard input; nothing else is trimmed.\n"
    "The output never contains the secret.\n"
    "\n"
    "Options:\n"
    "  --alg ALG        the algorithm the secret is for: HS256 (default), HS384, HS512\n"
    "  --encoding ENC   how your application turns the text into the key:\n"
    "                     raw        the text's bytes (jsonwebtoken, jose; default)\n"
    "                     hex        hex-decoded\n"
    "                     base64     base64-decoded (padding optional; jjwt Decoders.BASE64)\n"
    "                     base64url  base64url-decoded (padding optional)\n"
    "                     auto       raw, plus what decoding libraries would get\n"
    "  --context WORD   a word an attacker knows about the project (its name, the\n"
    "                   company's): it costs almost nothing in the secret. Repeat\n"
    "                   for more words. --env adds the project's name on its own\n"
    "                   (package.json's name, the .env file's folder)\n"
    "  --json           one JSON object per secret: verdict, key_bytes, entropy_bits,\n"
    "                   findings [{code, message}], verdicts, time_to_guess, fix, ...\n"
    "  --batch          one secret per line of standard input (only the \\n or \\r\\n\n"
    "                   ending is removed: spaces are part of the secret); one result\n"
    "                   per line, in order, as each line is read. A line that is not\n"
    "                   valid in --encoding (or longer than 1 MiB) gets an error line\n"
    "                   in its place (\"error\\tline N: message (CODE)\", or with --json\n"
    "                   {\"line\":N,\"error\":{\"code\",\"message\"}}) and a message on\n"
    "                   standard error; the other lines are still checked, and the\n"
    "                   exit status is 2\n"
    "  --env FILE       check the variables of a .env file instead (- reads it from\n"
    "                   standard input), as the dotenv package reads it: KEY=VALUE,\n"
    "                   `export KEY=...`, # comments, '...' taken as is, \"...\" with\n"
    "                   \\n and \\r expanded, an unquoted value ends at #, the last\n"
    "                   assignment of a name wins. One line per variable, \"NAME:\n"
    "                   verdict (bits, key bytes, first finding)\", then a summary;\n"
    "                   with --json one object per variable, {\"name\", ...report}\n"
    "  --var-pattern GLOB\n"
    "                   which variables --env checks: names matching GLOB (* any run\n"
    "                   of characters, ? one character; whole name, case-insensitive;\n"
    "                   repeat the option for more patterns). Default: names that\n"
    "                   contain JWT or SECRET\n"
    "  -h, --help       show this help\n"
    "\n"
    "The attacker model: one modern GPU trying 2x10^9 HS256 guesses a second.\n"
    "Exit status: 0 every secret strong, 1 any weak or fair (with --env: each such\n"
    "variable is named), 2 usage or input error (with --env: the file cannot be read,\n"
    "no variable matches, or a value is not valid in --encoding: such a value gets an\n"
    "error line in its place and the other variables are still checked).\n";

static const char generate_usage[] =
    "Usage: jwt-secret generate [--alg ALG] [--bytes N] [--format FORMAT] [--count N]\n"
    "                           [--name VAR]... [--alphabet CHARS] [--length N]\n"
    "\n"
    "Prints new secrets from the operating system's CSPRNG, one per line, nothing else.\n"
    "\n"
    "Options:\n"
    "  --alg ALG          size the secret for ALG: HS256 = 32 random bytes (default),\n"
    "                     HS384 = 48, HS512 = 64 (RFC 7518 section 3.2)\n"
    "  --bytes N          random bytes, 1..4096; with --alg, at least the algorithm's size\n"
    "  --format FORMAT    base64url (default, unpadded), base64, hex, base64url-padded,\n"
    "                     env (NAME=value lines for a .env file), or jwk (one JWK per line:\n"
    "                     {\"kty\":\"oct\",\"k\",…,\"kid\"} with the RFC 7638 thumbprint as kid)\n"
    "  --count N          how many secrets, 1..1000 (default 1)\n"
    "  --name VAR         variable name for --format env (default JWT_SECRET); implies\n"
    "                     --format env. Repeat it for one secret per variable; with a\n"
    "                     single name and --count N the names get _1.._N suffixes\n"
    "  --alphabet CHARS   draw each character uniformly from CHARS (2..94 distinct\n"
    "                     printable ASCII characters) instead of encoding random bytes\n"
    "  --length N         characters for --alphabet (default: enough for the\n"
    "                     algorithm's bits, 256 for HS256)\n"
    "  -h, --help         show this help\n"
    "\n"
    "Examples:\n"
    "  jwt-secret generate                              # 43 characters, 256 bits\n"
    "  jwt-secret generate --alg HS512 --format hex\n"
    "  jwt-secret generate --name JWT_ACCESS_SECRET --name JWT_REFRESH_SECRET >> .env\n"
    "  jwt-secret generate --alphabet 0123456789abcdefghijklmnopqrstuvwxyz\n"
    "\n"
    "Exit status: 0 success, 2 usage or input error (message on stderr, nothing on stdout).\n";

const char *cli_help(const char *topic)
{
    static const struct {
        const char *topic;
        const char *text;
    } texts[] = {{"generate", generate_usage}, {"check", check_usage}, {"sign", sign_usage},
                 {"verify", verify_usage},     {"audit", audit_usage}};
    size_t i;
    if (topic == NULL) {
        return usage;
    }
    for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        if (strcmp(topic, texts[i].topic) == 0) {
            return texts[i].text;
        }
    }
    return NULL;
}
