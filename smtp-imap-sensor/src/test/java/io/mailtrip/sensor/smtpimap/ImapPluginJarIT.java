package io.mailtrip.sensor.smtpimap;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.sensor.smtpimap.testkit.ImapSensors;
import io.mailtrip.spi.SensorProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The self-contained IMAP plugin jar as a host without it uses it: a host class loader with only the
 * {@code spi} and {@code host-kit} jars, one {@link URLClassLoader} for the plugin jar, ServiceLoader, a
 * real round trip over IMAP with IDLE. Called through reflection, so nothing of this test's class path leaks in.
 */
class ImapPluginJarIT {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = ImapSensors.greenMail();

    static Path pluginJar() throws Exception {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-plugin.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no *-plugin.jar in target: run mvn package first"));
        }
    }

    @Test
    void hostWithOnlyTheSpiAndHostKitLoadsAndRunsThePluginJar() throws Exception {
        URL spi = SensorProvider.class.getProtectionDomain().getCodeSource().getLocation();
        URL hostKit = io.mailtrip.host.SensorProviders.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader host = new URLClassLoader(new URL[] {spi, hostKit}, ClassLoader.getPlatformClassLoader());
             URLClassLoader plugin = new URLClassLoader(new URL[] {pluginJar().toUri().toURL()}, host)) {
            Object found = host.loadClass("io.mailtrip.host.SensorProviders").getMethod("load", ClassLoader.class)
                    .invoke(null, plugin);
            Object provider = call(found, "require", "smtp-imap-roundtrip");
            Object descriptor = call(provider, "descriptor");
            assertThat(call(descriptor, "displayName", Locale.GERMAN)).isEqualTo("SMTP&IMAP-Übermittlung");

            Class<?> settingsType = host.loadClass("io.mailtrip.spi.Settings");
            Object settings = settingsType.getMethod("parse", host.loadClass("io.mailtrip.spi.SensorDescriptor"),
                    Map.class).invoke(null, descriptor, ImapSensors.greenMailSettings(GREEN_MAIL));
            Object sensor = provider.getClass().getMethod("create", settingsType).invoke(provider, settings);
            Class<?> deadline = host.loadClass("io.mailtrip.spi.Deadline");
            Object in30s = deadline.getMethod("in", Duration.class).invoke(null, Duration.ofSeconds(30));
            Object result = host.loadClass("io.mailtrip.spi.Sensor").getMethod("run", deadline).invoke(sensor, in30s);

            assertThat(call(result, "status").toString()).as(String.valueOf(call(result, "message"))).isEqualTo("UP");
            assertThat(String.valueOf(call(result, "message"))).contains("IDLE");
            assertThat(provider.getClass().getClassLoader()).isSameAs(plugin);
            assertThat(plugin.loadClass("io.mailtrip.sensor.smtpimap.shaded.net.imap.IMAPSClient")).isNotNull();
            assertThatThrownBy(() -> plugin.loadClass("org.apache.commons.net.imap.IMAPSClient"))
                    .as("Commons Net is relocated, so a host's own copy cannot clash")
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void pluginJarCarriesItsDependenciesButNotTheSpiNorTheHostKit() throws Exception {
        try (JarFile jar = new JarFile(pluginJar().toFile())) {
            assertThat(jar.getEntry("io/mailtrip/spi/SensorProvider.class")).isNull();
            assertThat(jar.stream().map(JarEntry::getName)).noneMatch(name -> name.startsWith("io/mailtrip/host/"))
                    .noneMatch(name -> name.startsWith("io/mailtrip/sensor/smtppop3/"));
            assertThat(new String(jar.getInputStream(jar.getEntry("META-INF/services/io.mailtrip.spi.SensorProvider"))
                    .readAllBytes()).strip()).isEqualTo("io.mailtrip.sensor.smtpimap.SmtpImapProvider");
        }
    }

    private static Object call(Object target, String method, Object... args) throws Exception {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                m.setAccessible(true);
                return m.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(method);
    }
}
