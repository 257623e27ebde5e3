package io.mailtrip.jenkins;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.jenkins.core.FormModel;
import io.mailtrip.jenkins.core.StatusRow;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs only where the Jenkins repository is reachable (profile jenkins-plugin, JDK 21+). */
@WithJenkins
class MailtripPluginTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    /** The GreenMail settings as stored by the form, the POP3 login held by a credential. */
    private static SensorInstanceConfig instance(String id) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "probe-mailbox", "probe mailbox", "probe", MailServers.PROBE_PASSWORD));
        SensorInstanceConfig config = new SensorInstanceConfig(id, PluginSensors.provider("smtp-pop3-roundtrip").id());
        List<SettingValue> values = new ArrayList<>();
        for (Map.Entry<String, String> e : MailServers.plainSettings(GREEN_MAIL).entrySet()) {
            if (!e.getKey().equals("pop3User") && !e.getKey().equals("pop3Password")) {
                values.add(new SettingValue(e.getKey(), e.getValue()));
            }
        }
        values.add(new SettingValue("pop3CredentialsId", "probe-mailbox"));
        config.setValues(values);
        return config;
    }

    @Test
    void configurationSurvivesTheFormRoundTripAndARestartOfTheConfiguration(JenkinsRule j) throws Exception {
        MailtripGlobalConfiguration.get().setSensors(List.of(instance("mail1")));
        j.submit(j.createWebClient().goTo("configure").getFormByName("config"));
        MailtripGlobalConfiguration reloaded = new MailtripGlobalConfiguration();
        SensorInstanceConfig saved = reloaded.getSensors().get(0);
        assertThat(saved.getInstanceId()).isEqualTo("mail1");
        assertThat(saved.get("pop3CredentialsId")).isEqualTo("probe-mailbox");
        assertThat(saved.get("smtpPort")).isEqualTo(String.valueOf(GREEN_MAIL.getSmtp().getPort()));
        assertThat(saved.get(FormModel.SENSOR_ID)).isEqualTo("smtp-pop3-roundtrip");
        String stored = Files.readString(j.jenkins.getRootDir().toPath()
                .resolve(MailtripGlobalConfiguration.class.getName() + ".xml"), StandardCharsets.UTF_8);
        assertThat(stored).doesNotContain(MailServers.PROBE_PASSWORD);
    }

    @Test
    void thePeriodicWorkRunsTheDueSensorAgainstGreenMail(JenkinsRule j) throws Exception {
        MailtripGlobalConfiguration.get().setSensors(List.of(instance("mail1")));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        MailtripRuns.get().runDue(new PrintStream(log, true, StandardCharsets.UTF_8)).values()
                .forEach(CompletableFuture::join);
        StatusRow row = MailtripRuns.get().view(Locale.ROOT).rows().get(0);
        assertThat(row.status()).as(row.lastMessage()).hasValue(Status.UP);
        assertThat(log.toString(StandardCharsets.UTF_8)).startsWith("mail1: UP ")
                .doesNotContain(MailServers.PROBE_PASSWORD);
        assertThat(j.jenkins.getAdministrativeMonitor("io.mailtrip.jenkins.MailtripDownMonitor").isActivated())
                .isFalse();
    }

    @Test
    void theStatusPageRendersAndADownSensorRaisesTheMonitor(JenkinsRule j) throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        SensorInstanceConfig lost = instance("lost");
        List<SettingValue> values = new ArrayList<>(lost.getValues());
        values.add(new SettingValue("to", "nobody@localhost"));
        values.add(new SettingValue("maxTripTime", "1"));
        lost.setValues(values);
        MailtripGlobalConfiguration.get().setSensors(List.of(lost));
        SensorResult result = MailtripRuns.get().run("lost", new PrintStream(new ByteArrayOutputStream()))
                .orElseThrow().join();
        assertThat(result.status()).isEqualTo(Status.DOWN);
        HtmlPage page = j.createWebClient().goTo("manage/mailtrip");
        assertThat(page.asNormalizedText()).contains("lost").contains("DOWN").contains("100 %")
                .contains("Total: not measured").doesNotContain(MailServers.PROBE_PASSWORD);
        assertThat(j.jenkins.getAdministrativeMonitor("io.mailtrip.jenkins.MailtripDownMonitor").isActivated())
                .isTrue();
    }

    @Test
    void anInstanceInheritsTheGlobalDefaultsAndTheFormKeepsBoth(JenkinsRule j) throws Exception {
        SensorInstanceConfig config = instance("mail1");
        List<SettingValue> inherited = new ArrayList<>();
        List<SettingValue> own = new ArrayList<>();
        for (SettingValue value : config.getValues()) {
            (value.getKey().startsWith("pop3") ? inherited : own).add(value);
        }
        SensorDefaults defaults = new SensorDefaults();
        defaults.setValues(inherited);
        config.setValues(own);
        MailtripGlobalConfiguration.get().setDefaults(defaults);
        MailtripGlobalConfiguration.get().setSensors(List.of(config));
        j.submit(j.createWebClient().goTo("configure").getFormByName("config"));

        MailtripGlobalConfiguration reloaded = new MailtripGlobalConfiguration();
        assertThat(reloaded.getDefaults().get("pop3CredentialsId")).isEqualTo("probe-mailbox");
        assertThat(reloaded.getSensors().get(0).get("pop3CredentialsId")).isEqualTo("");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        MailtripRuns.get().runDue(new PrintStream(log, true, StandardCharsets.UTF_8)).values()
                .forEach(CompletableFuture::join);
        StatusRow row = MailtripRuns.get().view(Locale.GERMAN).rows().get(0);
        assertThat(row.status()).as(row.lastMessage()).hasValue(Status.UP);
        assertThat(row.sensorName()).isEqualTo("SMTP&POP3-Übermittlung");
    }

    /** Field help is served from the metadata: per sensor in the chooser, inferred for the instance id, 404 else. */
    @Test
    void fieldHelpIsServedFromTheMetadata(JenkinsRule j) throws Exception {
        JenkinsRule.WebClient web = j.createWebClient();
        String base = "descriptor/" + SensorInstanceConfig.class.getName() + "/help/";
        assertThat(web.goTo(base + "smtp-imap-roundtrip/imapHost", "text/html").getWebResponse()
                .getContentAsString()).contains("IMAP");
        assertThat(web.goTo(base + FormModel.INSTANCE_ID, "text/html").getWebResponse().getContentAsString())
                .contains("unique");
        assertThat(web.goTo("descriptor/" + SensorDefaults.class.getName() + "/help/smtpHost", "text/html")
                .getWebResponse().getContentAsString()).contains("Global default");
        web.assertFails(base + "no-such-sensor/smtpHost", 404);
        assertThat(j.jenkins.getDescriptorByType(SensorDefaults.DescriptorImpl.class).getHelpFile("smtpHost"))
                .isEqualTo("/descriptor/" + SensorDefaults.class.getName() + "/help/smtpHost");
    }
}
