package io.mailtrip.runner;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line. Hand-parsed: seven fixed options do not need a library, and none of them is a sensor
 * setting (those live in the configuration file).
 *
 * @param config   the YAML/JSON file; required unless {@code --demo}
 * @param plugins  plugins folder; default {@code plugins/} beside the configuration file
 * @param once     run every instance once and exit
 * @param validate check the configuration and exit
 * @param demo     run against an embedded mail server
 * @param help     print usage
 * @param version  print the version
 * @param insecurePluginFolder load plugins without checking the folder's owner and mode (development)
 */
public record RunnerOptions(Optional<Path> config, Optional<Path> plugins, boolean once, boolean validate,
                            boolean demo, boolean help, boolean insecurePluginFolder, boolean version) {

    static final String USAGE = """
            Usage: java -jar mailtrip-runner.jar --config FILE [--once | --validate] [--plugins DIR]
                   java -jar mailtrip-runner.jar --demo [--once]

              --config FILE   YAML (or .json) file listing the sensor instances
              --once          run every instance once, print the results, exit 0 when all are UP, else 1
              --validate      check the configuration (and plugins) only; exit 0 when it can run, else 2
              --plugins DIR   folder of sensor plugin jars (default: plugins/ beside the configuration);
                              refused when it, a jar in it or a folder above it can be changed by
                              another user than the runner's or root
              --insecure-plugin-folder
                              load plugins without that check (development only)
              --demo          start an embedded SMTP + POP3 server on loopback and monitor it
              --version       print the version and exit
              --help          this text

            Exit codes: 0 OK, 1 a result was not UP (--once), 2 configuration or usage error, 3 internal error.
            """;

    /**
     * @throws IllegalArgumentException with a one-line message naming the option and the rule
     */
    public static RunnerOptions parse(String... args) {
        Path config = null;
        Path plugins = null;
        boolean once = false;
        boolean validate = false;
        boolean demo = false;
        boolean help = false;
        boolean version = false;
        boolean insecurePluginFolder = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--config" -> config = Path.of(value(args, ++i, arg));
                case "--plugins" -> plugins = Path.of(value(args, ++i, arg));
                case "--once" -> once = true;
                case "--validate" -> validate = true;
                case "--demo" -> demo = true;
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case PluginFolder.INSECURE_OPTION -> insecurePluginFolder = true;
                default -> throw new IllegalArgumentException(arg.startsWith("-")
                        ? arg + ": unknown option (known: --config, --once, --validate, --plugins, "
                        + PluginFolder.INSECURE_OPTION + ", --demo, --version, --help)"
                        : arg + ": unexpected argument; give the configuration file with --config");
            }
        }
        if (!help && !version) {
            if (demo && config != null) {
                throw new IllegalArgumentException("--demo: runs its own configuration; leave out --config");
            }
            if (demo && validate) {
                throw new IllegalArgumentException("--validate: needs --config, not --demo");
            }
            if (!demo && config == null) {
                throw new IllegalArgumentException("--config: is required (or use --demo)");
            }
            if (once && validate) {
                throw new IllegalArgumentException("--once: cannot be combined with --validate");
            }
        }
        return new RunnerOptions(Optional.ofNullable(config), Optional.ofNullable(plugins), once, validate, demo, help,
                insecurePluginFolder, version);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + ": needs a value");
        }
        return args[index];
    }

    /** The plugins folder: the option, else {@code plugins/} beside the configuration (or the working folder). */
    public Path pluginsDir() {
        return plugins.orElseGet(() -> config.map(c -> c.toAbsolutePath().getParent().resolve("plugins"))
                .orElse(Path.of("plugins")));
    }
}
