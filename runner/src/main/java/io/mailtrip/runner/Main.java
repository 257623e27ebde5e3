package io.mailtrip.runner;

import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.Status;
import io.mailtrip.host.ValueReferences;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of {@code mailtrip-runner.jar}: {@code --config FILE} runs continuously,
 * {@code --once} runs each instance once, {@code --validate} only checks, {@code --demo} monitors an
 * embedded mail server. Results go to standard output; notices, warnings and errors to standard error.
 */
public final class Main {

    private static final Logger LOG = Logger.getLogger("mailtrip");
    /** {@code 2026-11-29T03:04:05.678+0000 WARNING mailtrip: text}: ISO time with offset, level, logger. */
    static final String LOG_FORMAT = "%1$tFT%1$tT.%1$tL%1$tz %4$s %3$s: %5$s%6$s%n";

    static final int EXIT_OK = 0;
    static final int EXIT_NOT_UP = 1;
    static final int EXIT_CONFIG = 2;
    static final int EXIT_INTERNAL = 3;

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The runner's version, from the build. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // reported as unknown below
        }
        return properties.getProperty("version", "unknown");
    }

    public static void main(String[] args) {
        // Notices on standard error with time and level: the JDK's logging, one line each (issue 17).
        System.setProperty("java.util.logging.SimpleFormatter.format", LOG_FORMAT);
        int code = new Main(System.out, System.err).run(args);
        System.out.flush();
        System.exit(code);
    }

    int run(String... args) {
        RunnerOptions options;
        try {
            options = RunnerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(RunnerOptions.USAGE);
            return EXIT_CONFIG;
        }
        if (options.help()) {
            out.print(RunnerOptions.USAGE);
            return EXIT_OK;
        }
        if (options.version()) {
            out.println("mailtrip-runner " + version());
            return EXIT_OK;
        }
        try {
            return options.demo() ? demo(options) : configured(options);
        } catch (ConfigurationException e) {
            e.lines().forEach(err::println);
            return EXIT_CONFIG;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return EXIT_INTERNAL;
        } catch (RuntimeException | Error e) {
            err.println("internal error: " + e);
            return EXIT_INTERNAL;
        }
    }

    private int configured(RunnerOptions options) throws InterruptedException {
        if (options.validate()) {
            return validate(options, load(options));
        }
        // No local keeps the configuration: the runner keeps what it needs, the settings maps can go.
        return execute(Runner.create(load(options), out, err), options.once());
    }

    private RunnerConfig load(RunnerOptions options) {
        SensorCatalog catalog = new PluginFolder(options.pluginsDir(), Main.class.getClassLoader(),
                !options.insecurePluginFolder()).load();
        catalog.warnings().forEach(w -> err.println("warning: " + w));
        RunnerConfig config = new ConfigLoader(catalog, ValueReferences.fromProcess())
                .load(options.config().orElseThrow());
        config.warnings().forEach(w -> err.println("warning: " + w));
        return config;
    }

    private int validate(RunnerOptions options, RunnerConfig config) {
        // Creating the sensors checks what only they can (a trust store that must be readable).
        try (Runner runner = Runner.create(config, out, err)) {
            out.println(options.config().orElseThrow() + ": OK, " + runner.instances().size() + " sensor instance(s)");
            for (InstanceConfig instance : config.instances()) {
                out.println("  " + instance.id() + ": " + instance.provider().id() + ", every "
                        + instance.interval().toSeconds() + " s");
                instance.inherited().describe(instance.settings()).forEach(line -> out.println("    " + line));
                // Ancestors may serve several sensor types, so a key another type uses is no error; listed
                // here only, not at every start, where it would be noise.
                instance.inherited().unusedAncestorKeys().forEach(unused -> err.println("warning: "
                        + instance.location() + ": " + unused + ": not a setting of " + instance.provider().id()
                        + ", not used"));
            }
        }
        return EXIT_OK;
    }

    private int demo(RunnerOptions options) throws InterruptedException {
        try (DemoMailServer server = DemoMailServer.start()) {
            err.println("mailtrip demo: GreenMail SMTP on 127.0.0.1:" + server.smtpPort() + ", POP3 on 127.0.0.1:"
                    + server.pop3Port() + ", IMAP on 127.0.0.1:" + server.imapPort());
            SensorCatalog catalog = new PluginFolder(options.pluginsDir(), Main.class.getClassLoader(),
                    !options.insecurePluginFolder()).load();
            RunnerConfig config = new ConfigLoader(catalog, server.references())
                    .load("--demo", DemoMailServer.config(), options.pluginsDir().toAbsolutePath());
            if (options.once()) {
                config = new RunnerConfig(Optional.empty(), config.junitXml(), config.jsonLines(), config.history(),
                        config.language(), config.icinga(), config.instances(), config.warnings());
            }
            return execute(Runner.create(config, out, err), options.once());
        }
    }

    private int execute(Runner runner, boolean once) throws InterruptedException {
        if (once) {
            try (runner) {
                List<RunRecord> records = runner.runOnce();
                return Runner.worst(records) == Status.UP && records.size() == runner.instances().size()
                        ? EXIT_OK : EXIT_NOT_UP;
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            LOG.info("stopping; waiting for runs in progress");
            runner.close();
            stopped.countDown();
        }, "mailtrip-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            runner.start();
        } catch (ConfigurationException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            runner.close();
            throw e;
        }
        LOG.info(runner.instances().size() + " sensor instance(s) scheduled; Ctrl-C stops");
        stopped.await();
        return EXIT_OK;
    }
}
