package io.mailtrip.jenkins.core;

import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorProvider;
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
 * Writes the generated forms (instance form and global defaults) into the hpi
 * module's resources, where they are checked in, with the sensor's id ({@link JenkinsFileSet#SENSOR_ID_RESOURCE}).
 * Run from the repository root: {@code java ... JenkinsFilesGenerator jenkins-plugin/hpi/src/main/resources
 * SENSOR_ID}, or let {@code GeneratedFilesTest} do it with {@code -Dmailtrip.updateJenkinsFiles=true}.
 */
public final class JenkinsFilesGenerator {

    private JenkinsFilesGenerator() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: JenkinsFilesGenerator <hpi resources folder> <sensor id>");
            System.exit(2);
        }
        SensorProviders.Found found = SensorProviders.load(JenkinsFilesGenerator.class.getClassLoader());
        List<SensorDescriptor> all = found.providers().stream().map(SensorProvider::descriptor).toList();
        write(all, found.require(args[1]).descriptor(), Path.of(args[0])).forEach(p -> System.out.println("wrote " + p));
    }

    /**
     * Writes the plugin's forms ({@link JenkinsFileSet#renderPlugin}: the sensor type chooser over
     * {@code sensors}, the global defaults of {@code defaultsSensor}) below {@code resources}, removing the
     * help files earlier versions generated ({@link HelpPages} renders help now), and {@code defaultsSensor}'s id.
     */
    public static List<Path> write(List<SensorDescriptor> sensors, SensorDescriptor defaultsSensor, Path resources) {
        Map<String, String> files = JenkinsFileSet.renderPlugin(sensors, defaultsSensor);
        writeFiles(resources, JenkinsFileSet.folders(), files);
        try {
            Files.writeString(resources.resolve(JenkinsFileSet.SENSOR_ID_RESOURCE), defaultsSensor.id() + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Jenkins files below " + resources, e);
        }
        return files.keySet().stream().map(resources::resolve).toList();
    }

    /** Writes {@code files}, removing any help file left in {@code folders}. */
    private static void writeFiles(Path resources, List<String> folders, Map<String, String> files) {
        try {
            for (String generated : folders) {
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
    }
}
