package io.mailtrip.runner;

import io.mailtrip.host.ChartPoints;
import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Keeps the histories across restarts, so downtime and charts go on where they stopped: a compact
 * snapshot of every history ({@link HistorySnapshotFile}, the configured file, replaced atomically) and a
 * journal beside it ({@link HistoryJournal}, {@code <file>.journal}) to which each save appends only the
 * results recorded since the previous one. When the journal has grown to the size of the snapshot, the
 * next save writes a new snapshot and starts an empty journal: the files stay under twice the size of
 * one snapshot and a minute costs in proportion to what changed, not to the whole history (issue 17).
 * The first save of every process starts that way too, so a journal is only ever appended to by the
 * process that created it.
 * History of an instance whose sensor or channels changed is dropped, not misread. Saves are serialized.
 */
final class HistoryStore {

    private static final long MIN_COMPACTION_BYTES = 1 << 20;

    private final Path file;
    private final Path journalFile;
    private final List<InstanceState> histories;
    private final Map<String, Integer> positions = new HashMap<>();
    /** Per board position: the newest start restored from the files, for instances that have not run since. */
    private final long[] restoredStarts;
    private final ConcurrentLinkedQueue<HistoryJournal.Entry> pending = new ConcurrentLinkedQueue<>();
    private final long minCompactionBytes;
    private long generation;
    private long snapshotBytes;
    private long journalBytes;
    private boolean journalOpen;
    private Object journalKey;

    HistoryStore(Path file, ResultBoard board) {
        this(file, board, MIN_COMPACTION_BYTES);
    }

    /** @param minCompactionBytes the journal is compacted at the size of the snapshot, but not below this */
    HistoryStore(Path file, ResultBoard board, long minCompactionBytes) {
        this.file = file;
        this.journalFile = file.resolveSibling(file.getFileName() + ".journal");
        this.histories = board.states();
        for (int i = 0; i < histories.size(); i++) {
            positions.put(histories.get(i).instanceId(), i);
        }
        this.restoredStarts = new long[histories.size()];
        Arrays.fill(restoredStarts, StoredHistory.NO_START);
        this.minCompactionBytes = minCompactionBytes;
    }

    /**
     * Restores what the files hold for the board's instances; returns a warning when it cannot. Writes
     * nothing: the first {@link #save()} writes a new snapshot and an empty journal (this also turns a
     * JSON history of format 1 into a snapshot).
     */
    synchronized Optional<String> load() {
        Optional<String> warning = Optional.empty();
        try {
            if (Files.exists(file)) {
                List<Restored> stored = new ArrayList<>();
                if (HistorySnapshotFile.isSnapshot(file)) {
                    generation = HistorySnapshotFile.read(file, s -> stored.add(restore(s)));
                    HistoryJournal.read(journalFile, generation, entry -> replay(stored, entry));
                } else if (!LegacyHistoryFile.read(file, s -> stored.add(restore(s)))) {
                    warning = Optional.of(file + ": history ignored (unknown format)");
                }
            }
        } catch (IOException | RuntimeException e) {
            warning = Optional.of(file + ": history ignored (" + e.getClass().getSimpleName() + ")");
        }
        return warning;
    }

    /** Notes a result for the next save; called for every result, from the run threads. */
    void recorded(RunRecord record) {
        Integer position = positions.get(record.instanceId());
        if (position == null) {
            return;
        }
        SensorResult result = record.result();
        List<ChannelDescriptor> channels = record.descriptor().channels();
        float[] values = new float[channels.size()];
        for (int c = 0; c < values.length; c++) {
            ChannelValue value = result.channel(channels.get(c).key());
            values[c] = value.measured() ? (float) value.value() : Float.NaN;
        }
        pending.add(new HistoryJournal.Entry(position, micros(result.start()), StatusLetters.letter(result.status()),
                values));
    }

