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
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryStoreTest {

    private static final SensorDescriptor DESCRIPTOR = Sensors.roundTripProvider().descriptor();
    private static final RoleSettings DISPLAY = RoleSettings.of(Settings.parse(DESCRIPTOR, Map.of(
            "from", "a@example.org", "to", "b@example.org", "smtpHost", "mail.example.org",
            "pop3Host", "mail.example.org")));
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");

    /** One journal entry: instance, start, status letter, value count, a float per channel. */
    private static final int ENTRY_BYTES = 4 + 8 + 1 + 1 + 4 * DESCRIPTOR.channels().size();
    /** Frame header: payload length and CRC. */
    private static final int FRAME_BYTES = 8;

    @TempDir
    Path dir;

    /** The board of most tests: instances "a" and "b", 100 statuses each. */
    private final ResultBoard board = board(100, "a", "b");

    private Path file() {
        return dir.resolve("state/history.json");
    }

    private Path journal() {
        return dir.resolve("state/history.json.journal");
    }

    /** A fresh runner's board: {@code ids} with empty histories of {@code capacity} statuses. */
    private static ResultBoard board(int capacity, String... ids) {
        List<InstanceState> histories = new ArrayList<>();
        for (String id : ids) {
            histories.add(new InstanceState(id, DESCRIPTOR, DISPLAY, capacity));
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
        InstanceState history = board.get(id).orElseThrow();
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
        return describe(restart(capacity, "a", "b").get(id).orElseThrow());
    }

    private ResultBoard restart(int capacity, String... ids) throws IOException {
        Path copy = dir.resolve("restart" + restarts++).resolve("history.json");
        Files.createDirectories(copy.getParent());
        Files.copy(file(), copy);
        if (Files.exists(journal())) {
            Files.copy(journal(), copy.resolveSibling("history.json.journal"));
        }
        ResultBoard board = board(capacity, ids);
        assertThat(new HistoryStore(copy, board).load()).isEmpty();
        return board;
    }

    private static String describe(InstanceState history) {
        StringBuilder out = new StringBuilder(history.statusLetters()).append(" |");
        for (ChartPoints.Point point : history.snapshot().points()) {
            out.append(' ').append(point.start().getEpochSecond() - T0.getEpochSecond()).append(':')
                    .append(point.status()).append(':').append(Arrays.toString(point.values()));
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

    /** A store that has started (snapshot and empty journal written), compacting at {@code minCompactionBytes}. */
    private HistoryStore started(ResultBoard board, long minCompactionBytes) {
        HistoryStore store = new HistoryStore(file(), board, minCompactionBytes);
        assertThat(store.load()).isEmpty();
        return store;
    }

    /** A started store (snapshot and empty journal written) that has saved results 0..9 of "a". */
    private HistoryStore tenSaved(ResultBoard board, long minCompactionBytes) throws IOException {
        HistoryStore store = started(board, minCompactionBytes);
        run(board, store, "a", 0, 10);
        store.save();
        return store;
    }

    @Test
    void aRestartRestoresStatusesAndPointsFromSnapshotAndJournal() throws IOException {
        HistoryStore store = tenSaved(board, 1 << 20);
        run(board, store, "a", 10, 12);
        store.save();

        assertThat(restored("a", 100)).isEqualTo(expected(12, 100)).startsWith("UUDUUDUUDUUD |")
                .contains(" 600:UP:[10.0, 10.5, 20.5, 27.2727", " 660:DOWN:[11.0, NaN, 22.5, 33.3333");
        assertThat(restored("b", 100)).isEqualTo(" |");
    }

    @Test
    void aSaveAppendsOnlyWhatWasRecordedSinceTheLastOne() throws IOException {
        ResultBoard board = board(1440, "a", "b");
        HistoryStore store = started(board, 1 << 20);
        run(board, store, "a", 0, 1000);
        store.save();
        byte[] snapshot = Files.readAllBytes(file());
        long journal = Files.size(journal());

        run(board, store, "a", 1000, 1001);
        store.save();

        // One entry in one frame; the snapshot untouched.
        assertThat(Files.size(journal()) - journal).isEqualTo(FRAME_BYTES + ENTRY_BYTES);
        assertThat(Files.readAllBytes(file())).isEqualTo(snapshot);
        assertThat(restored("a", 1440)).isEqualTo(expected(1001, 1440));
    }

    @Test
    void theJournalIsFoldedIntoANewSnapshotWhenItOutgrowsIt() throws IOException {
        ResultBoard board = board(20, "a", "b");
        HistoryStore store = started(board, 0);
        long largest = 0;
        for (int minute = 0; minute < 40; minute++) {
            run(board, store, "a", minute * 5, minute * 5 + 5);
            store.save();
            largest = Math.max(largest, Files.size(journal()));
            assertThat(Files.size(journal())).isLessThanOrEqualTo(Files.size(file()) + FRAME_BYTES + 5 * ENTRY_BYTES);
        }
        assertThat(largest).isGreaterThan(16 + FRAME_BYTES + 5 * ENTRY_BYTES); // it did grow between compactions
        assertThat(restored("a", 20)).isEqualTo(expected(200, 20));
    }

    @Test
    void aCrashInTheMiddleOfAnAppendLosesOnlyThatAppend() throws IOException {
        HistoryStore store = tenSaved(board, 1 << 20);
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
        HistoryStore store = tenSaved(board, 0);
        run(board, store, "a", 10, 40);
        store.save(); // the journal now outgrows the small snapshot
        Path oldJournal = dir.resolve("old.journal");
        Files.copy(journal(), oldJournal);
        byte[] oldSnapshot = Files.readAllBytes(file());

        run(board, store, "a", 40, 42);
        store.save(); // a new snapshot, then a new journal
        assertThat(Files.readAllBytes(file())).isNotEqualTo(oldSnapshot);
        Files.copy(oldJournal, journal(), StandardCopyOption.REPLACE_EXISTING); // as if the process died between them

        // The new snapshot holds all 42; the old journal's 40 are not added again.
        assertThat(restored("a", 100)).isEqualTo(expected(42, 100));
    }

    @Test
    void aCrashWhileTheSnapshotIsWrittenKeepsTheOldPair() throws IOException {
        tenSaved(board, 1 << 20);
        // What a process killed inside AtomicFile leaves: a partial temporary file beside the pair.
        byte[] snapshot = Files.readAllBytes(file());
        Files.write(file().resolveSibling(".history.json.0000.tmp"), Arrays.copyOf(snapshot, snapshot.length / 2));

        assertThat(restored("a", 100)).isEqualTo(expected(10, 100));
    }

    @Test
    void aResultInBothTheSnapshotAndTheJournalIsRestoredOnce() throws IOException {
        HistoryStore store = started(board, 0);
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

        HistoryStore store = new HistoryStore(file(), board);
        assertThat(store.load()).isEmpty();
        assertThat(describe(board.get("a").orElseThrow())).isEqualTo(expected);
        assertThat(describe(board.get("b").orElseThrow())).as("another sensor's history is dropped").isEqualTo(" |");
        assertThat(HistorySnapshotFile.isSnapshot(file())).as("loading writes nothing").isFalse();
        store.save();
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
    void aFileOfAnUnknownFormatIsIgnoredWithAWarningAndReplaced() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"format\":7}");
        HistoryStore store = new HistoryStore(file(), board(100, "a"));

        assertThat(store.load()).contains(file() + ": history ignored (unknown format)");
        store.save();
        assertThat(HistorySnapshotFile.isSnapshot(file())).isTrue();
    }

    @Test
    void aJournalReplacedByAnotherProcessIsNotAppendedTo() throws IOException {
        HistoryStore store = tenSaved(board, 1 << 20);
        // What a --validate of the same configuration leaves while the runner runs: its own empty pair.
        HistoryJournal.create(journal(), 999);
        run(board, store, "a", 10, 12);
        store.save();

        assertThat(restored("a", 100)).isEqualTo(expected(12, 100));
    }

    @Test
    void aCutSnapshotIsReported() throws IOException {
        tenSaved(board, 1 << 20);
        byte[] snapshot = Files.readAllBytes(file());
        Files.write(file(), Arrays.copyOf(snapshot, snapshot.length - 3));

        assertThat(new HistoryStore(file(), board(100, "a", "b")).load())
                .contains(file() + ": history ignored (EOFException)");
    }

    private static final int CRASH_INSTANCES = 40;
    private static final int CRASH_CAPACITY = 100_000;

    private static String[] crashIds() {
        String[] ids = new String[CRASH_INSTANCES];
        Arrays.setAll(ids, i -> "i" + i);
        return ids;
    }

    /**
     * The child of {@link #aProcessKilledAtAnyMomentLeavesWholeRoundsOnly}: restores the history file
     * {@code args[0]}, then records one result per instance and saves, round after round, compacting
     * whenever the journal outgrows the snapshot, and prints "saved n" after each save, until killed.
     */
    static final class CrashingWriter {

        public static void main(String[] args) throws IOException {
            String[] ids = crashIds();
            ResultBoard board = board(CRASH_CAPACITY, ids);
            HistoryStore store = new HistoryStore(Path.of(args[0]), board, 0);
            store.load().ifPresent(warning -> System.out.println("warning: " + warning));
            for (int n = board.get(ids[0]).orElseThrow().statusLetters().length(); ; n++) {
                for (String id : ids) {
                    store.recorded(board.get(id).orElseThrow().record(result(n)));
                }
                store.save();
                System.out.println("saved " + (n + 1));
            }
        }
    }

    @Test
    void aProcessKilledAtAnyMomentLeavesWholeRoundsOnly() throws Exception {
        Files.createDirectories(file().getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Random random = new Random(17);
        int confirmed = 0;
        for (int kill = 0; kill < 8; kill++) {
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    CrashingWriter.class.getName(), file().toString()).redirectErrorStream(true).start();
            AtomicInteger saved = new AtomicInteger(confirmed);
            List<String> other = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> child.inputReader().lines().forEach(line -> {
                if (line.startsWith("saved ")) {
                    saved.set(Integer.parseInt(line.substring(6)));
                } else {
                    other.add(line);
                }
            }));
            reader.start();
            // Kill it somewhere in its work: at start (loading, first snapshot) or after a few more rounds.
            int target = confirmed + random.nextInt(40);
            long until = System.nanoTime() + 30_000_000_000L;
            while (saved.get() < target && child.isAlive() && System.nanoTime() < until) {
                Thread.sleep(1);
            }
            Thread.sleep(random.nextInt(20));
            child.destroyForcibly().waitFor();
            reader.join();
            assertThat(other).as("child output").isEmpty();

            ResultBoard board = restart(CRASH_CAPACITY, crashIds());
            int rounds = board.get("i0").orElseThrow().statusLetters().length();
            assertThat(rounds).as("kill %d: every save that returned is kept", kill).isGreaterThanOrEqualTo(saved.get());
            for (String id : crashIds()) {
                assertThat(describe(board.get(id).orElseThrow())).as("kill %d, %s", kill, id)
                        .isEqualTo(expected(rounds, CRASH_CAPACITY));
            }
            confirmed = rounds;
        }
        assertThat(confirmed).isGreaterThan(8);
    }
}
