package io.mailtrip.nagios;

import io.mailtrip.host.PerfUnit;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.SensorDescriptor;

import java.util.Locale;

/**
 * The names one sensor's check goes by, all derived from the sensor's metadata so that a second sensor
 * gets its launcher, commands and file names without new Java: sensor {@code smtp-pop3-roundtrip} is the
 * plugin {@code check_smtp_pop3_roundtrip}, the Icinga 2 CheckCommand {@code smtp_pop3_roundtrip}, the
 * config file {@code /etc/nagios/smtp-pop3-roundtrip.yml}; its service name ({@code SMTP-POP3}, the
 * {@code SMTP} of {@code check_smtp}'s {@code SMTP OK}) joins the keys of the time channels it measures itself.
 *
 * @param sensorId the provider id the launcher passes ({@value NagiosPlugin#SENSOR_PROPERTY})
 * @param plugin   the launcher's file name and the folder's name
 * @param command  the Icinga 2 CheckCommand, and the prefix of its variables
 * @param service  the first word of every output line
 */
record PluginNames(String sensorId, String plugin, String command, String service) {

    /** Before the sensor is known (an internal error while loading it): the service from the id. */
    static PluginNames of(String sensorId) {
        String command = sensorId.replace('-', '_').replace('.', '_');
        return new PluginNames(sensorId, "check_" + command, command, sensorId.toUpperCase(Locale.ROOT));
    }

    static PluginNames of(SensorDescriptor descriptor) {
        StringBuilder service = new StringBuilder();
        for (ChannelDescriptor channel : descriptor.channels()) {
            // The legs name it: times measured in their own right. Sums and the history-based downtime are
            // derived, and a count-down such as the certificate's days is about a leg, not one.
            if (!channel.sum() && !channel.key().equals(ChannelDescriptor.DOWNTIME)
                    && PerfUnit.forChannel(channel.unit()).symbol().equals("s")) {
                service.append(service.length() == 0 ? "" : "-").append(channel.key().toUpperCase(Locale.ROOT));
            }
        }
        PluginNames fromId = of(descriptor.id());
        return new PluginNames(fromId.sensorId(), fromId.plugin(), fromId.command(),
                service.length() == 0 ? fromId.service() : service.toString());
    }

    /**
     * Where the package installs the launcher and every shipped command expects it: the Monitoring Plugins
     * directory ({@code $USER1$}, Icinga's {@code PluginDir}), a link into the package's folder.
     */
    String pluginPath() {
        return PLUGIN_DIR + "/" + plugin;
    }

    /** The Monitoring Plugins directory of Debian, Ubuntu and the Icinga and Nagios packages. */
    static final String PLUGIN_DIR = "/usr/lib/nagios/plugins";

    /** Where the shipped commands expect the flat {@code --config} file. */
    String configPath() {
        return "/etc/nagios/" + sensorId + ".yml";
    }

    /** The commented {@code --config} template shipped in the folder. */
    String configTemplate() {
        return sensorId + ".yml.example";
    }
}
