package io.mailtrip.nagios;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A real Icinga 2 daemon (its own config, state and log folders; no listener) schedules the shipped
 * CheckCommand against GreenMail and writes every check result with Icinga's PerfdataWriter: the service
 * output Icinga stores (stderr merged, as Icinga does) and the perfdata it splits. Each perfdata item then
 * goes through Icinga's own parser ({@code parse_performance_data} in {@code icinga2 console}, the
 * PerfdataValue parser the writers and graphers use), which rejects {@code U}. Cases: a plain check, a
 * failed leg, a range threshold passed through the CheckCommand, a foreign class-data archive beside the
 * jar and another Java (Temurin 25, when installed) with the archive made for the build's Java.
 */
class IcingaDaemonIT {

    private static final Path ICINGA2 = Path.of("/usr/sbin/icinga2");
    private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    private static final String COMMAND = "smtp_pop3_roundtrip";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    @TempDir
    Path temp;

    /** One check result as the PerfdataWriter wrote it. */
    record Checked(String service, String state, String output, String perfdata) {
    }

    @Test
    void icingaRunsTheShippedCommandAndParsesItsPerfdataWhateverTheArchiveAndJava() throws Exception {
        boolean present = Files.isExecutable(ICINGA2);
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("icinga2 is not installed: apt-get install icinga2-bin (.ci/run does)");
        }
        Assumptions.assumeTrue(present, "icinga2 not installed (apt-get install icinga2-bin); skipping");
        boolean java25 = Files.isExecutable(JAVA_25);
        Path stale = staleCopy();

        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        List<String> services = new ArrayList<>();
        services.add(service("ok", settings, Map.of(), ""));
        Map<String, String> deadPop3 = new LinkedHashMap<>(settings);
        deadPop3.put("pop3Port", "1");
        services.add(service("failed_leg", deadPop3, Map.of(), ""));
        services.add(service("range", settings, Map.of("warning", "~:0.000001"), ""));
        services.add(service("stale_archive", settings, Map.of(), "  check_command = \"rt_stale\"\n"));
        if (java25) {
            services.add(service("other_java", settings, Map.of(), "  check_command = \"rt_java25\"\n"));
        }
        Path config = writeConfig(stale, services);
        Path perfdata = Files.createDirectories(temp.resolve("perfdata"));

        List<Checked> results = runDaemon(config, perfdata, services.size());

