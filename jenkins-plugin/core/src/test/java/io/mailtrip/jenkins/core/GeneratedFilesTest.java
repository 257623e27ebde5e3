package io.mailtrip.jenkins.core;

import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingType;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checked-in Jelly in the hpi module equals what the metadata renders today and passes the static checks
 * Jenkins' own Jelly test would apply; the field help it links to is rendered from the metadata by
 * {@link HelpPages}, and no help file is checked in.
 */
class GeneratedFilesTest {

    /** Maven runs tests in the module folder: jenkins-plugin/core. */
    private static final Path RESOURCES = Path.of("..", "hpi", "src", "main", "resources");
    private static final SensorDescriptor DESCRIPTOR = BundledSensor.DESCRIPTOR;
    /** Every bundled sensor, as the plugin finds them. */
    private static final List<SensorDescriptor> ALL = io.mailtrip.host.SensorProviders
            .load(GeneratedFilesTest.class.getClassLoader()).providers().stream()
            .map(io.mailtrip.spi.SensorProvider::descriptor).toList();

    @Test
    void checkedInFilesMatchTheMetadata() throws IOException {
        if (Boolean.getBoolean("mailtrip.updateJenkinsFiles")) {
            JenkinsFilesGenerator.write(ALL, DESCRIPTOR, RESOURCES);
        }
        Map<String, String> expected = JenkinsFileSet.renderPlugin(ALL, DESCRIPTOR);
        Set<String> onDisk = new TreeSet<>();
        for (String generated : JenkinsFileSet.folders()) {
            try (Stream<Path> files = Files.list(RESOURCES.resolve(generated))) {
                files.filter(p -> p.getFileName().toString().matches("config\\.jelly|help.*\\.html"))
                        .forEach(p -> onDisk.add(generated + "/" + p.getFileName()));
            }
        }
        String hint = "generated Jenkins files drifted from the metadata; regenerate with"
                + " mvn -o -q verify -pl jenkins-plugin/core -Dmailtrip.updateJenkinsFiles=true";
        assertThat(onDisk).as(hint).isEqualTo(expected.keySet());
        for (Map.Entry<String, String> file : expected.entrySet()) {
            assertThat(Files.readString(RESOURCES.resolve(file.getKey()), StandardCharsets.UTF_8))
                    .as(hint + " (" + file.getKey() + ")").isEqualTo(file.getValue());
        }
        assertThat(Files.readString(RESOURCES.resolve(JenkinsFileSet.SENSOR_ID_RESOURCE), StandardCharsets.UTF_8))
                .as(hint).isEqualTo(DESCRIPTOR.id() + "\n");
        // Help is served from the metadata at run time: no help file anywhere in the plugin's resources.
        try (Stream<Path> all = Files.walk(RESOURCES)) {
            assertThat(all.filter(p -> p.getFileName().toString().matches("help.*\\.html")).toList()).isEmpty();
        }
    }

    /** Every bundled sensor is a block of the chooser with exactly its own fields. */
    @Test
    void everyBundledSensorIsABlockOfTheInstanceForm() {
        assertThat(ALL).extracting(SensorDescriptor::id).contains("smtp-pop3-roundtrip", "smtp-imap-roundtrip");
        String chooser = JenkinsFileSet.renderPlugin(ALL, DESCRIPTOR).get(JenkinsFileSet.FORM_FOLDER + "/config.jelly");
        int imapBlock = chooser.indexOf("<f:dropdownListBlock value=\"smtp-imap-roundtrip\"");
        assertThat(imapBlock).isNotNegative();
        // The block's body (its opening tag names the first type for a new instance).
        String imapForm = chooser.substring(chooser.indexOf('>', imapBlock) + 1,
                chooser.indexOf("</f:dropdownListBlock>", imapBlock));
        assertThat(imapForm).contains("value=\"smtp-imap-roundtrip\"").contains("field=\"imapHost\"")
                .contains("field=\"imapCredentialsId\"").doesNotContain("field=\"imapPassword\"")
                .doesNotContain("pop3");
    }

