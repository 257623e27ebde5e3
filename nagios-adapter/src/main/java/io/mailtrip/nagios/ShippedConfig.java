package io.mailtrip.nagios;

import io.mailtrip.host.SensorProviders;
import io.mailtrip.spi.SensorDescriptor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders one sensor's plugin folder files from its metadata (checked in under {@code src/main/dist}): the
 * launcher, the CDS script, the NRPE snippet, the Nagios/Naemon commands, the Icinga 2 CheckCommand and
 * the {@code --config} template. A unit test fails when the checked-in files differ from what this renders
 * now. Run: {@code java -cp 'target/check_smtp_pop3_roundtrip/lib/*' io.mailtrip.nagios.ShippedConfig
 * src/main/dist SENSOR_ID}; a second sensor gets its folder the same way, with its own id.
 */
public final class ShippedConfig {

    private ShippedConfig() {
    }

    /** File name → content. */
    static Map<String, String> render(SensorDescriptor descriptor) {
        OptionTable table = OptionTable.of(descriptor);
        PluginNames names = table.names();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(names.plugin(), LauncherScripts.launcher(table));
        files.put("generate-cds", LauncherScripts.generateCds(table));
        files.put("nrpe.cfg", CommandDefinitions.nrpe(names));
        files.put("nagios-commands.cfg", CommandDefinitions.nagios(names));
        files.put("icinga2-command.conf", IcingaCheckCommand.render(table));
        files.put(names.configTemplate(), ConfigFileTemplate.render(table));
        return files;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ShippedConfig DIR SENSOR_ID");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        SensorDescriptor descriptor = SensorProviders.load(ShippedConfig.class.getClassLoader()).require(args[1])
                .descriptor();
        for (Map.Entry<String, String> file : render(descriptor).entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + dir.resolve(file.getKey()));
        }
    }
}