    /**
     * Appends what was recorded since the last save to the journal; first writes a new snapshot and an
     * empty journal when this process has none yet, when the journal has grown to the snapshot's size,
     * when writing failed before, or when another process replaced the journal (a {@code --validate}
     * with the same configuration file while the runner runs).
     */
    synchronized void save() throws IOException {
        try {
            if (!journalOpen || journalBytes >= Math.max(snapshotBytes, minCompactionBytes)
                    || !Objects.equals(journalKey, fileKey(journalFile))) {
                compact();
            }
            List<HistoryJournal.Entry> entries = new ArrayList<>();
            for (HistoryJournal.Entry entry = pending.poll(); entry != null; entry = pending.poll()) {
                entries.add(entry);
            }
            if (!entries.isEmpty()) {
                journalBytes += HistoryJournal.append(journalFile, entries);
            }
        } catch (IOException e) {
            // The histories in memory hold everything: the next save writes them whole.
            journalOpen = false;
            pending.clear();
            throw e;
        }
    }

    /**
     * A new snapshot of every history, then an empty journal of the same generation. A crash before the
     * snapshot's rename leaves the old pair; after it, the old journal names the old generation and is
     * ignored. A result recorded while the snapshot is taken may also reach the new journal: its start is
     * not newer than the snapshot's, so it is not applied twice.
     */
    private void compact() throws IOException {
        journalOpen = false;
        long next = generation + 1;
        snapshotBytes = HistorySnapshotFile.write(file, next, histories.size(),
                () -> histories.stream().map(this::stored).iterator());
        generation = next;
        journalBytes = HistoryJournal.create(journalFile, next);
        journalKey = fileKey(journalFile);
        journalOpen = true;
    }

    /** The file's identity (device and inode on Linux), null when unknown: a renamed-over file has another. */
    private static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private StoredHistory stored(InstanceState history) {
        InstanceState.Snapshot snapshot;
        String letters;
        // One lock for both reads (InstanceState synchronizes on itself): statuses, points and the
        // latest start must describe the same moment, or a result could be stored twice or not at all.
        synchronized (history) {
            snapshot = history.snapshot();
            letters = history.statusLetters();
        }
        long lastStart = snapshot.latest().map(r -> micros(r.result().start()))
                .orElse(restoredStarts[positions.get(history.instanceId())]);
        return new StoredHistory(history.instanceId(), snapshot.descriptor().id(), channelKeys(snapshot), letters,
                snapshot.points(), lastStart);
    }

    /** Where a stored instance's journal entries go: its history, or none (unknown or changed instance). */
    private record Restored(InstanceState history, int position, boolean withPoints) {

        static final Restored NOWHERE = new Restored(null, -1, false);
    }

    private Restored restore(StoredHistory stored) {
        Integer position = positions.get(stored.instanceId());
        if (position == null) {
            return Restored.NOWHERE;
        }
        InstanceState history = histories.get(position);
        InstanceState.Snapshot current = history.summary();
        if (!stored.sensorId().equals(current.descriptor().id())) {
            return Restored.NOWHERE;
        }
        boolean withPoints = stored.channelKeys().equals(channelKeys(current));
        history.restore(stored.statusLetters(), withPoints ? stored.points() : List.of());
        restoredStarts[position] = stored.lastStartMicros();
        return new Restored(history, position, withPoints);
    }

    private void replay(List<Restored> stored, HistoryJournal.Entry entry) {
        if (entry.instance() < 0 || entry.instance() >= stored.size()) {
            return;
        }
        Restored target = stored.get(entry.instance());
        if (target.history() == null || entry.startMicros() <= restoredStarts[target.position()]) {
            return; // unknown instance, or already in the snapshot
        }
        restoredStarts[target.position()] = entry.startMicros();
        Optional<Status> status = StatusLetters.parse(entry.letter());
        if (status.isEmpty()) {
            return;
        }
        List<ChartPoints.Point> point = List.of();
        if (target.withPoints()) {
            double[] values = new double[entry.values().length];
            for (int c = 0; c < values.length; c++) {
                values[c] = entry.values()[c];
            }
            point = List.of(new ChartPoints.Point(instant(entry.startMicros()), status.get(), values));
        }
        target.history().restore(String.valueOf(entry.letter()), point);
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
    }

    private static List<String> channelKeys(InstanceState.Snapshot snapshot) {
        return snapshot.descriptor().channels().stream().map(ChannelDescriptor::key).toList();
    }
}
