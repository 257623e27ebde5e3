package io.mailtrip.jenkins.core;

import io.mailtrip.sensor.smtppop3.RoundTripCatalogue;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.host.SensorProviders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the generated form and help files (instance form and global defaults) into the hpi module's
 * resources, where they are checked in.
 * Run from the repository root: {@code java ... JenkinsFilesGenerator jenkins-plugin/hpi/src/main/resources},
 * or let {@code GeneratedFilesTest} do it with {@code -Dmailtrip.updateJenkinsFiles=true}.
 */
public final class JenkinsFilesGenerator {

    /** The sensor the plugin bundles, found through ServiceLoader like every host finds it. */
    public static final String BUNDLED_SENSOR = RoundTripCatalogue.SENSOR_ID;

    private JenkinsFilesGenerator() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: JenkinsFilesGenerator <hpi resources folder>");
            System.exit(2);
        }
        List<Path> written = write(bundledDescriptor(), Path.of(args[0]));
        written.forEach(p -> System.out.println("wrote " + p));
    }

    public static SensorDescriptor bundledDescriptor() {
        return SensorProviders.load(JenkinsFilesGenerator.class.getClassLoader()).require(BUNDLED_SENSOR)
                .descriptor();
    }

    /** Writes the files of {@code descriptor} below {@code resources}, removing help files no field has. */
    public static List<Path> write(SensorDescriptor descriptor, Path resources) {
        Map<String, String> files = JenkinsFileSet.render(descriptor);
        try {
            for (String generated : JenkinsFileSet.folders()) {
                Path folder = resources.resolve(generated);
                Files.createDirectories(folder);
                try (Stream<Path> existing = Files.list(folder)) {
                    for (Path stale : existing.filter(p -> p.getFileName().toString().startsWith("help-"))
                            .filter(p -> !files.containsKey(generated + "/" + p.getFileName())).toList()) {
                        Files.delete(stale);
                    }
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(resources.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Jenkins files below " + resources, e);
        }
        return files.keySet().stream().map(resources::resolve).toList();
    }
}
