package io.mailtrip.runner;

import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.host.ValueReferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigLoaderTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("MAIL1_POP3_PASSWORD", "from-the-environment");

    @TempDir
    Path dir;

    private RunnerConfig load(String yaml) throws Exception {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, yaml);
        return loader().load(file);
    }

    private ConfigLoader loader() {
        SensorCatalog catalog = new PluginFolder(dir.resolve("plugins"), getClass().getClassLoader()).load();
        return new ConfigLoader(catalog, new ValueReferences(ENVIRONMENT::get));
    }

    private ConfigurationException failure(String yaml) {
        return catchThrowableOfType(ConfigurationException.class, () -> load(yaml));
    }

    @Test
    void readsEveryPartOfAValidFileWithPathsBesideIt() throws Exception {
        RunnerConfig config = load("""
                http: {address: 127.0.0.1, port: 9100}
                junitXml: results/junit.xml
                jsonLines: "-"
                history: {size: 10, file: state/history.json}
                sensors:
                  - id: mail1
                    sensor: smtp-pop3-roundtrip
                    settings:
                      interval: 120
                      tags: [mail, critical]
                      from: probe@example.org
                      to: probe@example.org
                      smtpHost: mail.example.org
                      pop3Host: mail.example.org
                      pop3Auth: password
                      pop3User: probe
                      pop3Password: ${env:MAIL1_POP3_PASSWORD}
                """);

        assertThat(config.http()).contains(new RunnerConfig.HttpSettings("127.0.0.1", 9100));
        assertThat(config.junitXml()).contains(dir.resolve("results/junit.xml"));
        assertThat(config.jsonLines()).contains("-");
        assertThat(config.history()).isEqualTo(new RunnerConfig.HistorySettings(10,
                Optional.of(dir.resolve("state/history.json"))));
        InstanceConfig instance = config.instances().get(0);
        assertThat(instance.id()).isEqualTo("mail1");
        assertThat(instance.interval()).isEqualTo(Duration.ofSeconds(120));
        assertThat(instance.settings().secret("pop3Password").orElseThrow().reveal())
                .isEqualTo("from-the-environment");
        assertThat(instance.settings().list("tags")).containsExactly("mail", "critical");
        assertThat(instance.location()).isEqualTo(dir.resolve("config.yml") + ": sensors[0] (mail1)");
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void jsonWorksToo() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, """
                {"sensors": [{"id": "mail1", "sensor": "smtp-pop3-roundtrip",
                  "settings": {"from": "a@example.org", "to": "b@example.org", "smtpHost": "h", "pop3Host": "h"}}]}
                """);

        RunnerConfig config = loader().load(file);

        assertThat(config.instances()).extracting(InstanceConfig::id).containsExactly("mail1");
        assertThat(config.http()).isEmpty();
        assertThat(config.history().size()).isEqualTo(1440);
    }

    @Test
    void listsEveryProblemWithFileInstanceKeyAndRule() {
        ConfigurationException e = failure("""
                junitXm: results/junit.xml
                http: {port: 70000, adress: 0.0.0.0}
                history: {size: 0}
                sensors:
                  - id: mail1
                    sensor: smtp-pop3-roundtrip
                    colour: blue
                    settings:
                      from: probe@example.org
                      smtpHost: mail.example.org
                      smtpPort: 70000
                      pop3Host: mail.example.org
                      pop3Auth: x
                      smtpPassword: ${env:MAIL1_SMTP_PASSWORD}
                  - id: bad id
                    sensor: nope
                  - sensor: smtp-pop3-roundtrip
                  - id: mail1
                    sensor: smtp-pop3-roundtrip
                    settings: {from: a@example.org, to: b@example.org, smtpHost: h, pop3Host: h}
                """);

        String file = dir.resolve("config.yml").toString();
        assertThat(e.lines()).containsExactly(
                file + ": junitXm: unknown key (known: http, junitXml, jsonLines, history, language, icinga, defaults, groups, "
                        + "devices, sensors)",
                file + ": http.adress: unknown key (known: address, port)",
                file + ": http.port: '70000' is not in 0..65535",
                file + ": history.size: '0' is not in 1..100000",
                file + ": sensors[0] (mail1): colour: unknown key (known: id, sensor, device, tags, settings)",
                file + ": sensors[0] (mail1): smtpPassword: environment variable MAIL1_SMTP_PASSWORD is not set",
                file + ": sensors[0] (mail1): to: is required (one e-mail address)",
                file + ": sensors[0] (mail1): smtpPort: 70000 is not in 1..65535",
                file + ": sensors[0] (mail1): pop3Auth: 'x' is not one of none, password, apop, oauth2",
                file + ": sensors[1] (bad id): id: 'bad id' may only contain letters, digits, '.', '_' and '-'",
                file + ": sensors[1] (bad id): sensor: unknown sensor 'nope' (known: smtp-pop3-roundtrip, "
                        + "smtp-imap-roundtrip; "
                        + "plugins folder: " + dir.resolve("plugins") + ")",
                file + ": sensors[2]: id: is required (letters, digits, '.', '_' or '-')",
                file + ": sensors[2]: from: is required (one e-mail address)",
                file + ": sensors[2]: to: is required (one e-mail address)",
                file + ": sensors[2]: smtpHost: is required (a host name or IP address)",
                file + ": sensors[3] (mail1): id: 'mail1' is already used by sensors[0]");
    }

    @Test
    void settingsComeFromTheSensorElseItsDeviceElseTheGroupElseTheRootElseTheDefault() throws Exception {
        RunnerConfig config = load("""
                defaults:
                  smtpSecurity: enforceStartTls
                  pop3Interval: 3
                  maxTripTime: 30
                groups:
                  eu:
                    settings: {pop3Interval: 5, smtpTimeout: 20}
                devices:
                  mx1:
                    group: eu
                    host: mx1.example.org
                    settings: {smtpPort: 587, smtpTimeout: 25}
                  mx2:
                    host: mx2.example.org
                sensors:
                  - id: mx1-roundtrip
                    sensor: smtp-pop3-roundtrip
                    device: mx1
                    settings: {from: a@example.org, to: b@example.org, pop3Host: pop.example.org, smtpTimeout: 30}
                  - id: mx2-roundtrip
                    sensor: smtp-pop3-roundtrip
                    device: mx2
                    settings: {from: a@example.org, to: b@example.org, pop3Host: pop.example.org,
                               smtpHost: relay.example.org}
                """);

        InstanceConfig mx1 = config.instances().get(0);
        assertThat(mx1.settings().text("smtpHost")).isEqualTo("mx1.example.org");
        assertThat(mx1.inherited().describe(mx1.settings())).contains(
                "smtpHost = mx1.example.org (device mx1)",
                "smtpPort = 587 (device mx1)",
                "smtpTimeout = 30 (sensor mx1-roundtrip)",
                "pop3Interval = 5 (group eu)",
                "smtpSecurity = enforceStartTls (root defaults)",
                "maxTripTime = 30 (root defaults)",
                "pop3Port = 995 (default)");
        InstanceConfig mx2 = config.instances().get(1);
        assertThat(mx2.inherited().describe(mx2.settings())).contains(
                "smtpHost = relay.example.org (sensor mx2-roundtrip)",
                "smtpPort = 25 (default)",
                "smtpTimeout = 60 (default)",
                "pop3Interval = 3 (root defaults)");
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void listsEveryProblemOfTheHierarchyWithItsPlace() {
        ConfigurationException e = failure("""
                language: xx
                defaults:
                  smtpPrt: 25
                  tags: {a: b}
                groups:
                  eu:
                    colour: blue
                    settings: {pop3Intervall: 5}
                  bad name: {}
                  us: 7
                devices:
                  mx1:
                    group: asia
                    hots: mx1.example.org
                    settings: {smtpPort: 70000, pop3Password: '${env:MX1_POP3_PASSWORD}'}
                  mx2:
                    host: ""
                    settings: [smtpPort]
                sensors:
                  - id: a
                    sensor: smtp-pop3-roundtrip
                    device: mx9
                    settings: {from: a@example.org, to: b@example.org, smtpHost: h, pop3Host: h}
                  - id: b
                    sensor: smtp-pop3-roundtrip
                    device: mx1
                    settings: {from: a@example.org, to: b@example.org, pop3Host: h, pop3Auth: password,
                               pop3User: probe}
                """);

        String file = dir.resolve("config.yml") + ": ";
        assertThat(e.lines()).containsExactly(
                file + "language: 'xx' is not one of en, nl, fr, de, ja, pt, ru, zh-CN, es",
                file + "defaults.tags: must be a value or a list of values",
                file + "defaults.smtpPrt: not a setting of any known sensor (known sensors: smtp-pop3-roundtrip, "
                        + "smtp-imap-roundtrip)",
                file + "groups.eu.colour: unknown key (known: settings)",
                file + "groups.eu.settings.pop3Intervall: not a setting of any known sensor "
                        + "(known sensors: smtp-pop3-roundtrip, smtp-imap-roundtrip)",
                file + "groups.bad name: name may only contain letters, digits, '.', '_' and '-'",
                file + "groups.us: must be a mapping with settings",
                file + "devices.mx1.hots: unknown key (known: group, host, settings)",
                file + "devices.mx1.group: unknown group 'asia' (known: eu)",
                file + "devices.mx2.host: must be a non-empty text",
                file + "devices.mx2.settings: must be a mapping of setting keys to values",
                file + "sensors[0] (a): device: unknown device 'mx9' (known: mx1, mx2)",
                file + "sensors[1] (b): pop3Password: environment variable MX1_POP3_PASSWORD is not set "
                        + "(from device mx1)",
                // The device's host is misspelt, so nothing fills the target host.
                file + "sensors[1] (b): smtpHost: is required (a host name or IP address)",
                file + "sensors[1] (b): smtpPort: 70000 is not in 1..65535 (from device mx1)");
    }

    @Test
    void aDeviceWithoutAHostLeavesTheTargetHostRequired() {
        ConfigurationException e = failure("""
                devices:
                  mx1: {settings: {smtpPort: 587}}
                sensors:
                  - id: a
                    sensor: smtp-pop3-roundtrip
                    device: mx1
                    settings: {from: a@example.org, to: b@example.org, pop3Host: h}
                """);

        assertThat(e.lines()).containsExactly(dir.resolve("config.yml")
                + ": sensors[0] (a): smtpHost: is required (a host name or IP address)");
    }

    @Test
    void theLanguageIsMatchedToOneOfTheNine() throws Exception {
        String sensors = """
                sensors:
                  - {id: a, sensor: smtp-pop3-roundtrip,
                     settings: {from: a@example.org, to: b@example.org, smtpHost: h, pop3Host: h}}
                """;

        assertThat(load(sensors).language()).isEqualTo(Locale.ENGLISH);
        assertThat(load("language: zh-CN\n" + sensors).language()).isEqualTo(Locale.forLanguageTag("zh-CN"));
        assertThat(load("language: de-AT\n" + sensors).language()).isEqualTo(Locale.GERMAN);
    }

    @Test
    void syntaxErrorsNameTheFileAndPosition() {
        ConfigurationException e = failure("sensors:\n  - id: [unclosed\n");

        assertThat(e.lines()).singleElement().asString()
                .startsWith(dir.resolve("config.yml") + ": not valid YAML at line ");
    }

    @Test
    void aMissingSensorsListIsNamed() {
        assertThat(failure("http: {}\n").lines()).containsExactly(dir.resolve("config.yml")
                + ": sensors: is required (a list of sensor instances with id, sensor and settings)");
    }

    @Test
    void aKeyWrittenTwiceIsAnError() {
        assertThat(failure("sensors: []\nsensors: []\n").lines()).containsExactly(dir.resolve("config.yml")
                + ": not valid YAML at line 2, column 8: key 'sensors' is written twice");
    }

    @Test
    void warnsAboutInlineSecretsAndSettingsThatDoNotApply() throws Exception {
        RunnerConfig config = load("""
                sensors:
                  - id: mail1
                    sensor: smtp-pop3-roundtrip
                    settings:
                      from: probe@example.org
                      to: probe@example.org
                      smtpHost: mail.example.org
                      pop3Host: mail.example.org
                      pop3Auth: password
                      pop3User: probe
                      pop3Password: written-inline
                      smtpUser: nobody
                """);

        String where = dir.resolve("config.yml") + ": sensors[0] (mail1): ";
        assertThat(config.warnings()).containsExactly(
                where + "pop3Password: secret written inline; prefer ${env:NAME} or ${file:/path}",
                where + "smtpUser: ignored, it applies only when smtpAuth in {password, oauth2}");
    }

    @Test
    void icingaAndTagsProblemsNameTheKey() {
        ConfigurationException e = failure("""
                icinga: {url: 'http://icinga.example.org:5665', user: mailtrip, password: '${env:NO_SUCH_ICINGA_PW}'}
                sensors:
                  - id: mail1
                    sensor: smtp-pop3-roundtrip
                    tags: {instance: x, 9lives: y, site: [a]}
                    settings: {from: a@example.org, to: b@example.org, smtpHost: h, pop3Host: h}
                """);

        String file = dir.resolve("config.yml").toString();
        assertThat(e.lines()).containsExactly(
                file + ": icinga.url: 'http://icinga.example.org:5665' is not an https:// URL "
                        + "(https://icinga.example.org:5665)",
                file + ": icinga.password: environment variable NO_SUCH_ICINGA_PW is not set",
                file + ": icinga.caFile: is required",
                file + ": sensors[0] (mail1): tags.instance: reserved label name (sensor_instance, sensor, instance, job, channel, "
                        + "graph_type, primary_channel, mailtrip_probe_status)",
                file + ": sensors[0] (mail1): tags.9lives: not a label name ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __)",
                file + ": sensors[0] (mail1): tags.site: must be a text value");
    }
}
