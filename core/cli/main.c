/* main.c — jwt-secret: the command line over the C core, one program built twice (natively, and
 * with Emscripten for Node behind the npm bin), so both print the same bytes and exit codes.
 * Exit status: 0 success / strong / valid / not found, 1 a negative answer, 2 a usage or input
 * error (a message on stderr). The core's known-answer self-test runs before any command. */
#include <signal.h>
#include <string.h>

#include "cli.h"

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {{"generate", cli_generate}, {"check", cli_check}, {"sign", cli_sign},
                {"verify", cli_verify},     {"inspect", cli_inspect}, {"audit", cli_audit}};

int main(int argc, char **argv)
{
    const char *command = argc > 1 ? argv[1] : NULL;
    size_t i;
    int status;

#ifdef SIGPIPE
    signal(SIGPIPE, SIG_IGN); /* a closed pipe is a write error (output.c), as in Node */
#endif
    if (command == NULL) {
        fprintf(stderr, CLI_NAME ": missing command\n\n%s", cli_help(NULL));
        return CLI_EXIT_ERROR;
    }
    if (strcmp(command, "--version") == 0 || strcmp(command, "-V") == 0) {
        cli_puts(JSK_VERSION_STRING);
        cli_flush();
        return CLI_EXIT_OK;
    }
    if (strcmp(command, "-h") == 0 || strcmp(command, "--help") == 0 || strcmp(command, "help") == 0) {
        const char *topic = strcmp(command, "help") == 0 && argc > 2 ? argv[2] : NULL;
        const char *text = cli_help(topic);
        if (text == NULL) {
            cli_usage_error("unknown command '%s'", topic);
        }
        cli_out(text, strlen(text));
        cli_flush();
        return CLI_EXIT_OK;
    }
    for (i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(command, commands[i].name) == 0) {
            int rc = jsk_self_test(NULL); /* the analyzer's part runs when its dictionary loads */
            if (rc != JSK_OK) {
                cli_core_error("self-test", rc);
            }
            status = commands[i].run(argc - 2, argv + 2);
            cli_dict_free();
            cli_flush();
            return status;
        }
    }
    cli_usage_error("unknown command '%s'", command);
}