        Map<String, Checked> byService = new LinkedHashMap<>();
        results.forEach(r -> byService.putIfAbsent(r.service(), r));
        assertThat(byService.get("ok").state()).as(String.valueOf(byService.get("ok")))
                .isEqualTo("OK");
        assertThat(byService.get("ok").output()).startsWith("SMTP-POP3 OK - total ");
        assertThat(byService.get("failed_leg").state()).as(String.valueOf(byService.get("failed_leg")))
                .isEqualTo("CRITICAL");
        assertThat(byService.get("failed_leg").output()).startsWith("SMTP-POP3 CRITICAL - POP3 127.0.0.1:1 ");
        assertThat(byService.get("failed_leg").perfdata()).startsWith("smtp=").doesNotContain("pop3=");
        assertThat(byService.get("range").state()).as(String.valueOf(byService.get("range")))
                .isEqualTo("WARNING");
        assertThat(byService.get("range").perfdata()).contains(";~:0.000001;");
        assertThat(byService.get("stale_archive").state()).as(String.valueOf(byService.get("stale_archive")))
                .isEqualTo("OK");
        assertThat(byService.get("stale_archive").output()).startsWith("SMTP-POP3 OK - total ");
        if (java25) {
            assertThat(byService.get("other_java").state()).as(String.valueOf(byService.get("other_java")))
                    .isEqualTo("OK");
            assertThat(byService.get("other_java").output()).startsWith("SMTP-POP3 OK - total ");
        }
        for (Checked checked : byService.values()) {
            assertThat(checked.output()).as(checked.service() + ": nothing of the JVM in the output")
                    .doesNotContain("[warning]").doesNotContain("[error]").doesNotContain("VM warning")
                    .doesNotContain("shared archive").doesNotContain("CDS");
            assertThat(parsedByIcinga(checked.perfdata())).as(checked.service() + ": " + checked.perfdata())
                    .allSatisfy(value -> assertThat(value).contains("\"type\":\"PerfdataValue\""));
        }
    }

    /**
     * The service's own GreenMail mailbox. Icinga checks every service every 2 s, so the services' round
     * trips overlap; GreenMail renumbers a mailbox inside an open POP3 session when another session deletes
     * (real servers keep a fixed maildrop per session, RFC 1939), and the sensor then refuses to delete and
     * reports DOWN. One mailbox per service keeps each check to its own maildrop.
     */
    private static Map<String, String> ownMailbox(Map<String, String> settings, String name) {
        String login = "probe-" + name.replace('_', '-');
        GREEN_MAIL.setUser(login + "@localhost", login, MailServers.PROBE_PASSWORD);
        Map<String, String> own = new LinkedHashMap<>(settings);
        own.put("to", login + "@localhost");
        own.put("pop3User", login);
        return own;
    }

    /** The plugin folder copied with a class-data archive that belongs to no Java or jar here. */
    private Path staleCopy() throws IOException, InterruptedException {
        Path source = PluginFolder.installed() ? PluginFolder.INSTALLED.toRealPath().getParent() : PluginFolder.path();
        Path copy = temp.resolve("stale");
        ProcessRun cp = ProcessRun.of(List.of("cp", "-a", source.toString(), copy.toString()), Map.of(),
                Duration.ofSeconds(30));
        assertThat(cp.exitCode()).as(cp.stderr()).isZero();
        Path lib = copy.resolve("lib");
        try (Stream<Path> archives = Files.list(lib)) {
            for (Path archive : archives.filter(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".aot"))
                    .toList()) {
                Files.delete(archive);
            }
        }
        byte[] garbage = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(lib.resolve("check_smtp_pop3_roundtrip.jsa"), garbage);
        return copy.resolve("check_smtp_pop3_roundtrip");
    }

    private static String service(String name, Map<String, String> shared, Map<String, String> plugin,
                                  String extra) {
        Map<String, String> settings = ownMailbox(shared, name);
        StringBuilder out = new StringBuilder("object Service \"" + name + "\" {\n  host_name = \"mail1\"\n"
                + "  check_command = \"" + COMMAND + "\"\n  check_interval = 2s\n  retry_interval = 2s\n"
                + "  max_check_attempts = 1\n");
        settings.forEach((key, value) -> {
            String variable = COMMAND + "_" + OptionNaming.longOption(key).substring(2).replace('-', '_');
            out.append("  vars.").append(variable).append(" = \"").append(value).append("\"\n");
        });
        plugin.forEach((option, value) -> out.append("  vars.").append(COMMAND).append('_').append(option)
                .append(" = \"").append(value).append("\"\n"));
        out.append("  vars.").append(COMMAND).append("_timeout = \"20\"\n");
        return out.append(extra).append("}\n").toString();
    }

    private Path writeConfig(Path staleLauncher, List<String> services) throws IOException {
        Path pluginDir;
        String include;
        if (PluginFolder.installed()) {
            // The package's own files: the launcher in /usr/lib/nagios/plugins, the CheckCommand in the ITL's
            // plugins-contrib.d.
            pluginDir = Path.of(PluginNames.PLUGIN_DIR);
            include = "include <plugins-contrib>";
        } else {
            pluginDir = Files.createDirectories(temp.resolve("plugins"));
            Files.createSymbolicLink(pluginDir.resolve("check_smtp_pop3_roundtrip"),
                    PluginFolder.path().resolve("check_smtp_pop3_roundtrip"));
            include = "include \"" + PluginFolder.path().resolve("icinga2-command.conf") + "\"";
        }
        Path perfdata = temp.resolve("perfdata");
        String config = String.join("\n",
                "const PluginDir = \"" + pluginDir + "\"",
                "const PluginContribDir = \"" + pluginDir + "\"",
                "const ManubulonPluginDir = \"" + pluginDir + "\"",
                "const NodeName = \"mailtrip-test\"",
                "const ZoneName = \"mailtrip-test\"",
                "include <itl>",
                "include <plugins>",
                include,
                "object IcingaApplication \"app\" { }",
                "object CheckerComponent \"checker\" { }",
                "object FileLogger \"log\" { path = \"" + temp.resolve("icinga2.log") + "\"; severity = \"warning\" }",
                "object PerfdataWriter \"perfdata\" {",
                "  service_temp_path = \"" + perfdata.resolve("service.tmp") + "\"",
                "  host_temp_path = \"" + perfdata.resolve("host.tmp") + "\"",
                "  service_perfdata_path = \"" + perfdata.resolve("service-perfdata") + "\"",
                "  host_perfdata_path = \"" + perfdata.resolve("host-perfdata") + "\"",
                "  service_format_template = \"$service.name$\\t$service.state$\\t$service.output$\\t"
                        + "$service.perfdata$\"",
                "  rotation_interval = 1s",
                "}",
                "object CheckCommand \"rt_stale\" {",
                "  import \"" + COMMAND + "\"",
                "  command = [ \"" + staleLauncher + "\" ]",
                "}",
                // Another Java than the one the archive was made with (a Java update).
                "object CheckCommand \"rt_java25\" {",
                "  import \"" + COMMAND + "\"",
                "  env.MAILTRIP_JAVA = \"" + JAVA_25 + "\"",
                "}",
                "object Host \"mail1\" { check_command = \"dummy\"; address = \"127.0.0.1\"; check_interval = 1h }",
                String.join("\n", services), "");
        return Files.writeString(temp.resolve("icinga2.conf"), config);
    }

    private List<Checked> runDaemon(Path config, Path perfdata, int services) throws Exception {
        List<String> command = new ArrayList<>(List.of(ICINGA2.toString(), "daemon", "-c", config.toString(),
                "-DRunAsUser=" + System.getProperty("user.name"), "-DRunAsGroup=" + System.getProperty("user.name")));
        for (String dir : List.of("StateDir", "CacheDir", "LogDir", "InitRunDir", "DataDir", "SpoolDir")) {
            command.add("-D" + dir + "=" + Files.createDirectories(temp.resolve(dir)));
        }
        Process daemon = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve("daemon.out").toFile()).start();
        try {
            long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < end) {
                List<Checked> results = read(perfdata);
                if (results.stream().map(Checked::service).distinct().count() >= services) {
                    return results;
                }
                if (!daemon.isAlive()) {
                    fail("icinga2 ended: " + Files.readString(temp.resolve("daemon.out")));
                }
                Thread.sleep(500);
            }
            return fail("not every service was checked within 120 s: " + read(perfdata) + "\n"
                    + Files.readString(temp.resolve("daemon.out")));
        } finally {
            daemon.destroy();
            daemon.waitFor();
        }
    }

    private static List<Checked> read(Path perfdata) {
        List<Checked> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(perfdata)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("service")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] fields = line.split("\t", -1);
                    if (fields.length == 4) {
                        results.add(new Checked(fields[0], fields[1], fields[2], fields[3]));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results;
    }

    /** Each item through Icinga's own perfdata parser; an item it rejects fails the console. */
    private List<String> parsedByIcinga(String perfdata) throws Exception {
        List<String> parsed = new ArrayList<>();
        for (String item : perfdata.isBlank() ? new String[0] : perfdata.strip().split(" ")) {
            ProcessRun run = ProcessRun.of(List.of(ICINGA2.toString(), "console", "-e",
                    "parse_performance_data(\"" + item + "\")"), Map.of(), Duration.ofSeconds(30));
            assertThat(run.exitCode()).as(item + ": " + run.stdout() + run.stderr()).isZero();
            assertThat(run.stdout() + run.stderr()).as(item).doesNotContain("Error");
            parsed.add(run.stdout().strip());
        }
        assertThat(parsed).as("perfdata of " + perfdata).isNotEmpty();
        return parsed;
    }
}
