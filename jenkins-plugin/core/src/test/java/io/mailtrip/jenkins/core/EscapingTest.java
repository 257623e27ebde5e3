package io.mailtrip.jenkins.core;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingSection;
import io.mailtrip.spi.SettingType;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Metadata is text, never markup: hostile labels and help come out escaped in every generated file. */
class EscapingTest {

    private static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"";

    private static SensorDescriptor hostile(String label) {
        SettingDescriptor text = SettingDescriptor.builder("greeting", SettingType.STRING).section("main")
                .label(label).help("Help " + HOSTILE + " with ${env:HOME}").defaultValue("a<b").build();
        SettingDescriptor choice = SettingDescriptor.builder("mode", SettingType.ENUM).section("main")
                .label("Mode").option("one", HOSTILE).defaultValue("one").build();
        return new SensorDescriptor("hostile", "io.mailtrip.jenkins.core.testnames",
                EscapingTest.class.getClassLoader(), List.of(), Duration.ofSeconds(60),
                List.of(new SettingSection("main", "Section " + HOSTILE, List.of(text, choice))),
                List.of(new ChannelDescriptor("total", "Total", "ms", "all of it")));
    }

    @Test
    void labelsHelpAndOptionsAreEscapedAndStillReadTheSame() {
        Map<String, String> files = JenkinsFileSet.render(hostile(HOSTILE));
        String jellyText = files.get(JenkinsFileSet.FORM_FOLDER + "/config.jelly");
        String helpText = HelpPages.instanceForm(List.of(hostile(HOSTILE)), hostile(HOSTILE)).page("/greeting")
                .orElseThrow();
        assertThat(jellyText).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(helpText).doesNotContain("<script>").contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"
                + " &amp; &quot;quoted&quot;");

        Document jelly = GeneratedFilesTest.Xml.parse(jellyText);
        Element entry = GeneratedFilesTest.Xml.elements(jelly, "f:entry").stream()
                .filter(e -> e.getAttribute("field").equals("greeting")).findFirst().orElseThrow();
        assertThat(entry.getAttribute("title")).isEqualTo(HOSTILE);
        assertThat(GeneratedFilesTest.Xml.elements(jelly, "f:section").get(0).getAttribute("title"))
                .isEqualTo("Section " + HOSTILE);
        assertThat(GeneratedFilesTest.Xml.elements(jelly, "f:option").stream()
                .filter(o -> o.getAttribute("value").equals("one")).findFirst().orElseThrow().getTextContent())
                .isEqualTo(HOSTILE);
        assertThat(GeneratedFilesTest.Xml.parse(helpText).getDocumentElement().getTextContent())
                .contains("Help " + HOSTILE + " with ${env:HOME}");
    }

    @Test
    void theSensorTypeChooserEscapesItsBlocksTheSameWay() {
        SensorDescriptor sensor = hostile("Costs ${env:SECRET} " + HOSTILE);
        Map<String, String> files = JenkinsFileSet.renderPlugin(List.of(sensor), sensor);
        String jellyText = files.get(JenkinsFileSet.FORM_FOLDER + "/config.jelly");
        assertThat(jellyText).doesNotContain("<script>").contains("&lt;script&gt;")
                .contains("title=\"Costs ${'$'}{env:SECRET} ").doesNotContain("Costs ${env");
        Document jelly = GeneratedFilesTest.Xml.parse(jellyText);
        assertThat(GeneratedFilesTest.Xml.elements(jelly, "f:dropdownListBlock").get(0).getAttribute("title"))
                .isEqualTo("Hostile test sensor");
        assertThat(HelpPages.instanceForm(List.of(sensor), sensor).page("/hostile/greeting").orElseThrow())
                .doesNotContain("<script>").contains("Help &lt;script&gt;");
    }

    @Test
    void theGlobalDefaultsFormEscapesTheSameWay() {
        Map<String, String> files = JenkinsFileSet.render(hostile(HOSTILE));
        String jellyText = files.get(JenkinsFileSet.DEFAULTS_FOLDER + "/config.jelly");
        String helpText = HelpPages.defaultsForm(hostile(HOSTILE)).page("/greeting").orElseThrow();
        assertThat(jellyText).doesNotContain("<script>").contains("&lt;script&gt;")
                .contains("placeholder=\"a&lt;b\"");
        assertThat(helpText).doesNotContain("<script>").contains("Help &lt;script&gt;");
        assertThat(GeneratedFilesTest.Xml.parse(jellyText).getDocumentElement().getTagName()).isEqualTo("j:jelly");
        assertThat(GeneratedFilesTest.Xml.parse(helpText).getDocumentElement().getTextContent())
                .contains("with ${env:HOME}");
    }

    @Test
    void aDollarInJellyTextIsAnExpressionForADollarNotAnExpression() {
        String jellyText = JenkinsFileSet.render(hostile("Costs ${env:SECRET}"))
                .get(JenkinsFileSet.FORM_FOLDER + "/config.jelly");
        assertThat(jellyText).contains("title=\"Costs ${'$'}{env:SECRET}\"").doesNotContain("Costs ${env");
    }

    @Test
    void keysThatCannotBeJenkinsFieldsAreRefusedWithTheRule() {
        SettingDescriptor bad = SettingDescriptor.builder("smtp.host", SettingType.STRING).section("main").build();
        SensorDescriptor descriptor = new SensorDescriptor("dotted", "io.mailtrip.jenkins.core.testnames",
                EscapingTest.class.getClassLoader(), List.of(), Duration.ofSeconds(60),
                List.of(new SettingSection("main", "Main", List.of(bad))), List.of());
        assertThatThrownBy(() -> JenkinsFileSet.render(descriptor))
                .hasMessage("'smtp.host' cannot be a Jenkins form field name (letters, digits and '_', not starting"
                        + " with a digit)");
    }
}
