package io.mailtrip.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The levels of the shared configuration file, and how a value's origin maps back to its place in the file. */
class SettingsHierarchyTest {

    private static JsonNode yaml(String text) throws Exception {
        return new YAMLMapper().readTree(text);
    }

    @Test
    void layersAreNearestFirstAndPathsNameWhereEachValueIsWritten() throws Exception {
        ConfigProblems problems = new ConfigProblems("f.yml");
        SettingsHierarchy hierarchy = SettingsHierarchy.read(yaml("""
                defaults: {port: 25}
                groups: {eu: {settings: {port: 26}}}
                devices: {mx1: {group: eu, host: mx1.example.org, settings: {port: 587}}}
                """), key -> true, "example", problems);
        problems.throwIfAny();
        SettingsLayer own = SettingsLayer.of(SettingsHierarchy.SENSOR_LEVEL, "a", Map.of());

        List<SettingsLayer> layers = hierarchy.layers(own, Optional.of("mx1"));

        assertThat(layers).extracting(l -> l.origin().describe())
                .containsExactly("sensor a", "device mx1", "group eu", "root defaults");
        assertThat(layers.get(1).host()).hasValue("mx1.example.org");
        assertThat(hierarchy.path(new SettingOrigin("device", "mx1"), "port")).hasValue("devices.mx1.settings.port");
        assertThat(hierarchy.path(new SettingOrigin("device", "mx1"), "host")).hasValue("devices.mx1.host");
        assertThat(hierarchy.path(new SettingOrigin("group", "eu"), "port")).hasValue("groups.eu.settings.port");
        assertThat(hierarchy.path(new SettingOrigin("root", "defaults"), "port")).hasValue("defaults.port");
        assertThat(hierarchy.path(SettingOrigin.metadataDefault(), "port")).isEmpty();
    }

    @Test
    void everyProblemOfTheLevelsIsReportedAtOnce() throws Exception {
        ConfigProblems problems = new ConfigProblems("f.yml");
        SettingsHierarchy.read(yaml("""
                defaults: [port]
                groups: {eu: {settings: {port: 1}, color: red}}
                devices: {mx1: {group: us, hots: x, settings: {prot: 1}}}
                """), key -> key.equals("port"), "example", problems);

        assertThatThrownBy(problems::throwIfAny).hasMessage(String.join("; ",
                "f.yml: defaults: must be a mapping of setting keys to values",
                "f.yml: groups.eu.color: unknown key (known: settings)",
                "f.yml: devices.mx1.hots: unknown key (known: group, host, settings)",
                "f.yml: devices.mx1.group: unknown group 'us' (known: eu)",
                "f.yml: devices.mx1.settings.prot: not a setting of any known sensor (known sensors: example)"));
    }
}
