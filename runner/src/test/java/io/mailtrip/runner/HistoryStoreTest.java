package io.mailtrip.runner;

import io.mailtrip.host.ChartPoints;
import io.mailtrip.host.RoleSettings;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Settings;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryStoreTest {

    private static final SensorDescriptor DESCRIPTOR = Sensors.roundTripProvider().descriptor();
    private static final RoleSettings DISPLAY = RoleSettings.of(Settings.parse(DESCRIPTOR, Map.of(
            "from", "a@example.org", "to", "b@example.org", "smtpHost", "mail.example.org",
            "pop3Host", "mail.example.org")));
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("state/history.json");
    }

    private Path journal() {
        return dir.resolve("state/history.json.journal");
    }

    /** A fresh runner's board: {@code ids} with empty histories of {@code capacity} statuses. */
    private static ResultBoard board(int capacity, String... ids) {
        List<InstanceHistory> histories = new ArrayList<>();
        for (String id : ids) {
            histories.add(new InstanceHistory(id, DESCRIPTOR, DISPLAY, capacity));
        }
        return new ResultBoard(histories);
    }

    /** Result number {@code n} of an instance: DOWN every third, smtp = n ms, one minute apart. */
    private static SensorResult result(int n) {
        Status status = n % 3 == 2 ? Status.DOWN : Status.UP;
        Map<String, ChannelValue> channels = new LinkedHashMap<>();
        channels.put("smtp", ChannelValue.of(n));
        channels.put("pop3", status == Status.UP ? ChannelValue.of(n + 0.5) : ChannelValue.notMeasured());
        channels.put("total", ChannelValue.of(2 * n + 0.5));
        channels.put("downtime", ChannelValue.notMeasured());
        return new SensorResult(status, "run " + n, "pop3", channels, T0.plusSeconds(60L * n), Duration.ofMillis(150),
                List.of("trace " + n));
    }

    /** Records results {@code from..to-1} of {@code id} as the runner does: into the history, then the store. */
    private static void run(ResultBoard board, HistoryStore store, String id, int from, int to) {
        InstanceHistory history = board.get(id).orElseThrow();
        for (int n = from; n < to; n++) {
            store.recorded(history.record(result(n)));
        }
    }

    private int restarts;

    /**
     * What a restart restores of {@code id}: its status letters and chart points as text. Restarts on a
     * copy of the files, since a start writes a new snapshot and journal.
     */
    private String restored(String id, int capacity) throws IOException {
        Path copy = dir.resolve("restart" + restarts++).resolve("history.json");
        Files.createDirectories(copy.getParent());
        Files.copy(file(), copy);
        if (Files.exists(journal())) {
            Files.copy(journal(), copy.resolveSibling("history.json.journal"));
        }
        ResultBoard board = board(capacity, "a", "b");
        assertThat(new HistoryStore(copy, board).load()).isEmpty();
        return describe(board.get(id).orElseThrow());
    }

    private static String describe(InstanceHistory history) {
        StringBuilder out = new StringBuilder(history.statusLetters()).append(" |");
        for (ChartPoints.Point point : history.snapshot().points()) {
            out.append(' ').append(point.start().getEpochSecond() - T0.getEpochSecond()).append(':')
                    .append(point.status()).append(':').append(java.util.Arrays.toString(point.values()));
        }
        return out.toString();
    }

    /** What the histories hold after results {@code 0..count-1} of instance "a", without any file. */
    private static String expected(int count, int capacity) {
        ResultBoard board = board(capacity, "a");
        for (int n = 0; n < count; n++) {
            board.get("a").orElseThrow().record(result(n));
        }
        return describe(board.get("a").orElseThrow());
    }

    @Test
    void aRestartRestoresStatusesAndPointsFromSnapshotAndJournal() throws IOException {
        ResultBoard board = board(50, "a", "b");
        HistoryStore store = new HistoryStore(file(), board);
        assertThat(store.load()).isEmpty();
        run(board, store, "a", 0, 7);
        store.save();
        run(board, store, "a", 7, 12);
        store.save();

        assertThat(restored("a", 50)).isEqualTo(expected(12, 50)).startsWith("UUDUUDUUDUUD |")
                .contains(" 600:UP:[10.0, 10.5, 20.5, 27.2727", " 660:DOWN:[11.0, NaN, 22.5, 33.3333");
        assertThat(restored("b", 50)).isEqualTo(" |");
    }

    @Test
    void aSaveAppendsOnlyWhatWasRecordedSinceTheLastOne() throws IOException {
        ResultBoard board = board(1440, "a", "b");
        HistoryStore store = new HistoryStore(file(), board);
        store.load();
        run(board, store, "a", 0, 1000);
        store.save();
        byte[] snapshot = Files.readAllBytes(file());
        long journal = Files.size(journal());

        run(board, store, "a", 1000, 1001);
        store.save();

        // One entry (instance, start, status, a float per channel) in one frame (length, CRC); the snapshot untouched.
        assertThat(Files.size(journal()) - journal).isEqualTo(8 + 4 + 8 + 1 + 1 + 4 * DESCRIPTOR.channels().size());
        assertThat(Files.readAllBytes(file())).isEqualTo(snapshot);
        assertThat(restored("a", 1440)).isEqualTo(expected(1001, 1440));
    }

    @Test
    void theJournalIsFoldedIntoANewSnapshotWhenItOutgrowsIt() throws IOException {
        ResultBoard board = board(20, "a", "b");
        HistoryStore store = new HistoryStore(file(), board, 0);
        store.load();
        long largest = 0;
        for (int minute = 0; minute < 40; minute++) {
            run(board, store, "a", minute * 5, minute * 5 + 5);
            store.save();
            largest = Math.max(largest, Files.size(journal()));
            assertThat(Files.size(journal())).isLessThanOrEqualTo(Files.size(file()) + 5 * 30 + 8);
        }
        assertThat(largest).isGreaterThan(16 + 8 + 5 * 30); // it did grow between compactions
        assertThat(restored("a", 20)).isEqualTo(expected(200, 20));
    }

    @Test
    void aCrashInTheMiddleOfAnAppendLosesOnlyThatAppend() throws IOException {
        ResultBoard board = board(100, "a", "b");
        HistoryStore store = new HistoryStore(file(), board);
        store.load();
        run(board, store, "a", 0, 10);
        store.save();
        long whole = Files.size(journal());
        run(board, store, "a", 10, 13);
        store.save();
        long appended = Files.size(journal());
        byte[] full = Files.readAllBytes(journal());

        // Every length the file can have when the process dies inside the second append.
        for (long size = whole; size < appended; size++) {
            try (FileChannel channel = FileChannel.open(journal(), StandardOpenOption.WRITE)) {
                channel.truncate(size);
            }
            assertThat(restored("a", 100)).as("journal cut at %d of %d bytes", size, appended)
                    .isEqualTo(expected(10, 100));
            Files.write(journal(), full);
        }
        // A tail the file system filled with zeros, or any bytes that fail the frame's CRC.
        Files.write(journal(), new byte[64], StandardOpenOption.APPEND);
        assertThat(restored("a", 100)).isEqualTo(expected(13, 100));
        full[full.length - 1] ^= 1;
        Files.write(journal(), full);
        assertThat(restored("a", 100)).isEqualTo(expected(10, 100));
    }

    @Test
    void aCrashBetweenTheNewSnapshotAndItsJournalStoresNothingTwice() throws IOException {
        ResultBoard board = board(100, "a", "b");
        HistoryStore store = new HistoryStore(file(), board, 0);
        store.load();
        run(board, store, "a", 0, 10);
        store.save();
        Path oldJournal = dir.resolve("old.journal");
        Files.copy(journal(), oldJournal);

        run(board, store, "a", 10, 12);
        store.save(); // the journal outgrew the tiny snapshot: a new snapshot, then a new journal
        Files.copy(oldJournal, journal(), StandardCopyOption.REPLACE_EXISTING); // as if the process died between them

        // The new snapshot holds all 12; the old journal's 10 are not added again.
        assertThat(restored("a", 100)).isEqualTo(expected(12, 100));
    }

    @Test
    void aCrashWhileTheSnapshotIsWrittenKeepsTheOldPair() throws IOException {
        ResultBoard board = board(100, "a", "b");
        HistoryStore store = new HistoryStore(file(), board);
        store.load();
        run(board, store, "a", 0, 10);
        store.save();
        // What a process killed inside AtomicFile leaves: a partial temporary file beside the pair.
        byte[] snapshot = Files.readAllBytes(file());
        Files.write(file().resolveSibling(".history.json.0000.tmp"), java.util.Arrays.copyOf(snapshot, snapshot.length / 2));

        assertThat(restored("a", 100)).isEqualTo(expected(10, 100));
    }

    @Test
    void aResultInBothTheSnapshotAndTheJournalIsRestoredOnce() throws IOException {
        ResultBoard board = board(100, "a", "b");
        HistoryStore store = new HistoryStore(file(), board, 0);
        store.load();
        run(board, store, "a", 0, 4);
        store.save();
        store.save(); // journal > the tiny snapshot: this save writes a new snapshot
        // Recorded into the history just before a snapshot, handed to the store just after it.
        RunRecord late = board.get("a").orElseThrow().record(result(4));
        store.save();
        store.recorded(late);
        store.save();

        assertThat(restored("a", 100)).isEqualTo(expected(5, 100));
    }

    @Test
    void theJsonHistoryOfEarlierRunnersIsReadOnceAndReplacedByASnapshot() throws IOException {
        // As the runner of bef03d8 wrote it, with this sensor's five channels.
        Files.createDirectories(file().getParent());
        Files.writeString(file(), """
                {"format":1,"instances":{
                  "gone":{"sensor":"smtp-pop3-roundtrip","channels":[],"statuses":"DDD","points":[]},
                  "a":{"sensor":"smtp-pop3-roundtrip","channels":["smtp","pop3","total","downtime","certificate"],
                       "statuses":"UDU",
                       "points":[{"t":"2026-01-01T10:00:00.123456Z","s":"UP","v":[1.5,2.0,3.5,0.0,null]},
                                 {"t":"2026-01-01T10:01:00.123456Z","s":"DOWN","v":[4.0,null,null,50.0,null]}]},
                  "b":{"sensor":"smtp-imap-roundtrip","channels":["smtp"],"statuses":"DDDD","points":[]}}}
                """);
        String expected = "UDU | 0:UP:[1.5, 2.0, 3.5, 0.0, NaN] 60:DOWN:[4.0, NaN, NaN, 50.0, NaN]";
        ResultBoard board = board(100, "a", "b");

        assertThat(new HistoryStore(file(), board).load()).isEmpty();
        assertThat(describe(board.get("a").orElseThrow())).isEqualTo(expected);
        assertThat(describe(board.get("b").orElseThrow())).as("another sensor's history is dropped").isEqualTo(" |");
        assertThat(HistorySnapshotFile.isSnapshot(file())).isTrue();
        assertThat(restored("a", 100)).isEqualTo(expected);
    }

    @Test
    void changedChannelsKeepTheStatusesAndDropThePoints() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), """
                {"format":1,"instances":{"a":{"sensor":"smtp-pop3-roundtrip","channels":["smtp","total"],
                  "statuses":"UD","points":[{"t":"2026-01-01T10:00:00Z","s":"UP","v":[1.0,2.0]}]}}}
                """);

        assertThat(restored("a", 100)).isEqualTo("UD |");
    }

    @Test
    void anUnreadableFileIsIgnoredWithAWarningAndReplaced() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"format\":7}");
        ResultBoard board = board(100, "a");

        assertThat(new HistoryStore(file(), board).load()).contains(file() + ": history ignored (IOException)");
        assertThat(HistorySnapshotFile.isSnapshot(file())).isTrue();
    }
}
