package io.mailtrip.bench;

import io.mailtrip.spi.SensorResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real stack's own delivery moments: watches a maildir's {@code new/} (Dovecot's LMTP moves each
 * finished mail there), and for every probe that appears keeps the file's modification time (the
 * last byte written, ns resolution) under the probe's GUID, read from its {@code X-Mailtrip-Probe}
 * header. Other tests may use the same mailbox at the same time: the GUID keeps their mails apart.
 */
final class MaildirArrivals implements AutoCloseable {

    private static final Pattern GUID = Pattern.compile("guid=([0-9a-fA-F-]{36})");

    private final Path newDir;
    private final WatchService watcher;
    private final Map<String, Instant> arrivals = new ConcurrentHashMap<>();
    private final Thread thread;

    MaildirArrivals(Path maildir) throws IOException {
        this.newDir = maildir.resolve("new");
        this.watcher = FileSystems.getDefault().newWatchService();
        newDir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
        this.thread = new Thread(this::watch, "maildir-arrivals");
        thread.setDaemon(true);
        thread.start();
    }

    /** The delivery moment of the run's probe (its GUID from the trace); empty without either. */
    Optional<Instant> arrival(SensorResult result) throws InterruptedException {
        Optional<String> guid = RoundTripSetup.probeGuid(result);
        return guid.isEmpty() ? Optional.empty() : arrival(guid.get());
    }

    /** The delivery moment of the probe {@code guid}, waiting up to 2 s for the watcher to see it. */
    Optional<Instant> arrival(String guid) throws InterruptedException {
        long until = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < until) {
            Instant arrival = arrivals.get(guid);
            if (arrival != null) {
                return Optional.of(arrival);
            }
            Thread.sleep(5);
        }
        return Optional.empty();
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name) {
                        record(newDir.resolve(name));
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private void record(Path file) {
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            Matcher matcher = GUID.matcher(content);
            if (matcher.find()) {
                arrivals.put(matcher.group(1), modified);
            }
        } catch (NoSuchFileException e) {
            // Already moved to cur/ by a session that saw it (an IMAP session in IDLE does so within
            // milliseconds; the rename keeps the modification time), or deleted (then that run is reported
            // as "no server timestamp" rather than guessed).
            recordMoved(file.getFileName().toString());
        } catch (IOException e) {
            System.err.println("maildir watcher: " + e);
        }
    }

    private void recordMoved(String name) {
        Path cur = newDir.resolveSibling("cur");
        try (var moved = Files.newDirectoryStream(cur, name + ":2,*")) {
            for (Path file : moved) {
                record(file);
            }
        } catch (IOException e) {
            // Gone from cur/ as well: no timestamp for that run.
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
