package io.mailtrip.nagios;

import io.mailtrip.host.SensorProviders;
import io.mailtrip.spi.DefaultValue;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingType;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training run of {@code generate-cds}: one check, through the plugin's own code, against a
 * {@link TrainingPeer} on this machine's loopback, so the class-data archive (Java 17-24) or AOT cache
 * (Java 25+) holds the classes, linked call sites and profiles of a clear-text round trip, mail found and
 * deleted, and not only those of a refused connect (issue 16: an archive trained that way left ~90 classes
 * of the mail legs to be loaded, parsed and verified by every check). Each leg in a section the peer speaks
 * is pointed at it in clear text; every other leg keeps the script's options (this machine's loopback).
 * Not API.
 */
public final class TrainingRun {

    /** The value of every secret in the training run. */
    static final String SECRET = "training";
    /** The value given to a setting whose being set derives a default ({@code pop3User} for {@code pop3Auth}). */
    static final String GIVEN = "probe@localhost";

    private TrainingRun() {
    }

    /** @param args the plugin's options for this machine (hosts and addresses), from {@code generate-cds} */
    public static void main(String[] args) throws IOException {
        String sensorId = System.getProperty(NagiosPlugin.SENSOR_PROPERTY, "");
        SensorDescriptor descriptor = SensorProviders.load(TrainingRun.class.getClassLoader()).require(sensorId)
                .descriptor();
        try (TrainingPeer peer = TrainingPeer.start()) {
            PrintStream out = System.out;
            out.print(run(sensorId, descriptor, peer, args).text());
            out.flush();
        }
    }

    static NagiosPlugin.Printed run(String sensorId, SensorDescriptor descriptor, TrainingPeer peer, String[] args) {
        List<String> options = new ArrayList<>(List.of(args));
        options.addAll(peerOptions(descriptor, peer));
        Map<String, String> environment = new HashMap<>();
        for (SettingDescriptor setting : OptionTable.offered(descriptor)) {
            if (setting.type() == SettingType.SECRET) {
                environment.put(OptionNaming.environmentVariable(setting.key()), SECRET);
            }
        }
        // A guard that never fires: the run ends by its own -t, and the JVM must exit normally to write the archive.
        return new NagiosPlugin(sensorId, environment::get, new ExitGuard(System.out, null))
                .execute(options.toArray(new String[0]));
    }

    /**
     * For each leg the peer speaks (a settings section named like the protocol): its port, the setting whose
     * default depends on the leg's security choice, set to the peer's, with that choice {@code none}; and a
     * default derived from another setting being given (the POP3 login from {@code pop3User}) takes the
     * path of a configured check, that setting given.
     */
    static List<String> peerOptions(SensorDescriptor descriptor, TrainingPeer peer) {
        List<String> options = new ArrayList<>();
        for (SettingDescriptor setting : OptionTable.offered(descriptor)) {
            if (!TrainingPeer.PROTOCOLS.contains(setting.section())) {
                continue;
            }
            if (setting.type() == SettingType.INTEGER && setting.defaultValue() instanceof DefaultValue.DependsOn port) {
                options.add(OptionNaming.longOption(setting.key()));
                options.add(String.valueOf(peer.port(setting.section())));
                options.add(OptionNaming.longOption(port.fromKey()));
                options.add("none");
            } else if (setting.defaultValue() instanceof DefaultValue.WhenSet derived) {
                options.add(OptionNaming.longOption(derived.fromKey()));
                options.add(GIVEN);
            }
        }
        return options;
    }
}
