package io.mailtrip.nagios;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The real chain: Debian's {@code nrpe} daemon on 127.0.0.1 with a configuration of this test's own runs
 * the built plugin against GreenMail, and {@code check_nrpe} fetches the result. Debian's NRPE takes no
 * arguments from {@code check_nrpe}, so every case is a fixed {@code command[...]} line. Needs the
 * packages nagios-nrpe-server and nagios-nrpe-plugin; CI (CI=true) fails without them.
 */
class NrpeIT {

    private static final Path NRPE = Path.of("/usr/sbin/nrpe");
    private static final Path CHECK_NRPE = Path.of("/usr/lib/nagios/plugins/check_nrpe");
    private static final String NRPE_USER = "nagios";
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    private Path dir;
    private int port;

    @BeforeEach
    void startNrpe() throws Exception {
        boolean installed = Files.isExecutable(NRPE) && Files.isExecutable(CHECK_NRPE);
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("NRPE is not installed: apt-get install nagios-nrpe-server nagios-nrpe-plugin (.ci/run does)");
        }
        Assumptions.assumeTrue(installed, "NRPE not installed (apt-get install nagios-nrpe-server"
                + " nagios-nrpe-plugin); skipping the NRPE end-to-end test");
        dir = Files.createTempDirectory("mailtrip-nrpe");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        port = freePort();
        Path config = writeSettings();
        Path runnerConfig = writeRunnerFile();
        String plugin = PluginFolder.launcher() + " --config " + config;
        List<String> cfg = new ArrayList<>(List.of(
                "pid_file=" + dir.resolve("nrpe.pid"),
                "server_address=127.0.0.1",
                "server_port=" + port,
                "allowed_hosts=127.0.0.1",
                "dont_blame_nrpe=0",
                "command_timeout=60",
                "connection_timeout=60",
                "command[rt_ok]=" + plugin + " -t 30 -w 20 -c 25",
                "command[rt_critical]=" + plugin + " -t 30 --to nobody@localhost --max-trip-time 2",
                "command[rt_bad_option]=" + plugin + " --smtp-port 70000",
                "command[rt_device]=" + PluginFolder.launcher() + " --config " + runnerConfig
                        + " --device mx1 -t 30 -w 20 -c 25"));
        if (runsAsRoot()) {
            // NRPE drops root to this user before running a command; the settings file is that user's.
            cfg.addAll(List.of("nrpe_user=" + NRPE_USER, "nrpe_group=" + NRPE_USER));
        }
        Path nrpeCfg = Files.write(dir.resolve("nrpe.cfg"), cfg);
        ProcessRun started = ProcessRun.of(List.of(NRPE.toString(), "-c", nrpeCfg.toString(), "-d"), Map.of(),
                Duration.ofSeconds(10));
        assertThat(started.exitCode()).as(started.stdout() + started.stderr()).isZero();
        awaitPort(port, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopNrpe() throws Exception {
        if (dir == null) {
            return;
        }
        Path pidFile = dir.resolve("nrpe.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).ifPresent(daemon -> {
                daemon.destroy();
                daemon.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
            });
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aRoundTripThroughNrpeIsOkWithPerfdata() throws Exception {
        ProcessRun run = checkNrpe("rt_ok");

        assertThat(run.exitCode()).as(run.stdout()).isZero();
        assertThat(run.firstLine()).containsPattern("^SMTP-POP3 OK - total [0-9.]+s - round trip ");
        Map<String, String> perfdata = run.perfdata();
        assertThat(perfdata).containsOnlyKeys("smtp", "pop3", "total");
        double total = Double.parseDouble(perfdata.get("total").substring(0, perfdata.get("total").indexOf('s')));
        assertThat(total).isPositive().isLessThan(20);
        assertThat(perfdata.get("total")).endsWith("s;20;25;0");
        assertThat(run.stdout()).doesNotContain(MailServers.PROBE_PASSWORD);
    }

    @Test
    void aProbeThatNeverArrivesIsCriticalThroughNrpe() throws Exception {
        ProcessRun run = checkNrpe("rt_critical");

        assertThat(run.exitCode()).as(run.stdout()).isEqualTo(2);
        assertThat(run.firstLine()).startsWith("SMTP-POP3 CRITICAL - ");
        assertThat(run.perfdata()).doesNotContainKey("pop3");
        assertThat(run.perfdata().get("smtp")).matches("[0-9.]+s;;;0");
    }

    @Test
    void aBadOptionIsUnknownThroughNrpe() throws Exception {
        ProcessRun run = checkNrpe("rt_bad_option");

        assertThat(run.exitCode()).as(run.stdout()).isEqualTo(3);
        assertThat(run.firstLine()).isEqualTo("SMTP-POP3 UNKNOWN - --smtp-port: 70000 is not in 1..65535");
    }

    @Test
    void aDeviceOfTheRunnersFileIsCheckedThroughNrpe() throws Exception {
        ProcessRun run = checkNrpe("rt_device");

        assertThat(run.exitCode()).as(run.stdout()).isZero();
        assertThat(run.firstLine()).containsPattern("^SMTP-POP3 OK - total [0-9.]+s - round trip ");
        assertThat(run.perfdata().get("total")).endsWith("s;20;25;0");
    }

    private ProcessRun checkNrpe(String command) throws Exception {
        // check_nrpe's default cipher list already carries @SECLEVEL=0 for NRPE's anonymous DH under OpenSSL 3.
        return ProcessRun.of(List.of(CHECK_NRPE.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port),
                "-t", "60", "-c", command), Map.of(), LIMIT);
    }

    /** The GreenMail settings as a --config file, private to the user NRPE runs the plugin as. */
    private Path writeSettings() throws IOException {
        StringBuilder yaml = new StringBuilder("# written by NrpeIT\n");
        MailServers.plainSettings(GREEN_MAIL).forEach((key, value) ->
                yaml.append(key).append(": \"").append(value).append("\"\n"));
        return privateFile("roundtrip.yml", yaml.toString());
    }

    /** The runner's form: SMTP host and port on device mx1, the rest in the defaults. */
    private Path writeRunnerFile() throws IOException {
        Map<String, String> defaults = MailServers.plainSettings(GREEN_MAIL);
        String host = defaults.remove("smtpHost");
        String port = defaults.remove("smtpPort");
        StringBuilder yaml = new StringBuilder("# written by NrpeIT\ndefaults:\n");
        defaults.forEach((key, value) -> yaml.append("  ").append(key).append(": \"").append(value).append("\"\n"));
        yaml.append("devices:\n  mx1:\n    host: ").append(host).append("\n    settings: {smtpPort: ").append(port)
                .append("}\n");
        return privateFile("mailtrip.yml", yaml.toString());
    }

    private Path privateFile(String name, String content) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        if (runsAsRoot()) {
            UserPrincipalLookupService users = file.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(file, users.lookupPrincipalByName(NRPE_USER));
        }
        return file;
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        fail("nrpe did not listen on 127.0.0.1:" + port + " within " + limit);
    }
}
