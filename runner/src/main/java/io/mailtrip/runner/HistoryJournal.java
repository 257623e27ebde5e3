package io.mailtrip.runner;

import io.mailtrip.host.AtomicFile;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The results recorded since the last {@link HistorySnapshotFile}, appended once a minute: a save costs
 * in proportion to what happened in that minute, not to the whole history (issue 17).
 *
 * <p>A header (magic, version, the generation of the snapshot it continues), then one frame per save:
 * payload length, CRC-32 of the payload, the entries (a large save takes several frames). A crash in
 * the middle of an append leaves a frame that is short or fails its CRC; reading stops there, so a
 * reader sees whole entries, in order, and nothing after the tear. The runner never appends after such a tail: it starts every process with a new snapshot and
 * an empty journal.
 */
final class HistoryJournal {

    /** "MTHJ". */
    private static final int MAGIC = 0x4D54484A;
    private static final int VERSION = 1;
    private static final int HEADER_BYTES = 16;
    private static final int FRAME_HEADER_BYTES = 8;
    private static final int FRAME_TARGET_BYTES = 1 << 20;
    /** Above any frame {@link #append} writes; a longer length is torn or foreign, not a buffer to allocate. */
    private static final int MAX_FRAME_BYTES = 4 << 20;

    /**
     * One recorded result.
     *
     * @param instance    the instance's position in the snapshot of the same generation
     * @param startMicros the run's start, epoch microseconds
     * @param letter      its status as a {@link StatusLetters} letter
     * @param values      its channel values in the snapshot's channel order, {@code NaN} = not measured
     */
    record Entry(int instance, long startMicros, char letter, float[] values) {

        int bytes() {
            return 4 + 8 + 1 + 1 + 4 * values.length;
        }
    }

    private HistoryJournal() {
    }

    /** Replaces {@code file} with an empty journal continuing snapshot {@code generation}; returns its size. */
    static long create(Path file, long generation) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(VERSION).putLong(generation);
        AtomicFile.write(file, out -> out.write(header.array()));
        return HEADER_BYTES;
    }

    /** Appends the entries as whole frames of at most ~1 MiB each; returns the bytes appended. */
    static long append(Path file, List<Entry> entries) throws IOException {
        long appended = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            int from = 0;
            while (from < entries.size()) {
                int to = from;
                int payloadBytes = 0;
                while (to < entries.size() && (to == from || payloadBytes + entries.get(to).bytes() <= FRAME_TARGET_BYTES)) {
                    payloadBytes += entries.get(to++).bytes();
                }
                ByteBuffer frame = frame(entries.subList(from, to), payloadBytes);
                while (frame.hasRemaining()) {
                    channel.write(frame);
                }
                appended += frame.limit();
                from = to;
            }
        }
        return appended;
    }

    private static ByteBuffer frame(List<Entry> entries, int payloadBytes) {
        ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER_BYTES + payloadBytes);
        frame.position(FRAME_HEADER_BYTES);
        for (Entry entry : entries) {
            frame.putInt(entry.instance()).putLong(entry.startMicros()).put((byte) entry.letter())
                    .put((byte) entry.values().length);
            for (float value : entry.values()) {
                frame.putFloat(value);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(frame.array(), FRAME_HEADER_BYTES, payloadBytes);
        return frame.putInt(0, payloadBytes).putInt(4, (int) crc.getValue()).flip();
    }

    /**
     * Hands the entries of every whole frame, in order, to {@code apply} when {@code file} continues
     * snapshot {@code generation}; none when it continues another one (a crash between writing a snapshot
     * and its new journal: the snapshot already holds what the old journal adds). Reads one frame at a
     * time: a journal may grow to the size of the snapshot.
     */
    static void read(Path file, long generation, Consumer<Entry> apply) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] header = in.readNBytes(HEADER_BYTES);
            ByteBuffer head = ByteBuffer.wrap(header);
            if (header.length < HEADER_BYTES || head.getInt() != MAGIC || head.getInt() != VERSION
                    || head.getLong() != generation) {
                return;
            }
            for (byte[] frameHeader = in.readNBytes(FRAME_HEADER_BYTES); frameHeader.length == FRAME_HEADER_BYTES;
                    frameHeader = in.readNBytes(FRAME_HEADER_BYTES)) {
                ByteBuffer sizes = ByteBuffer.wrap(frameHeader);
                int length = sizes.getInt();
                int expected = sizes.getInt();
                byte[] payload = in.readNBytes(Math.max(0, Math.min(length, MAX_FRAME_BYTES)));
                CRC32 crc = new CRC32();
                crc.update(payload);
                if (length < 0 || payload.length != length || (int) crc.getValue() != expected) {
                    return; // torn: the crash came in the middle of this frame
                }
                entries(ByteBuffer.wrap(payload), apply);
            }
        }
    }

    private static void entries(ByteBuffer payload, Consumer<Entry> apply) {
        while (payload.hasRemaining()) {
            int instance = payload.getInt();
            long start = payload.getLong();
            char letter = (char) (payload.get() & 0xFF);
            float[] values = new float[payload.get() & 0xFF];
            for (int c = 0; c < values.length; c++) {
                values[c] = payload.getFloat();
            }
            apply.accept(new Entry(instance, start, letter, values));
        }
    }
}
