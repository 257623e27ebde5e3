package io.mailtrip.nagios;

import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher and the {@code generate-cds} script of one sensor's plugin folder, rendered from templates
 * with the names of {@link PluginNames}: the launcher passes the sensor's id to the one plugin main
 * ({@value NagiosPlugin#SENSOR_PROPERTY}), so a second sensor needs a second launcher, not new Java.
 */
final class LauncherScripts {

    private LauncherScripts() {
    }

    static String launcher(OptionTable table) {
        return fill("launcher.sh.template", table);
    }

    static String generateCds(OptionTable table) {
        return fill("generate-cds.template", table);
    }

    private static String fill(String template, OptionTable table) {
        PluginNames names = table.names();
        return read(template).replace("@PLUGIN@", names.plugin()).replace("@SENSOR@", names.sensorId())
                .replace("@SERVICE@", names.service()).replace("@PROPERTY@", NagiosPlugin.SENSOR_PROPERTY)
                .replace("@TRAINING@", trainingOptions(table));
    }

    /**
     * Options for the archive's training run: every required host and address filled with this machine's
     * loopback and a local address, so the run walks the path of a real check without leaving the machine.
     */
    private static String trainingOptions(OptionTable table) {
        List<String> options = new ArrayList<>();
        for (SettingDescriptor setting : OptionTable.offered(table.descriptor())) {
            if (!setting.required() || !setting.visibility().isAlways()) {
                continue;
            }
            if (setting.type() == SettingType.HOST) {
                options.add(OptionNaming.longOption(setting.key()) + " 127.0.0.1");
            } else if (setting.type() == SettingType.EMAIL) {
                options.add(OptionNaming.longOption(setting.key()) + " probe@localhost");
            }
        }
        return String.join(" ", options);
    }

    private static String read(String template) {
        try (InputStream in = LauncherScripts.class.getResourceAsStream(template)) {
            if (in == null) {
                throw new IllegalStateException("missing template " + template);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
