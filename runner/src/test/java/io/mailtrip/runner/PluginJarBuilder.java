package io.mailtrip.runner;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds sensor plugin jars during a test: compiles a tiny {@code SensorProvider} against the SPI on the
 * test class path and packs it with its {@code META-INF/services} entry, so the classes exist only in
 * the jar, never on the class path.
 */
final class PluginJarBuilder {

    private PluginJarBuilder() {
    }

    /** A plugin whose sensor {@code sensorId} is always UP with one millisecond channel "latency". */
    static Path plugin(Path workDir, String jarName, String packageName, String sensorId) throws IOException {
        String source = """
                package %1$s;

                import io.mailtrip.spi.*;
                import java.time.Duration;
                import java.time.Instant;
                import java.util.List;
                import java.util.Map;

                public final class FakeProvider implements SensorProvider {
                    private static final SensorDescriptor DESCRIPTOR = new SensorDescriptor("%2$s",
                            "%1$s.names", FakeProvider.class.getClassLoader(), List.of("fake"), Duration.ofSeconds(30),
                            List.of(new SettingSection("basic", "Basic", List.of(
                                    SettingDescriptor.builder("interval", SettingType.INTEGER).section("basic")
                                            .label("Interval").defaultValue("30").atLeast(1).unit("s").build(),
                                    SettingDescriptor.builder("greeting", SettingType.STRING).section("basic")
                                            .label("Greeting").defaultValue("hello").build()))),
                            List.of(new ChannelDescriptor("latency", "Latency", "ms", "time to answer")));

                    public String id() { return "%2$s"; }

                    public SensorDescriptor descriptor() { return DESCRIPTOR; }

                    public Sensor create(Settings settings) {
                        String greeting = settings.text("greeting");
                        return new Sensor() {
                            public SensorResult run(Deadline deadline) {
                                return new SensorResult(Status.UP, "%2$s says " + greeting, "answer",
                                        Map.of("latency", ChannelValue.of(1.5)), Instant.now(), Duration.ofMillis(2),
                                        List.of());
                            }

                            public Duration budget() { return Duration.ofSeconds(1); }
                        };
                    }
                }
                """.formatted(packageName, sensorId);
        String className = packageName + ".FakeProvider";
        return jar(workDir, jarName, className, source, className);
    }

    /** A plugin whose provider, as soon as its class is loaded, creates {@code marker}: planted code that ran. */
    static Path planted(Path workDir, String jarName, Path marker) throws IOException {
        String source = """
                package plugin.planted;

                public final class PlantedProvider implements io.mailtrip.spi.SensorProvider {
                    static {
                        try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }

                    public String id() { return "planted"; }

                    public io.mailtrip.spi.SensorDescriptor descriptor() { throw new IllegalStateException(); }

                    public io.mailtrip.spi.Sensor create(io.mailtrip.spi.Settings settings) {
                        throw new IllegalStateException();
                    }
                }
                """.formatted(marker.toAbsolutePath().toString().replace("\\", "\\\\"));
        return jar(workDir, jarName, "plugin.planted.PlantedProvider", source, "plugin.planted.PlantedProvider");
    }

    /** A jar whose services file names a class that is not in it. */
    static Path missingProviderClass(Path workDir, String jarName) throws IOException {
        Path jar = workDir.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            entry(out, "META-INF/services/io.mailtrip.spi.SensorProvider", "plugin.gone.MissingProvider\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static Path jar(Path workDir, String jarName, String className, String source, String serviceLine)
            throws IOException {
        Path sources = Files.createDirectories(workDir.resolve("src-" + jarName));
        Path classes = Files.createDirectories(workDir.resolve("classes-" + jarName));
        Path file = sources.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = compiler.run(null, diagnostics, diagnostics, "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), file.toString());
        if (status != 0) {
            throw new IllegalStateException("plugin source does not compile: " + diagnostics);
        }
        Path jar = workDir.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path classFile : files.filter(Files::isRegularFile).toList()) {
                entry(out, classes.relativize(classFile).toString().replace('\\', '/'), Files.readAllBytes(classFile));
            }
            entry(out, "META-INF/services/io.mailtrip.spi.SensorProvider",
                    (serviceLine + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static void entry(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content);
        out.closeEntry();
    }

    static void writeNotAJar(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("this is not a zip file".getBytes(StandardCharsets.UTF_8));
        }
    }
}
