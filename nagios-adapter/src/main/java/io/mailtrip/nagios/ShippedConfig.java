package io.mailtrip.nagios;

import io.mailtrip.sensor.smtppop3.RoundTripCatalogue;
import io.mailtrip.host.SensorProviders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the configuration shipped in the plugin folder (checked in under {@code src/main/dist}):
 * the NRPE snippet, the Nagios/Naemon commands, the Icinga 2 CheckCommand and the {@code --config}
 * template. A unit test fails when the checked-in files differ from what this renders now.
 * Run: {@code java -cp 'target/check_smtp_pop3_roundtrip/lib/*' io.mailtrip.nagios.ShippedConfig src/main/dist}.
 */
public final class ShippedConfig {

    private ShippedConfig() {
    }

    /** File name → content. */
    static Map<String, String> render() {
        OptionTable table = OptionTable.of(SensorProviders.load(ShippedConfig.class.getClassLoader())
                .require(RoundTripCatalogue.SENSOR_ID).descriptor());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("nrpe.cfg", CommandDefinitions.nrpe());
        files.put("nagios-commands.cfg", CommandDefinitions.nagios());
        files.put("icinga2-command.conf", IcingaCheckCommand.render(table));
        files.put(ConfigFileTemplate.FILE_NAME, ConfigFileTemplate.render(table));
        return files;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/main/dist");
        for (Map.Entry<String, String> file : render().entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + dir.resolve(file.getKey()));
        }
    }
}
