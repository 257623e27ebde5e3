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
 * Writes the generated form and help files (instance form and global defaults) of one sensor into the hpi
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
        SensorDescriptor descriptor = SensorProviders.load(JenkinsFilesGenerator.class.getClassLoader())
                .require(args[1]).descriptor();
        List<Path> written = new java.util.ArrayList<>(write(descriptor, Path.of(args[0])));
        for (SensorProvider provider : SensorProviders.load(JenkinsFilesGenerator.class.getClassLoader()).providers()) {
            written.addAll(writeSensor(provider.descriptor(), Path.of(args[0])));
        }
        written.forEach(p -> System.out.println("wrote " + p));
    }

    /** Writes one sensor's forms into its own folder ({@link JenkinsFileSet#renderSensor}). */
    public static List<Path> writeSensor(SensorDescriptor descriptor, Path resources) {
        Map<String, String> files = JenkinsFileSet.renderSensor(descriptor);
        writeFiles(resources, JenkinsFileSet.sensorFolders(descriptor.id()), files);
        return files.keySet().stream().map(resources::resolve).toList();
    }

    /** Writes the files of {@code descriptor} below {@code resources}, removing help files no field has. */
    public static List<Path> write(SensorDescriptor descriptor, Path resources) {
        Map<String, String> files = JenkinsFileSet.render(descriptor);
        writeFiles(resources, JenkinsFileSet.folders(), files);
        try {
            Files.writeString(resources.resolve(JenkinsFileSet.SENSOR_ID_RESOURCE), descriptor.id() + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Jenkins files below " + resources, e);
        }
        return files.keySet().stream().map(resources::resolve).toList();
    }

    /** Writes {@code files}, removing help files in {@code folders} that no field has any more. */
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
