package io.mailtrip.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailtrip.host.PerfdataFormatter;
import io.mailtrip.spi.SensorResult;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends every result to the Icinga 2 REST API as a passive check result ({@code POST
 * /v1/actions/process-check-result}) of the service named like the instance's sensor on the host named
 * like the instance: exit status, plugin output, perfdata in the Nagios plugin's format (the host kit's
 * {@link PerfdataFormatter}), the check source and a TTL of two intervals plus the run deadline, after
 * which Icinga runs the service's own check command (a {@code dummy} that says UNKNOWN, "no result").
 *
 * <p>Never stalls the scheduler: {@link #accept} only appends to a bounded queue; one sender thread
 * posts in order and, while Icinga cannot be reached or answers 5xx, retries the head with back-off
 * (1 s doubling to 60 s). So an Icinga restart or outage loses nothing within {@code queueSize}
 * results; beyond it the oldest result is dropped and counted. TLS verifies the API's certificate
 * against the configured Icinga CA and its host name; the password goes in an {@code Authorization}
 * header only, never in a message.
 */
final class IcingaOutput implements ResultOutput {

    private static final Logger LOG = Logger.getLogger(IcingaOutput.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    private static final Duration DRAIN_AT_CLOSE = Duration.ofSeconds(5);

    private final RunnerConfig.IcingaSettings settings;
    private final Function<String, Duration> ttl;
    private final HttpClient client;
    private final String authorization;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private final Thread sender;
    private long sent;
    private long dropped;
    private boolean closing;

    private record Pending(String instanceId, String body) {
    }

    /** What happened to the results so far: for tests, {@code /healthz} and the stop notice. */
    record Counts(long sent, long queued, long dropped) {
    }

    /** @param ttl the TTL of an instance's results */
    IcingaOutput(RunnerConfig.IcingaSettings settings, Function<String, Duration> ttl) throws IOException {
        this.settings = settings;
        this.ttl = ttl;
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).sslContext(trusting(settings.caFile()))
                .version(HttpClient.Version.HTTP_1_1).build();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (settings.user() + ":" + settings.password().reveal()).getBytes(StandardCharsets.UTF_8));
        this.sender = new Thread(this::sendLoop, "mailtrip-icinga");
        sender.setDaemon(true);
        sender.start();
    }

    /** An SSL context that trusts the Icinga CA only (host names are checked by the HTTP client). */
    private static SSLContext trusting(Path caFile) throws IOException {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("icinga-ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new IOException(caFile + " holds no certificate");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException(caFile + ": not a usable CA certificate (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public void accept(RunRecord record) {
        Pending pending = new Pending(record.instanceId(), body(record, settings.checkSource(),
                ttl.apply(record.instanceId())));
        synchronized (queue) {
            if (queue.size() >= settings.queueSize()) {
                queue.removeFirst();
                dropped++;
                if (Long.bitCount(dropped) == 1) {
                    LOG.warning("icinga: queue full (" + settings.queueSize() + "), " + dropped
                            + " oldest result(s) dropped so far");
                }
            }
            queue.addLast(pending);
            queue.notifyAll();
        }
    }

    /** The request body: the service's check result, in the Nagios plugin's words and perfdata. */
    static String body(RunRecord record, String checkSource, Duration ttl) {
        SensorResult result = record.result();
        ObjectNode body = ResultJson.MAPPER.createObjectNode();
        body.put("type", "Service");
        body.put("filter", "host.name==\"" + filterText(record.instanceId()) + "\" && service.name==\""
                + filterText(record.sensorId()) + "\"");
        body.put("exit_status", switch (result.status()) {
            case UP -> 0;
            case WARNING -> 1;
            case DOWN -> 2;
            case UNKNOWN -> 3;
        });
        body.put("plugin_output", ResultLine.summary(result));
        var perfdata = body.putArray("performance_data");
        for (String item : PerfdataFormatter.format(record.descriptor().channels(), result.channels(),
                key -> PerfdataFormatter.Thresholds.NONE).split(" ")) {
            if (!item.isEmpty()) {
                perfdata.add(item);
            }
        }
        body.put("check_source", checkSource);
        body.put("execution_start", result.start().toEpochMilli() / 1e3);
        body.put("execution_end", result.start().plus(result.elapsed()).toEpochMilli() / 1e3);
        body.put("ttl", Math.max(1, ttl.toSeconds()));
        return body.toString();
    }

    /** Instance ids and sensor ids are {@code [A-Za-z0-9._-]+}; escaping keeps the filter safe regardless. */
    private static String filterText(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    Counts counts() {
        synchronized (queue) {
            return new Counts(sent, queue.size(), dropped);
        }
    }

    private void sendLoop() {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            Pending head;
            synchronized (queue) {
                while (queue.isEmpty() && !closing) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                head = queue.peekFirst();
            }
            Outcome outcome = post(head);
            synchronized (queue) {
                if (outcome != Outcome.RETRY) {
                    if (queue.peekFirst() == head) {
                        queue.removeFirst();
                    }
                    sent += outcome == Outcome.SENT ? 1 : 0;
                    backoff = FIRST_BACKOFF;
                    continue;
                }
                if (closing) {
                    return;
                }
                try {
                    queue.wait(backoff.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private enum Outcome { SENT, REFUSED, RETRY }

    private Outcome post(Pending pending) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url().toString().replaceAll("/+$", "")
                        + "/v1/actions/process-check-result"))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(pending.body())).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int code = response.statusCode();
            if (code == 200) {
                return Outcome.SENT;
            }
            if (code >= 500 || code == 429 || code == 401 || code == 403) {
                // Icinga starting, overloaded, or its users not loaded yet: worth another try.
                LOG.log(Level.WARNING, "icinga: HTTP " + code + " for " + pending.instanceId() + "; retrying");
                return Outcome.RETRY;
            }
            // 404 = no such host/service in Icinga: a configuration gap that retrying will not close.
            LOG.log(Level.WARNING, "icinga: HTTP " + code + " for " + pending.instanceId()
                    + " (is there a host '" + pending.instanceId() + "' with the service?); result dropped");
            return Outcome.REFUSED;
        } catch (IOException e) {
            LOG.log(Level.FINE, "icinga: " + e.getClass().getSimpleName() + "; retrying");
            return Outcome.RETRY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.RETRY;
        }
    }

    /** Gives the queue a few seconds to drain, then stops; what is left is reported, not silently lost. */
    @Override
    public void close() {
        long end = System.nanoTime() + DRAIN_AT_CLOSE.toNanos();
        synchronized (queue) {
            while (!queue.isEmpty() && System.nanoTime() < end) {
                try {
                    queue.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            closing = true;
            queue.notifyAll();
            if (!queue.isEmpty()) {
                LOG.warning("icinga: stopping with " + queue.size() + " result(s) not delivered");
            }
        }
        sender.interrupt();
    }
}
