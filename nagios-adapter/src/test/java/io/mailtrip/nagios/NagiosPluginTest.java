package io.mailtrip.nagios;

import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole plugin in-process against GreenMail: options, sources, thresholds, output and exit codes. */
class NagiosPluginTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    @TempDir
    Path temp;

    private final Map<String, String> environment = new HashMap<>();

    @Test
    void aRoundTripIsOkWithEveryMeasuredChannelInThePerfdata() {
        NagiosPlugin.Printed printed = run(options(MailServers.plainSettings(GREEN_MAIL)));

        assertThat(printed.state()).isEqualTo(PluginState.OK);
        assertThat(printed.text()).containsPattern("^SMTP-POP3 OK - total [0-9.]+s - round trip ").endsWith("\n");
        assertThat(printed.text().lines()).hasSize(1);
        assertThat(perfdata(printed)).containsKeys("smtp", "pop3", "total").doesNotContainKey("downtime");
        assertThat(perfdata(printed).get("total")).matches("[0-9]+\\.[0-9]+s;;;0");
    }

    @Test
    void aMissingProbeIsCriticalAndKeepsTheLegThatRan() {
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        settings.put("to", "nobody@localhost");
        settings.put("maxTripTime", "1");

        NagiosPlugin.Printed printed = run(options(settings));

        assertThat(printed.state()).isEqualTo(PluginState.CRITICAL);
        assertThat(printed.text()).startsWith("SMTP-POP3 CRITICAL - ");
        assertThat(perfdata(printed).get("smtp")).matches("[0-9.]+s;;;0");
        assertThat(perfdata(printed)).doesNotContainKeys("pop3", "total");
    }

    @Test
    void aLateMailIsCriticalNotATimeoutWhenMaxTripTimeOutlastsMinusT() {
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        settings.put("to", "nobody@localhost");
        settings.remove("maxTripTime");
        List<String> args = options(settings);
        args.addAll(List.of("-t", "4"));

        NagiosPlugin.Printed printed = run(args);

        assertThat(printed.state()).as(printed.text()).isEqualTo(PluginState.CRITICAL);
        assertThat(printed.text()).startsWith("SMTP-POP3 CRITICAL - ")
                .containsPattern("probe not received within [0-3] s \\(maxTripTime 300 s cut to fit the run deadline;")
                .doesNotContain("timeout");
    }

    @Test
    void certificateDaysWarnsBelowTheDaysLeftLikeCheckSmtpMinusD() {
        NagiosPlugin.Printed ok = run(options(MailServers.tlsSettings(GREEN_MAIL)));
        assertThat(ok.state()).as(ok.text()).isEqualTo(PluginState.OK);
        double days = Double.parseDouble(perfdata(ok).get("certificate").split(";")[0]);
        assertThat(days).as("days left on GreenMail's test certificate").isPositive();

        List<String> warn = options(MailServers.tlsSettings(GREEN_MAIL));
        warn.addAll(List.of("--certificate-days", (long) Math.ceil(days) + 1 + "," + 0));
        NagiosPlugin.Printed warned = run(warn);
        assertThat(warned.state()).as(warned.text()).isEqualTo(PluginState.WARNING);
        assertThat(perfdata(warned).get("certificate")).matches("[0-9.]+;" + ((long) Math.ceil(days) + 1) + ":;0:;0");

        List<String> crit = options(MailServers.tlsSettings(GREEN_MAIL));
        crit.addAll(List.of("--certificate-days", "99999," + ((long) Math.ceil(days) + 1)));
        assertThat(run(crit).state()).isEqualTo(PluginState.CRITICAL);

        NagiosPlugin.Printed plain = run(options(MailServers.plainSettings(GREEN_MAIL)));
        assertThat(perfdata(plain)).as("no TLS: not measured, left out").doesNotContainKey("certificate");
        List<String> plainWithDays = options(MailServers.plainSettings(GREEN_MAIL));
        plainWithDays.addAll(List.of("--certificate-days", "30,14"));
        assertThat(run(plainWithDays).state()).as("nothing to alert on without TLS").isEqualTo(PluginState.OK);

        List<String> bad = options(MailServers.plainSettings(GREEN_MAIL));
        bad.addAll(List.of("--certificate-days", "30d"));
        assertThat(run(bad).text()).startsWith("SMTP-POP3 UNKNOWN - --certificate-days: '30d' is not WARN[,CRIT] in"
                + " whole days (30 or 30,14)\n");
    }

    @Test
    void minusPIsTheSmtpPortAndMinus4Or6ForceTheAddressFamilyOfBothLegs() {
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        String port = settings.remove("smtpPort");
        List<String> v4 = options(settings);
        v4.addAll(List.of("-p", port, "-4"));
        NagiosPlugin.Printed ok = run(v4);
        assertThat(ok.state()).as(ok.text()).isEqualTo(PluginState.OK);

        List<String> v6 = options(settings);
        v6.addAll(List.of("-p", port, "-6"));
        NagiosPlugin.Printed noV6 = run(v6);
        assertThat(noV6.state()).as(noV6.text()).isEqualTo(PluginState.CRITICAL);
        assertThat(noV6.text()).startsWith("SMTP-POP3 CRITICAL - SMTP 127.0.0.1:" + port + " connect: cannot resolve host"
                + " 127.0.0.1 to an IPv6 address (addressFamily=ipv6)");
    }

    @Test
    void thresholdsRaiseTheStateAndNameTheValue() {
        List<String> args = options(MailServers.plainSettings(GREEN_MAIL));
        args.addAll(List.of("-w", "@0:100", "--critical-smtp", "100:"));

        NagiosPlugin.Printed printed = run(args);

        assertThat(printed.state()).isEqualTo(PluginState.CRITICAL);
        assertThat(printed.text()).containsPattern("^SMTP-POP3 CRITICAL - total [0-9.]+s inside @100s \\(warning\\);"
                + " smtp [0-9.]+s < 100s \\(critical\\) - round trip ");
        assertThat(perfdata(printed).get("total")).endsWith("s;@100;;0");
        assertThat(perfdata(printed).get("smtp")).endsWith("s;;100:;0");
    }

    @Test
    void thePrimaryChannelLeadsTheSummaryAndTakesThePlainThresholds() {
        List<String> args = options(MailServers.plainSettings(GREEN_MAIL));
        args.addAll(List.of("--primary-channel", "smtp", "-w", "@0:100"));

        NagiosPlugin.Printed warning = run(args);

        assertThat(warning.state()).as(warning.text()).isEqualTo(PluginState.WARNING);
        assertThat(warning.text()).containsPattern("^SMTP-POP3 WARNING - smtp [0-9.]+s inside @100s \\(warning\\)"
                + " - round trip ");
        assertThat(perfdata(warning).get("smtp")).endsWith("s;@100;;0");
        assertThat(perfdata(warning).get("total")).endsWith("s;;;0");

        List<String> pop3 = options(MailServers.plainSettings(GREEN_MAIL));
        pop3.addAll(List.of("--primary-channel", "pop3"));
        assertThat(run(pop3).text()).containsPattern("^SMTP-POP3 OK - pop3 [0-9.]+s - round trip ");
    }

    @Test
    void aBadSettingIsUnknownWithOneLineNamingTheOptionFirst() {
        List<String> args = options(MailServers.plainSettings(GREEN_MAIL));
        args.addAll(List.of("--smtp-port", "70000", "--pop3-auth", "kerberos"));

        NagiosPlugin.Printed printed = run(args);

        assertThat(printed.state()).isEqualTo(PluginState.UNKNOWN);
        assertThat(printed.text()).isEqualTo("SMTP-POP3 UNKNOWN - --smtp-port: 70000 is not in 1..65535\n"
                + "--smtp-port: 70000 is not in 1..65535\n"
                + "--pop3-auth: 'kerberos' is not one of none, password, apop\n");
    }

    @Test
    void aMissingRequiredSettingNamesItsOption() {
        NagiosPlugin.Printed printed = run(List.of("-H", "127.0.0.1", "--to", "b@example.org"));
        assertThat(printed.text()).startsWith("SMTP-POP3 UNKNOWN - --from: is required (one e-mail address)\n");
        assertThat(printed.state().exitCode()).isEqualTo(3);
    }

    @Test
    void aBadValueLeadsBeforeMissingSettings() {
        NagiosPlugin.Printed printed = run(List.of("-H", "localhost", "--smtp-port", "70000"));
        assertThat(printed.text()).startsWith("SMTP-POP3 UNKNOWN - --smtp-port: 70000 is not in 1..65535\n")
                .contains("\n--from: is required (one e-mail address)\n");
    }

    @Test
    void aBadThresholdIsUnknown() {
        List<String> args = options(MailServers.plainSettings(GREEN_MAIL));
        args.addAll(List.of("-c", "20:10"));
        assertThat(run(args).text()).startsWith("SMTP-POP3 UNKNOWN - -c: '20:10' starts above its end"
                + " (start must be <= end)\n");
    }

    @Test
    void passwordsComeFromTheEnvironmentAndNeverShowEvenInTheTrace() {
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        settings.remove("pop3Password");
        settings.put("smtpAuth", "password");
        settings.put("smtpUser", "sender");
        environment.put("MAILTRIP_POP3_PASSWORD", MailServers.PROBE_PASSWORD);
        environment.put("MAILTRIP_SMTP_PASSWORD", MailServers.SENDER_PASSWORD);
        List<String> args = options(settings);
        args.add("-vvv");

        NagiosPlugin.Printed printed = run(args);

        assertThat(printed.state()).as(printed.text()).isEqualTo(PluginState.OK);
        assertThat(printed.text()).contains("pop3> PASS ******").contains("smtp> AUTH ")
                .contains("\nsetting pop3Password = ****** (environment)\n")
                .contains("\nsetting smtpPassword = ****** (environment)\n")
                .contains("\nsetting smtpUser = sender (command line)\n")
                .contains("\nsetting heloIdent = ")
                .doesNotContain(MailServers.PROBE_PASSWORD).doesNotContain(MailServers.SENDER_PASSWORD);
        assertThat(printed.text().lines().skip(1)).noneMatch(line -> line.contains("|"));
        assertThat(printed.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CheckOutput.TRACE_LIMIT);
    }

    @Test
    void settingsComeFromAConfigFileWithReferencesAndTheCommandLineWins() throws IOException {
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        // The one config reader rejects a key written twice: the file names each key once.
        settings.remove("pop3Password");
        settings.remove("smtpPort");
        Path secret = Files.writeString(temp.resolve("pop3.pw"), MailServers.PROBE_PASSWORD + "\n");
        StringBuilder yaml = new StringBuilder();
        settings.forEach((key, value) -> yaml.append(key).append(": \"").append(value).append("\"\n"));
        yaml.append("pop3Password: ${file:").append(secret).append("}\n");
        yaml.append("smtpPort: 1\n");
        yaml.append("tags: [a, b]\n");
        Path config = Files.writeString(temp.resolve("roundtrip.yml"), yaml.toString());

        NagiosPlugin.Printed printed = run(List.of("--config", config.toString(), "--smtp-port",
                String.valueOf(GREEN_MAIL.getSmtp().getPort()), "-v"));

        assertThat(printed.state()).as(printed.text()).isEqualTo(PluginState.OK);
        assertThat(printed.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CheckOutput.SMALL_LIMIT);
    }

    @Test
    void anUnknownKeyInTheConfigFileNamesFileAndKey() throws IOException {
        Path config = Files.writeString(temp.resolve("bad.yml"), "smtpHost: 127.0.0.1\nsmtpPasword: x\n");
        assertThat(run(List.of("--config", config.toString())).text()).startsWith("SMTP-POP3 UNKNOWN - --config "
                + config + ": unknown key 'smtpPasword' (keys are the setting names that --help shows after each"
                + " option, like from)\n");
    }

    @Test
    void aConfigFileThatIsNotYamlNeverEchoesItsContent() throws IOException {
        Path config = Files.writeString(temp.resolve("broken.yml"), "pop3Password: [Secret-in-file\n");
        NagiosPlugin.Printed printed = run(List.of("--config", config.toString()));
        assertThat(printed.text()).startsWith("SMTP-POP3 UNKNOWN - --config " + config + ": not valid YAML at line ")
                .doesNotContain("Secret-in-file");
        Path twice = Files.writeString(temp.resolve("twice.yml"), "smtpPort: 25\nsmtpPort: 587\n");
        assertThat(run(List.of("--config", twice.toString())).text()).startsWith("SMTP-POP3 UNKNOWN - --config " + twice
                + ": not valid YAML at line 2, column 9: key 'smtpPort' is written twice\n");
        assertThat(run(List.of("--config", temp.resolve("missing.yml").toString())).text())
                .startsWith("SMTP-POP3 UNKNOWN - --config " + temp.resolve("missing.yml")
                        + ": cannot be read (NoSuchFileException)\n");
    }

    @Test
    void anUnsetEnvironmentReferenceNamesTheOption() {
        List<String> args = options(MailServers.plainSettings(GREEN_MAIL));
        args.addAll(List.of("--pop3-password", "${env:NO_SUCH_VARIABLE}"));
        assertThat(run(args).text()).startsWith("SMTP-POP3 UNKNOWN - --pop3-password: environment variable"
                + " NO_SUCH_VARIABLE is not set\n");
    }

    @Test
    void theDeadlineGivesTheTimeoutStateAndNamesThePhase() {
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        settings.put("to", "nobody@localhost");
        List<String> args = options(settings);
        args.addAll(List.of("-t", "1"));

        NagiosPlugin.Printed unknown = run(args);
        assertThat(unknown.state()).as(unknown.text()).isEqualTo(PluginState.UNKNOWN);
        assertThat(unknown.text()).startsWith("SMTP-POP3 UNKNOWN - plugin timeout (-t 1 s) reached in phase pop3: ");

        args.addAll(List.of("--timeout-state", "critical"));
        assertThat(run(args).state()).isEqualTo(PluginState.CRITICAL);
    }

    @Test
    void anIgnoredSettingIsNotedAtVerbosityOne() {
        List<String> args = options(MailServers.plainSettings(GREEN_MAIL));
        args.addAll(List.of("--smtp-user", "someone", "-v"));
        assertThat(run(args).text()).contains("note: --smtp-user is ignored: only used when --smtp-auth=password");
    }

    @Test
    void helpAndVersionExitUnknown() {
        assertThat(run(List.of("--help")).state()).isEqualTo(PluginState.UNKNOWN);
        assertThat(run(List.of("--help")).text()).startsWith("check_smtp_pop3_roundtrip ");
        assertThat(run(List.of("-V")).text()).isEqualTo("check_smtp_pop3_roundtrip development build (mailtrip)\n");
    }

    @Test
    void anInternalErrorIsOneUnknownLine() {
        NagiosPlugin.Printed printed = NagiosPlugin.internalError(PluginNames.of(Sensors.roundTripProvider().descriptor()), new IllegalStateException("boom\nsecond line"));
        assertThat(printed.state()).isEqualTo(PluginState.UNKNOWN);
        assertThat(printed.text()).isEqualTo("SMTP-POP3 UNKNOWN - internal error: IllegalStateException: boom second line\n");
    }

    private NagiosPlugin.Printed run(List<String> args) {
        return new NagiosPlugin(Sensors.roundTripProvider().id(), environment::get, new ExitGuard(null, null)).execute(args.toArray(String[]::new));
    }

    static List<String> options(Map<String, String> settings) {
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> {
            args.add(OptionNaming.longOption(key));
            args.add(value);
        });
        return args;
    }

    /** label → rest of the item, from the first line. */
    static Map<String, String> perfdata(NagiosPlugin.Printed printed) {
        String first = printed.text().lines().findFirst().orElseThrow();
        Map<String, String> items = new HashMap<>();
        for (String item : first.substring(first.indexOf(" | ") + 3).split(" ")) {
            items.put(item.substring(0, item.indexOf('=')), item.substring(item.indexOf('=') + 1));
        }
        return items;
    }
}