    /**
     * The instance form is the sensor type chooser: the instance id once, above a drop-down with one block
     * per bundled sensor, each block exactly that sensor's fields with its id in the hidden sensorId input,
     * its own help files and live checks that post the sensor id.
     */
    @Test
    void theInstanceFormLetsTheUserChooseAnyBundledSensorType() {
        Map<String, String> files = JenkinsFileSet.renderPlugin(ALL, DESCRIPTOR);
        Document jelly = Xml.parse(files.get(JenkinsFileSet.FORM_FOLDER + "/config.jelly"));
        assertThat(jelly.getDocumentElement().getChildNodes().getLength()).isPositive();
        assertThat(Xml.attributeValues(jelly, "f:entry", "field")).filteredOn(FormModel.INSTANCE_ID::equals)
                .hasSize(1);
        List<Element> dropdowns = Xml.elements(jelly, "f:dropdownList");
        assertThat(dropdowns).hasSize(1);
        assertThat(dropdowns.get(0).getAttribute("name")).isEqualTo(SensorChooserRenderer.CHOICE);
        List<Element> blocks = Xml.elements(dropdowns.get(0), "f:dropdownListBlock");
        assertThat(blocks).extracting(b -> b.getAttribute("value"))
                .containsExactlyInAnyOrderElementsOf(ALL.stream().map(SensorDescriptor::id).toList())
                .startsWith(DESCRIPTOR.id());
        assertThat(Xml.elements(blocks.get(0), "f:entry")).extracting(e -> e.getAttribute("field"))
                .doesNotContain(FormModel.INSTANCE_ID);
        HelpPages help = HelpPages.instanceForm(ALL, DESCRIPTOR);
        for (Element block : blocks) {
            String id = block.getAttribute("value");
            FormModel model = FormModel.of(ALL.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow());
            assertThat(block.getAttribute("selected")).as(id)
                    .isEqualTo("${instance == null ? '" + DESCRIPTOR.id() + "' == '" + id
                            + "' : instance.sensorId == '" + id + "'}");
            List<Element> hidden = Xml.elements(block, "input");
            assertThat(hidden).as(id).hasSize(1);
            assertThat(hidden.get(0).getAttribute("name")).isEqualTo(FormModel.SENSOR_ID);
            assertThat(hidden.get(0).getAttribute("value")).isEqualTo(id);
            List<String> named = new ArrayList<>();
            for (Element entry : Xml.elements(block, "f:entry")) {
                if (!entry.hasAttribute("field")) {
                    continue;
                }
                String field = entry.getAttribute("field");
                named.add(field);
                // The hpi's Descriptor.doHelp serves /descriptor/<class>/help/<sensor id>/<field> from HelpPages.
                String prefix = "/descriptor/" + JenkinsFileSet.FORM_CLASS + "/help/";
                assertThat(entry.getAttribute("help")).as(id + " " + field).isEqualTo(prefix + id + "/" + field);
                assertThat(help.page(entry.getAttribute("help").substring(prefix.length() - 1))).as(id + " " + field)
                        .hasValue(new HelpFileRenderer().render(model, model.field(field).orElseThrow()));
                for (String tag : List.of("f:textbox", "f:number", "f:password")) {
                    Xml.elements(entry, tag).forEach(control -> assertThat(control.getAttribute("checkDependsOn")
                            .split(" ")).as(id + " " + field).contains(FormModel.SENSOR_ID));
                }
            }
            named.addAll(Xml.elements(block, "select").stream().map(e -> e.getAttribute("name")).toList());
            assertThat(new TreeSet<>(named)).as(id).isEqualTo(new TreeSet<>(model.fields().stream()
                    .map(FormField::name).filter(f -> !f.equals(FormModel.INSTANCE_ID) && !f.equals(FormModel.SENSOR_ID))
                    .toList()));
        }
        assertThat(help.page("/smtp-imap-roundtrip/imapHost")).hasValueSatisfying(h -> assertThat(h).contains("IMAP"));
        // Same-named fields of two sensors keep their own help: other default tags.
        assertThat(help.page("/smtp-pop3-roundtrip/tags")).isNotEqualTo(help.page("/smtp-imap-roundtrip/tags"));
        // The instance id is outside the blocks: Jenkins infers its help URL from the field name.
        assertThat(help.url(FormModel.INSTANCE_ID)).hasValue("/descriptor/" + JenkinsFileSet.FORM_CLASS
                + "/help/" + FormModel.INSTANCE_ID);
        assertThat(help.page("/" + FormModel.INSTANCE_ID)).hasValueSatisfying(h -> assertThat(h).contains("unique"));
    }

