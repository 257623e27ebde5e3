package io.mailtrip.jenkins.core;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.host.SensorProviders;
import io.mailtrip.sensor.smtpimap.testkit.ImapSensors;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Jenkins core runs the IMAP sensor from its plugin jar: the jar in its own class loader that sees
 * only the SPI of this process (no sensor, no Commons Net), found through ServiceLoader, its form bound by
 * core's generic binding (the IMAP login as a credentials id) and run by core's {@link SensorRuns}.
 */
class ImapSensorFromJarIT {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = ImapSensors.greenMail();

    /** Parent of the plugin's loader: the JDK and the SPI, nothing else (no bundled copy of the sensor). */
    private static final class SpiOnly extends ClassLoader {
        private final ClassLoader host;

        SpiOnly(ClassLoader host) {
            super(ClassLoader.getPlatformClassLoader());
            this.host = host;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith("io.mailtrip.spi.")) {
                return host.loadClass(name);
            }
            throw new ClassNotFoundException(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) {
            return Collections.emptyEnumeration();
        }
    }

    private static Path pluginJar() throws IOException {
        try (var files = Files.list(Path.of("..", "..", "smtp-imap-sensor", "target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-plugin.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no smtp-imap-sensor plugin jar: build that module first"));
        }
    }

    @Test
    void coreRunsTheImapSensorFromItsPluginJar() throws Exception {
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {pluginJar().toUri().toURL()},
                new SpiOnly(getClass().getClassLoader()))) {
            SensorProvider provider = SensorProviders.load(plugin).require("smtp-imap-roundtrip");
            assertThat(provider.getClass().getClassLoader()).isSameAs(plugin);

            Map<String, String> form = new LinkedHashMap<>(ImapSensors.greenMailSettings(GREEN_MAIL));
            form.remove("imapUser");
            form.remove("imapPassword");
            form.put("imapCredentialsId", "imap-mailbox");
            form.put("instanceId", "imap1");
            form.put("sensorId", provider.id());
            CredentialsLookup store = id -> id.equals("imap-mailbox")
                    ? Optional.of(new UsernamePassword("probe", ImapSensors.PROBE_PASSWORD)) : Optional.empty();
            BoundInstance bound = new FormBinding(FormModel.of(provider.descriptor())).bind(form, store);

            SensorResult result;
            try (SensorRuns runs = new SensorRuns(Duration.ofMinutes(1), 10, 1)) {
                PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
                runs.sync(List.of(new SensorRuns.Configured(bound, provider)), Instant.now(), quiet);
                CompletableFuture<SensorResult> run = runs.start("imap1", quiet).orElseThrow();
                result = run.get(60, TimeUnit.SECONDS);
            }

            assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
            assertThat(result.message()).contains("IDLE");
            assertThat(result.channels()).containsKeys("smtp", "imap", "total", "downtime");
            assertThat(result.message() + result.details()).doesNotContain(ImapSensors.PROBE_PASSWORD);
        }
    }
}
