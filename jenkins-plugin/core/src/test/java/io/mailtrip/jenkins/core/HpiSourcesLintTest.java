package io.mailtrip.jenkins.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A text lint of the hpi sources, which cannot be compiled here (no Jenkins repository). It is not a
 * compile check: it only catches drift between the generated form and the hand-written Jenkins glue,
 * and API uses that current Jenkins bans.
 */
class HpiSourcesLintTest {

    private static final Path SOURCES = Path.of("..", "hpi", "src", "main", "java");

    private static String source(String className) throws IOException {
        return Files.readString(SOURCES.resolve(className.replace('.', '/') + ".java"));
    }

    @Test
    void bothFormClassesExistAndFillEveryGeneratedCredentialsFieldGenerically() throws IOException {
        for (String formClass : List.of(JenkinsFileSet.FORM_CLASS, JenkinsFileSet.DEFAULTS_CLASS)) {
            String form = source(formClass);
            // One endpoint for the credentials fields of any sensor, none named after a field.
            assertThat(form).as(formClass).doesNotContainPattern("doFill\\w*Items");
            for (CredentialPair pair : FormModel.of(BundledSensor.DESCRIPTOR).credentialPairs()) {
                assertThat(form).as(formClass).doesNotContain(pair.field());
            }
            assertThat(form).as(formClass).containsPattern("extends GeneratedForm<\\w+>")
                    .containsPattern("DescriptorImpl extends GeneratedFormDescriptor<\\w+>");
        }
        // One field endpoint and the help from the metadata, for both forms, in their descriptors' base.
        assertThat(source("io.mailtrip.jenkins.GeneratedFormDescriptor"))
                .contains("public FieldEndpoint getField(String name)")
                .contains("extends Descriptor<T>")
                .containsPattern("@Override\\s+public String getHelpFile\\(Klass<\\?> clazz, String fieldName\\)")
                .containsPattern("@Override\\s+public void doHelp\\(StaplerRequest2 req, StaplerResponse2 rsp\\)")
                .contains("help().page(req.getRestOfPath())").contains("HttpServletResponse.SC_NOT_FOUND");
        assertThat(source("io.mailtrip.jenkins.FieldEndpoint"))
                .containsPattern("@POST\\s+public ListBoxModel doFillItems\\(@QueryParameter String value\\)")
                .containsPattern("@POST\\s+public FormValidation doCheck\\(");
        assertThat(source("io.mailtrip.jenkins.GeneratedForm")).contains("public Object get(String field)")
                .contains("implements Describable<T>");
        assertThat(source("io.mailtrip.jenkins.MailtripGlobalConfiguration"))
                .contains("public SensorDefaults getDefaults()")
                .contains("SensorDefaults.fromForm(json.optJSONObject(\"defaults\"))");
        assertThat(Files.readString(SOURCES.resolveSibling("resources").resolve(
                "io/mailtrip/jenkins/MailtripGlobalConfiguration/config.jelly"))).contains("<f:property field=\"defaults\"/>");
    }

    /**
     * The chooser offers every sensor on core's classpath (GeneratedFilesTest), so the plugin must bundle
     * each sensor module the build has: otherwise a type on the form would not be found when it runs.
     */
    @Test
    void thePluginBundlesEverySensorModuleTheChooserOffers() throws IOException {
        String rootPom = Files.readString(Path.of("..", "..", "pom.xml"));
        String hpiPom = Files.readString(Path.of("..", "hpi", "pom.xml"));
        java.util.regex.Matcher modules = java.util.regex.Pattern.compile("<module>([a-z0-9-]+-sensor)</module>")
                .matcher(rootPom);
        List<String> sensorModules = new java.util.ArrayList<>();
        while (modules.find()) {
            sensorModules.add(modules.group(1));
        }
        assertThat(sensorModules).contains("smtp-pop3-sensor", "smtp-imap-sensor");
        String bundled = hpiPom.substring(hpiPom.indexOf("<hpi.bundledArtifacts>"),
                hpiPom.indexOf("</hpi.bundledArtifacts>"));
        for (String module : sensorModules) {
            assertThat(bundled.split("[>,]")).as(module).contains(module);
            assertThat(hpiPom).as(module).containsPattern("<artifactId>" + module + "</artifactId>\\s*"
                    + "<version>[^<]+</version>\\s*</dependency>");
        }
    }

    @Test
    void noSettingKeyIsTypedInTheGlue() throws IOException {
        List<io.mailtrip.spi.SensorDescriptor> sensors = io.mailtrip.host.SensorProviders
                .load(getClass().getClassLoader()).providers().stream().map(p -> p.descriptor()).toList();
        List<String> keys = sensors.stream().flatMap(d -> d.settings().stream()).map(s -> s.key()).distinct()
                .toList();
        for (Path file : javaFiles()) {
            String text = Files.readString(file);
            for (String key : keys) {
                assertThat(text).as(file.getFileName() + " types the setting key " + key)
                        .doesNotContain("\"" + key + "\"");
            }
            for (io.mailtrip.spi.SensorDescriptor sensor : sensors) {
                assertThat(text).as(file.getFileName() + " names the sensor " + sensor.id())
                        .doesNotContain(sensor.id());
            }
            assertThat(text).as(file.toString()).doesNotContain("ConventionalSettings");
        }
        // The sensor type chosen per instance is read by core, from the generated drop-down's JSON object.
        assertThat(source("io.mailtrip.jenkins.SensorInstanceConfig")).contains("SensorChoice.read(json)")
                .contains("json.getJSONObject(SensorChooserRenderer.CHOICE)");
        assertThat(source("io.mailtrip.jenkins.MailtripRuns")).contains("new SensorRuns(")
                .doesNotContain("RoleSettings").doesNotContain("DueSchedule");
    }

    @Test
    void webMethodsArePostOnlyAndPermissionChecked() throws IOException {
        for (Path file : javaFiles()) {
            String text = Files.readString(file);
            Matcher web = Pattern.compile("(?:@(\\w+)\\s+)?public \\w+ (do[A-Z]\\w*)\\(").matcher(text);
            while (web.find()) {
                // Help is a GET, as Jenkins' own Descriptor.doHelp: it shows setting metadata, never a value.
                boolean help = file.endsWith("GeneratedFormDescriptor.java") && web.group(2).equals("doHelp");
                assertThat(web.group(1)).as(file.getFileName() + " " + web.group(2))
                        .isEqualTo(help ? "Override" : "POST");
            }
        }
        assertThat(source("io.mailtrip.jenkins.MailtripStatusLink"))
                .contains("Jenkins.get().checkPermission(Jenkins.ADMINISTER);");
    }

    @Test
    void noBannedOrOutdatedJenkinsApi() throws IOException {
        for (Path file : javaFiles()) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContain("Jenkins.getInstance()").doesNotContain("hudson.model.Hudson")
                    .doesNotContain("org.acegisecurity").doesNotContainPattern("StaplerRequest[^2]")
                    .doesNotContain("ServiceLoader.load(").doesNotContain("SensorProviders.load()")
                    .doesNotContain("AbstractDescribableImpl").doesNotContain("io.mailtrip.sensor")
                    .doesNotContain("JenkinsFilesGenerator");
        }
        assertThat(source("io.mailtrip.jenkins.PluginSensors"))
                .contains("SensorProviders.load(MailtripGlobalConfiguration.class.getClassLoader())");
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
