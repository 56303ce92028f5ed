/* cmd_check_env.c — placeholder until the core's .env reader lands. */
#include "cli.h"
int cli_check_env(const char *file, const char *const *patterns, int npatterns, int alg, int encoding, int json)
{
    (void)file; (void)patterns; (void)npatterns; (void)alg; (void)encoding; (void)json;
    cli_usage_error("check --env: not yet");
}
