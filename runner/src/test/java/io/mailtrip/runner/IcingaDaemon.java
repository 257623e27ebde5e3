package io.mailtrip.runner;

import com.fasterxml.jackson.databind.JsonNode;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real Icinga 2 daemon on loopback for tests: its own config and state folders, a CA and a
 * certificate for {@code localhost} made with openssl, the API feature, an API user for the runner,
 * a host and a passive service per instance (check command {@code dummy}, UNKNOWN "no result", run only
 * when a result's TTL expires), the checker, and a log of every action Icinga ran (the test's way to
 * count the results it processed across a restart).
 */
final class IcingaDaemon implements AutoCloseable {

    static final String USER = "mailtrip-runner";
    static final String NO_RESULT = "no result from the mailtrip runner within the TTL";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path icinga2;
    private final Path dir;
    private final int port;
    private final String password;
    private final HttpClient client;
    private Process process;

    private IcingaDaemon(Path icinga2, Path dir, int port, String password) throws Exception {
        this.icinga2 = icinga2;
        this.dir = dir;
        this.port = port;
        this.password = password;
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile())) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trust.getTrustManagers(), null);
        this.client = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Writes certificates and configuration for {@code hosts} (each with service {@code service}) and starts. */
    static IcingaDaemon start(Path icinga2, Path dir, List<String> hosts, String service, String password)
            throws Exception {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        openssl(certs, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                "-days", "2", "-subj", "/CN=mailtrip test CA");
        openssl(certs, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "localhost.key", "-out", "localhost.csr",
                "-subj", "/CN=localhost");
        Files.writeString(certs.resolve("ext.cnf"), "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\n"
                + "extendedKeyUsage=serverAuth,clientAuth\n");
        openssl(certs, "x509", "-req", "-in", "localhost.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "localhost.crt", "-days", "2", "-extfile", "ext.cnf");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        for (String sub : List.of("state", "cache", "log", "run", "data", "spool")) {
            Files.createDirectories(dir.resolve(sub));
        }
        StringBuilder config = new StringBuilder("""
                const NodeName = "localhost"
                const ZoneName = "master"
                include <itl>
                object Endpoint "localhost" {}
                object Zone "master" { endpoints = [ "localhost" ] }
                object CheckerComponent "checker" {}
                """);
        config.append("object ApiListener \"api\" {\n  bind_host = \"127.0.0.1\"\n  bind_port = ").append(port)
                .append("\n  cert_path = \"").append(certs.resolve("localhost.crt"))
                .append("\"\n  key_path = \"").append(certs.resolve("localhost.key"))
                .append("\"\n  ca_path = \"").append(certs.resolve("ca.crt")).append("\"\n}\n");
        config.append("object ApiUser \"").append(USER).append("\" {\n  password = \"").append(password)
                .append("\"\n  permissions = [ \"actions/process-check-result\", \"objects/query/*\" ]\n}\n");
        // Icinga logs every process-check-result action it runs at "notice": the test counts them there.
        config.append("object FileLogger \"actions\" {\n  path = \"").append(dir.resolve("log/actions.log"))
                .append("\"\n  severity = \"notice\"\n}\n");
        for (String host : hosts) {
            config.append("object Host \"").append(host).append("\" { check_command = \"dummy\"; ")
                    .append("enable_active_checks = false }\n");
            config.append("object Service \"").append(service).append("\" {\n  host_name = \"").append(host)
                    .append("\"\n  check_command = \"dummy\"\n  vars.dummy_state = 3\n  vars.dummy_text = \"")
                    .append(NO_RESULT).append("\"\n  check_interval = 1d\n  retry_interval = 1d\n")
                    .append("  max_check_attempts = 1\n}\n");
        }
        Files.writeString(dir.resolve("icinga2.conf"), config);
        IcingaDaemon daemon = new IcingaDaemon(icinga2, dir, port, password);
        daemon.start();
        return daemon;
    }

    private static void openssl(Path dir, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        ExternalTool.Run run = ExternalTool.run(command, "", Map.of(), dir, Duration.ofSeconds(60));
        if (run.exitCode() != 0) {
            fail("openssl " + arguments[0] + " failed: " + run.both());
        }
    }

    Path caFile() {
        return dir.resolve("certs/ca.crt");
    }

    URI url() {
        return URI.create("https://localhost:" + port);
    }

    /** Starts the daemon (again, keeping its state) and waits until its API answers. */
    void start() throws Exception {
        List<String> command = new ArrayList<>(List.of(icinga2.toString(), "daemon", "-c",
                dir.resolve("icinga2.conf").toString(), "-DRunAsUser=" + System.getProperty("user.name"),
                "-DRunAsGroup=" + System.getProperty("user.name")));
        for (String[] define : new String[][] {{"StateDir", "state"}, {"CacheDir", "cache"}, {"LogDir", "log"},
                {"InitRunDir", "run"}, {"DataDir", "data"}, {"SpoolDir", "spool"}}) {
            command.add("-D" + define[0] + "=" + dir.resolve(define[1]));
        }
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("daemon.log").toFile())).start();
        long end = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                fail("icinga2 exited " + process.exitValue() + ": " + Files.readString(dir.resolve("daemon.log")));
            }
            try {
                if (get("/v1/objects/hosts?attrs=name").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("icinga2 API not up within " + START_TIMEOUT + ": " + Files.readString(dir.resolve("daemon.log")));
    }

    /**
     * Stops the daemon (SIGTERM) and waits until it is gone: icinga2 runs its work in a child of the
     * process started here, which would otherwise go on answering the API while a new daemon starts.
     */
    void stop() throws Exception {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ProcessHandle handle : all) {
            long left = Math.max(0, end - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                handle.destroyForcibly();
                handle.onExit().get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The service's attributes as the API reports them. */
    JsonNode service(String host, String service) throws Exception {
        HttpResponse<String> response = get("/v1/objects/services/" + URLEncoder.encode(host + "!" + service,
                StandardCharsets.UTF_8) + "?attrs=state&attrs=last_check_result");
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return ResultJson.MAPPER.readTree(response.body()).path("results").path(0).path("attrs");
    }

    /** How many process-check-result actions Icinga ran, across restarts (its log is appended to). */
    long processedResults() throws IOException {
        try (Stream<String> lines = Files.lines(dir.resolve("log/actions.log"))) {
            return lines.filter(l -> l.contains("Running action process-check-result")).count();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        String basic = java.util.Base64.getEncoder().encodeToString((USER + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(url().resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").header("Authorization", "Basic " + basic).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