    /**
     * In the chooser two blocks hold inputs of the same name; a live check's {@code checkDependsOn} takes the
     * nearest previous one (Jenkins' {@code findNearBy}), which is the field's own block only if every field
     * it depends on, and the hidden sensor id, come before it.
     */
    @Test
    void everyFieldALiveCheckPostsComesBeforeItInItsBlock() {
        for (SensorDescriptor sensor : ALL) {
            FormModel model = FormModel.of(sensor);
            List<String> order = model.fields().stream().map(FormField::name).toList();
            for (FormField field : model.fields()) {
                List<String> posted = new ArrayList<>(field.setting().map(s -> model.dependsOn(s.key()))
                        .orElse(List.of()).stream().map(model::fieldOf).toList());
                posted.add(FormModel.SENSOR_ID);
                for (String before : posted) {
                    if (field.kind() != FieldKind.INSTANCE_ID && field.kind() != FieldKind.SENSOR_ID) {
                        assertThat(order.indexOf(before)).as(sensor.id() + ": " + before + " before " + field.name())
                                .isNotNegative().isLessThan(order.indexOf(field.name()));
                    }
                }
            }
        }
    }

    @Test
    void aSensorIdThatCannotBeOfferedIsRefused() {
        SensorDescriptor odd = new SensorDescriptor("Odd'id", "io.mailtrip.jenkins.core.testnames",
                getClass().getClassLoader(), List.of(), java.time.Duration.ofSeconds(60), List.of(),
                List.of(new io.mailtrip.spi.ChannelDescriptor("total", "Total", "ms", "all of it")));
        assertThatThrownBy(() -> new SensorChooserRenderer().render(List.of(FormModel.of(odd))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sensor id 'Odd'id' cannot be offered in the Jenkins form (lower-case letters, digits"
                        + " and '-' only)");
    }

    @Test
    void everyGeneratedFileIsWellFormedXml() {
        JenkinsFileSet.renderPlugin(ALL, DESCRIPTOR).forEach((path, content) ->
                assertThat(Xml.parse(content).getDocumentElement().getTagName()).as(path)
                        .isIn("j:jelly", "div"));
    }

    @Test
    void everySingleSensorFileIsWellFormedXml() {
        JenkinsFileSet.render(DESCRIPTOR).forEach((path, content) ->
                assertThat(Xml.parse(content).getDocumentElement().getTagName()).as(path)
                        .isIn("j:jelly", "div"));
    }

    @Test
    void theJellyEscapesByDefault() {
        for (String folder : JenkinsFileSet.folders()) {
            String jelly = JenkinsFileSet.render(DESCRIPTOR).get(folder + "/config.jelly");
            assertThat(jelly.lines().skip(1).findFirst()).as(folder).hasValue("<?jelly escape-by-default='true'?>");
        }
    }

    @Test
    void theJellyNamesOnlyFieldsTheBindingKnowsAndEveryOneOfThem() {
        FormBinding binding = new FormBinding(FormModel.of(DESCRIPTOR));
        for (FormModel model : List.of(binding.model(), binding.defaultsModel())) {
            Document jelly = Xml.parse(new JellyFormRenderer().render(model));
            List<String> entries = Xml.attributeValues(jelly, "f:entry", "field");
            List<String> named = new ArrayList<>(entries);
            named.addAll(Xml.attributeValues(jelly, "select", "name"));
            named.addAll(Xml.attributeValues(jelly, "input", "name"));
            Set<String> known = new TreeSet<>(model.fields().stream().map(FormField::name).toList());
            assertThat(new TreeSet<>(named)).as(model.scope().name()).isEqualTo(known);
            assertThat(entries).doesNotHaveDuplicates();
        }
        assertThat(binding.defaultsModel().fields()).extracting(FormField::name)
                .doesNotContain(FormModel.INSTANCE_ID, FormModel.SENSOR_ID)
                .containsAll(binding.fieldNames().stream()
                        .filter(f -> !f.equals(FormModel.INSTANCE_ID) && !f.equals(FormModel.SENSOR_ID)).toList());
    }

    @Test
    void anEmptyFieldInheritsSoNothingIsPrefilledAndBooleansCanBeLeftUnset() {
        Document instance = Xml.parse(new JellyFormRenderer().render(FormModel.of(DESCRIPTOR)));
        Document defaults = Xml.parse(new JellyFormRenderer().render(FormModel.defaultsOf(DESCRIPTOR)));
        assertThat(Xml.elements(instance, "f:checkbox")).isEmpty();
        Element verify = Xml.elements(instance, "select").stream()
                .filter(e -> e.getAttribute("name").equals("verifyHostname")).findFirst().orElseThrow();
        List<Element> options = Xml.elements(verify, "f:option");
        assertThat(options).extracting(o -> o.getAttribute("value")).containsExactly("", "true", "false");
        assertThat(options.get(0).getTextContent()).isEqualTo("(inherit: global default, else true)");
        assertThat(options.get(0).getAttribute("selected"))
                .isEqualTo("${(instance == null ? '' : instance.get('verifyHostname')) == ''}");
        Element primary = Xml.elements(defaults, "select").stream()
                .filter(e -> e.getAttribute("name").equals("primaryChannel")).findFirst().orElseThrow();
        assertThat(Xml.elements(primary, "f:option").get(0).getTextContent()).isEqualTo("(default: total)");
        assertThat(placeholder(instance, "smtpPort"))
                .isEqualTo("global default, else 465 when smtpSecurity is enforceTls or tlsIfAvailable, else 25");
        assertThat(placeholder(instance, "smtpHost")).isEqualTo("global default");
        assertThat(placeholder(defaults, "smtpPort"))
                .isEqualTo("465 when smtpSecurity is enforceTls or tlsIfAvailable, else 25");
        assertThat(placeholder(defaults, "smtpHost")).isEmpty();
    }

    private static String placeholder(Document jelly, String field) {
        Element entry = Xml.elements(jelly, "f:entry").stream().filter(e -> e.getAttribute("field").equals(field))
                .findFirst().orElseThrow();
        return ((Element) entry.getElementsByTagName("*").item(0)).getAttribute("placeholder");
    }

    @Test
    void everySettingIsOnTheFormAndSecretsAreNeverTextboxes() {
        FormModel model = FormModel.of(DESCRIPTOR);
        Document jelly = Xml.parse(new JellyFormRenderer().render(model));
        for (SettingDescriptor setting : DESCRIPTOR.settings()) {
            String field = model.fieldOf(setting.key());
            Element entry = Xml.elements(jelly, "f:entry").stream()
                    .filter(e -> e.getAttribute("field").equals(field)).findFirst().orElseThrow();
            if (setting.type() == SettingType.SECRET) {
                assertThat(entry.getElementsByTagName("f:textbox").getLength()).as(setting.key()).isZero();
                assertThat(entry.getElementsByTagName("f:password").getLength()
                        + credentialsSelects(entry, field)).as(setting.key()).isEqualTo(1);
            }
        }
        assertThat(model.credentialPairs()).extracting(CredentialPair::field)
                .containsExactly("smtpCredentialsId", "pop3CredentialsId", "oauth2ClientCredentialsId");
    }

    /** A generated credentials field fills itself from the one generic endpoint, never a named doFill method. */
    private static int credentialsSelects(Element entry, String field) {
        int count = 0;
        for (int i = 0; i < entry.getElementsByTagName("select").getLength(); i++) {
            Element select = (Element) entry.getElementsByTagName("select").item(i);
            if (select.getAttribute("fillUrl").equals("${rootURL}/${descriptor.descriptorUrl}/field/" + field
                    + "/fillItems") && select.getAttribute("name").equals(field)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void visibilityRulesAreShownOnTheEntryAndCheckedWithTheirControllingField() {
        Document jelly = Xml.parse(new JellyFormRenderer().render(FormModel.of(DESCRIPTOR)));
        Element stackUnit = Xml.elements(jelly, "f:entry").stream()
                .filter(e -> e.getAttribute("field").equals("resultDirectory")).findFirst().orElseThrow();
        assertThat(stackUnit.getAttribute("description")).isEqualTo("Applies only when resultHandling = store.");
        Element textbox = (Element) stackUnit.getElementsByTagName("f:textbox").item(0);
        assertThat(textbox.getAttribute("checkDependsOn")).isEqualTo("resultHandling");
        assertThat(textbox.getAttribute("checkUrl"))
                .isEqualTo("${rootURL}/${descriptor.descriptorUrl}/field/resultDirectory/check");
    }

    @Test
    void helpPagesCarryDefaultRangeRulesAndVisibility() {
        Map<String, String> files = helpPages(HelpPages.instanceForm(List.of(DESCRIPTOR), DESCRIPTOR));
        String folder = "";
        assertThat(Xml.parse(files.get(folder + "help-smtpPort.html")).getDocumentElement().getTextContent())
                .contains("Default: 465 when smtpSecurity is enforceTls or tlsIfAvailable, else 25.")
                .contains("Accepted: 1..65535.");
        assertThat(files.get(folder + "help-heloIdent.html"))
                .contains("<p>Default: the local host name. Leave the field empty to use the global default, or"
                        + " this default when there is none.</p>")
                .contains("<p>Rules: ASCII only.</p>");
        assertThat(files.get(folder + "help-from.html"))
                .contains("<p>Leave the field empty to use the global default.</p>")
                .contains("<p>Required, here or in the global defaults.</p>");
        assertThat(files.get(folder + "help-pop3CredentialsId.html"))
                .contains("<p>Required when pop3Auth in {password, apop, oauth2}, here or in the global defaults.</p>")
                .contains("Its password is used as pop3Password");
        // A secret of a credentials pair is no field: no page, as for any unknown path.
        HelpPages help = HelpPages.instanceForm(List.of(DESCRIPTOR), DESCRIPTOR);
        assertThat(help.page("/smtpPassword")).isEmpty();
        assertThat(help.url("smtpPassword")).isEmpty();
        assertThat(help.page("/" + FormModel.SENSOR_ID)).isEmpty();
        assertThat(help.page("/smtp-imap-roundtrip/smtpHost")).as("a sensor not offered").isEmpty();
        assertThat(help.page("/" + DESCRIPTOR.id() + "/smtpHost/more")).isEmpty();
        assertThat(help.page("")).isEmpty();
        assertThat(help.page("/")).isEmpty();
    }

    @Test
    void theGlobalDefaultsHelpSaysWhatADefaultIsAndRequiresNothing() {
        Map<String, String> files = helpPages(HelpPages.defaultsForm(DESCRIPTOR));
        String folder = "";
        assertThat(files).doesNotContainKey(folder + "help-instanceId.html").containsKey(folder + "help-smtpHost.html");
        assertThat(files.get(folder + "help-heloIdent.html"))
                .startsWith("<div>\n  <p>Global default: used by every sensor instance that leaves this field"
                        + " empty.</p>\n")
                .contains("<p>Default: the local host name. Leave the field empty to use it.</p>");
        assertThat(files.get(folder + "help-from.html"))
                .contains("<p>Every sensor instance needs a value: set it here or on each instance.</p>")
                .doesNotContain("Required");
        assertThat(files.get(folder + "help-pop3CredentialsId.html")).contains(
                "<p>Every sensor instance needs a value when pop3Auth in {password, apop, oauth2}: set it here or on each"
                        + " instance.</p>");
    }

    /** Every field name's page as the file Jenkins would once have read ({@code help-<field>.html}), by name. */
    static Map<String, String> helpPages(HelpPages help) {
        Map<String, String> pages = new java.util.TreeMap<>();
        for (SensorDescriptor sensor : ALL) {
            FormModel.of(sensor).fields().forEach(f -> help.page("/" + f.name())
                    .ifPresent(page -> pages.put("help-" + f.name() + ".html", page)));
        }
        return pages;
    }

    /** Small DOM helpers for the checks above. */
    static final class Xml {
        static Document parse(String content) {
            try {
                var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
                        content.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + content, e);
            }
        }

        static List<Element> elements(Document document, String tag) {
            return elements(document.getDocumentElement(), tag);
        }

        static List<Element> elements(Element parent, String tag) {
            NodeList nodes = parent.getElementsByTagName(tag);
            List<Element> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add((Element) nodes.item(i));
            }
            return out;
        }

        static List<String> attributeValues(Document document, String tag, String attribute) {
            return elements(document, tag).stream().filter(e -> e.hasAttribute(attribute))
                    .map(e -> e.getAttribute(attribute)).toList();
        }
    }
}
