/* cmd_generate_env.c — `jwt-secret generate` with --env, --layout or --out-dir: .env files for
 * the --name variables x the --env environments, as the core lays them out (jsk_env_file: one
 * file per environment, prefixed names, a rotation pair, Kubernetes Secret manifests). Printed
 * one after the other (each starts with a comment naming its file), or written into --out-dir,
 * one new file each with mode 0600. Every file is made before the first is printed or written,
 * so an error leaves no output and no file. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* A repeated option's values as the core's list: each ended by '\n'. */
static char *joined(const char *const *values, int n, const char *option, size_t *len)
{
    size_t total = 0, o = 0;
    int i;
    char *s;
    for (i = 0; i < n; i++) {
        if (strchr(values[i], '\n') != NULL) {
            cli_usage_error("--%s '%s': a line break in a name", option, values[i]);
        }
        total += strlen(values[i]) + 1U;
    }
    s = cli_malloc(total + 1U);
    for (i = 0; i < n; i++) {
        size_t l = strlen(values[i]);
        memcpy(s + o, values[i], l);
        o += l;
        s[o++] = '\n';
    }
    s[o] = '\0';
    *len = o;
    return s;
}

int cli_generate_env(int alg, size_t nbytes, const char *layout_name, const char *const *names, int nnames,
                     const char *const *envs, int nenvs, const char *out_dir)
{
    int layout = JSK_ENV_LAYOUT_FILES, culprit = 0, rc;
    size_t names_len = 0, envs_len = 0, files = 0, cap = 0, i;
    char *name_list, *env_list, **texts, (*file_names)[JSK_ENV_FILE_NAME_LEN_MAX];
    size_t *lens;

    if (layout_name != NULL && (layout = jsk_env_layout_from_name(layout_name, strlen(layout_name))) < 0) {
        cli_usage_error("--layout must be one of files, prefix, rotation, k8s, got '%s'", layout_name);
    }
    if (nnames > (int)JSK_ENV_FILES_NAMES_MAX || nenvs > (int)JSK_ENV_FILES_ENVIRONMENTS_MAX) {
        cli_usage_error("at most %u --name and %u --env options with .env files", JSK_ENV_FILES_NAMES_MAX,
                        JSK_ENV_FILES_ENVIRONMENTS_MAX);
    }
    name_list = joined(names, nnames, "name", &names_len);
    env_list = joined(envs, nenvs, "env", &envs_len);
    rc = jsk_env_files_check(&files, &cap, &culprit, alg, nbytes, layout, name_list, names_len, env_list, envs_len);
    if (rc != JSK_OK && culprit != 0) {
        const char *what = culprit > 0 ? names[culprit - 1] : envs[-culprit - 1];
        cli_usage_error("--%s '%s': %s (%s)", culprit > 0 ? "name" : "env", what,
                        culprit > 0 ? jsk_strerror(rc)
                        : rc == JSK_ERR_BAD_NAME ? "an environment is a letter, then letters, digits, '-' or '_' (at most 32)"
                                                 : "the same environment twice (case, '-' and '_' aside)",
                        jsk_error_code(rc));
    }
    if (rc != JSK_OK) {
        cli_core_error("generate", rc);
    }
    texts = cli_malloc(sizeof(char *) * files);
    lens = cli_malloc(sizeof(size_t) * files);
    file_names = cli_malloc(sizeof *file_names * files);
    for (i = 0; i < files; i++) {
        texts[i] = cli_malloc(cap);
        rc = jsk_env_file(texts[i], cap, &lens[i], file_names[i], sizeof file_names[i], alg, nbytes, layout, name_list,
                          names_len, env_list, envs_len, i);
        if (rc != JSK_OK) {
            cli_core_error("generate", rc);
        }
    }
    if (out_dir == NULL) {
        for (i = 0; i < files; i++) {
            if (i > 0) {
                cli_out("\n", 1);
            }
            cli_out(texts[i], lens[i]);
        }
    } else {
        struct stat st;
        char **paths = cli_malloc(sizeof(char *) * files);
        if (stat(out_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
            cli_usage_error("--out-dir '%s': not a directory", out_dir);
        }
        for (i = 0; i < files; i++) {
            size_t n = strlen(out_dir) + strlen(file_names[i]) + 2U;
            paths[i] = cli_malloc(n);
            snprintf(paths[i], n, "%s/%s", out_dir, file_names[i]);
            if (lstat(paths[i], &st) == 0) {
                cli_usage_error("%s exists: not overwritten (nothing was written)", paths[i]);
            }
        }
        for (i = 0; i < files; i++) {
            /* A new file only (O_EXCL), readable by its owner only: it holds secrets. */
            int fd = open(paths[i], O_WRONLY | O_CREAT | O_EXCL, 0600);
            size_t done = 0;
            if (fd < 0) {
                cli_usage_error("cannot create %s: %s", paths[i], strerror(errno));
            }
            fchmod(fd, 0600); /* whatever the umask */
            while (done < lens[i]) {
                ssize_t w = write(fd, texts[i] + done, lens[i] - done);
                if (w <= 0) {
                    cli_usage_error("cannot write %s: %s", paths[i], strerror(errno));
                }
                done += (size_t)w;
            }
            if (close(fd) != 0) {
                cli_usage_error("cannot write %s: %s", paths[i], strerror(errno));
            }
            cli_printf("wrote %s\n", paths[i]);
            free(paths[i]);
        }
        free(paths);
    }
    for (i = 0; i < files; i++) {
        cli_wipe_free(texts[i], cap);
    }
    free(texts);
    free(lens);
    free(file_names);
    free(name_list);
    free(env_list);
    cli_flush();
    return CLI_EXIT_OK;
}
