package io.mailtrip.sensor.smtppop3;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
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
 * The self-contained plugin jar as a third-party host uses it: a host class loader with only the
 * {@code spi} and {@code host-kit} jars, one {@link URLClassLoader} for the plugin jar, ServiceLoader, a real round trip.
 * Everything is called through reflection, so nothing from this test's own class path leaks in.
 */
class PluginJarIT {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    private static Path pluginJar() throws Exception {
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
            Class<?> providers = host.loadClass("io.mailtrip.host.SensorProviders");
            Object found = providers.getMethod("load", ClassLoader.class).invoke(null, plugin);
            Object provider = call(found, "require", "smtp-pop3-roundtrip");
            Object descriptor = call(provider, "descriptor");
            assertThat(call(descriptor, "displayName", Locale.GERMAN)).isEqualTo("SMTP&POP3-Übermittlung");

            Class<?> settingsType = host.loadClass("io.mailtrip.spi.Settings");
            Object settings = settingsType.getMethod("parse", host.loadClass("io.mailtrip.spi.SensorDescriptor"),
                    Map.class).invoke(null, descriptor, MailServers.plainSettings(GREEN_MAIL));
            Object sensor = provider.getClass().getMethod("create", settingsType).invoke(provider, settings);
            Class<?> deadline = host.loadClass("io.mailtrip.spi.Deadline");
            Object in30s = deadline.getMethod("in", Duration.class).invoke(null, Duration.ofSeconds(30));
            Method run = host.loadClass("io.mailtrip.spi.Sensor").getMethod("run", deadline);
            Object result = run.invoke(sensor, in30s);

            assertThat(call(result, "status").toString()).as(String.valueOf(call(result, "message"))).isEqualTo("UP");
            assertThat(provider.getClass().getClassLoader()).isSameAs(plugin);
            assertThat(plugin.loadClass("io.mailtrip.sensor.smtppop3.shaded.net.smtp.SMTPClient")).isNotNull();
            assertThatThrownBy(() -> plugin.loadClass("org.apache.commons.net.smtp.SMTPClient"))
                    .as("Commons Net is relocated, so a host's own copy cannot clash")
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void theRelocatedJacksonReadsATokenAnswerInsideThePluginClassLoader() throws Exception {
        URL spi = SensorProvider.class.getProtectionDomain().getCodeSource().getLocation();
        URL hostKit = io.mailtrip.host.SensorProviders.class.getProtectionDomain().getCodeSource().getLocation();
        try (io.mailtrip.mailkit.testing.TestIssuer issuer = new io.mailtrip.mailkit.testing.TestIssuer(0,
                java.util.Optional.empty());
             URLClassLoader host = new URLClassLoader(new URL[] {spi, hostKit}, ClassLoader.getPlatformClassLoader());
             URLClassLoader plugin = new URLClassLoader(new URL[] {pluginJar().toUri().toURL()}, host)) {
            issuer.client("app", "Jar-Secret-1", "probe@localhost", "mail");
            issuer.mode(io.mailtrip.mailkit.testing.TestIssuer.Mode.SERVER_ERROR);
            Object provider = call(host.loadClass("io.mailtrip.host.SensorProviders").getMethod("load",
                    ClassLoader.class).invoke(null, plugin), "require", "smtp-pop3-roundtrip");
            Map<String, String> raw = new java.util.HashMap<>(MailServers.plainSettings(GREEN_MAIL));
            raw.put("smtpAuth", "oauth2");
            raw.put("smtpUser", "sender");
            raw.put("oauth2TokenUrl", issuer.tokenUrl().toString());
            raw.put("oauth2ClientId", "app");
            raw.put("oauth2ClientSecret", "Jar-Secret-1");
            Class<?> settingsType = host.loadClass("io.mailtrip.spi.Settings");
            Object settings = settingsType.getMethod("parse", host.loadClass("io.mailtrip.spi.SensorDescriptor"),
                    Map.class).invoke(null, call(provider, "descriptor"), raw);
            Object sensor = provider.getClass().getMethod("create", settingsType).invoke(provider, settings);
            Class<?> deadline = host.loadClass("io.mailtrip.spi.Deadline");
            Object result = host.loadClass("io.mailtrip.spi.Sensor").getMethod("run", deadline).invoke(sensor,
                    deadline.getMethod("in", Duration.class).invoke(null, Duration.ofSeconds(30)));

            // The error JSON was read by the plugin's own, relocated Jackson.
            assertThat(String.valueOf(call(result, "message"))).endsWith("HTTP 503, error temporarily_unavailable");
            assertThat(plugin.loadClass("io.mailtrip.sensor.smtppop3.shaded.jackson.databind.ObjectMapper")
                    .getClassLoader()).isSameAs(plugin);
            assertThatThrownBy(() -> plugin.loadClass("com.fasterxml.jackson.databind.ObjectMapper"))
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void pluginJarCarriesItsDependenciesButNotTheSpiNorTheHostKit() throws Exception {
        try (JarFile jar = new JarFile(pluginJar().toFile())) {
            assertThat(jar.getEntry("io/mailtrip/spi/SensorProvider.class")).isNull();
            assertThat(jar.stream().map(JarEntry::getName)).noneMatch(name -> name.startsWith("io/mailtrip/host/"));
            assertThat(jar.getEntry("io/mailtrip/sensor/smtppop3/shaded/io/IOUtils.class")).isNotNull();
            assertThat(new String(jar.getInputStream(jar.getEntry("META-INF/services/io.mailtrip.spi.SensorProvider"))
                    .readAllBytes()).strip()).isEqualTo("io.mailtrip.sensor.smtppop3.SmtpPop3Provider");
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
