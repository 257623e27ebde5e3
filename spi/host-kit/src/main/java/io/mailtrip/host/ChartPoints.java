package io.mailtrip.host;

import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The recent results of one instance as chart points, in a ring of primitive arrays: per point its
 * start (epoch seconds, an {@code int}: enough for a chart, and until 2106 when read unsigned), its status (one byte) and one {@code float} per channel ({@code NaN} = not
 * measured). A runner keeps a few hundred points for each of thousands of instances, so no object per
 * point (a record, an {@code Instant}, a list of boxed doubles cost ~15× more, issue 17); a
 * {@code float} has 7 significant digits, more than a chart or a history file needs. Not thread-safe:
 * the owner synchronizes.
 */
public final class ChartPoints {

    private static final Status[] STATUSES = Status.values();

    private final List<String> channelKeys;
    private final int width;
    private final int[] starts;
    private final byte[] statuses;
    private final float[] values;
    private int oldest;
    private int size;

    /**
     * @param capacity    points kept, at least 1
     * @param channelKeys the channels of every point, in the order {@link Point#values()} gives them
     */
    public ChartPoints(int capacity, List<String> channelKeys) {
        if (capacity < 1) {
            throw new IllegalArgumentException("chart capacity must be at least 1");
        }
        this.channelKeys = List.copyOf(channelKeys);
        this.width = channelKeys.size();
        this.starts = new int[capacity];
        this.statuses = new byte[capacity];
        this.values = new float[capacity * width];
    }

    /**
     * One point, made on demand when read.
     *
     * @param values one value per channel key, {@code NaN} = not measured
     */
    public record Point(Instant start, Status status, double[] values) {
    }

    /** Adds the result's point, dropping the oldest when full. */
    public void add(SensorResult result) {
        double[] point = new double[width];
        for (int c = 0; c < width; c++) {
            ChannelValue value = result.channel(channelKeys.get(c));
            point[c] = value.measured() ? value.value() : Double.NaN;
        }
        add(result.start(), result.status(), point);
    }

    /** Adds a point (a restored one); one value per channel key. */
    public void add(Instant start, Status status, double[] point) {
        if (point.length != width) {
            throw new IllegalArgumentException("expected " + width + " values, got " + point.length);
        }
        int slot;
        if (size == starts.length) {
            slot = oldest;
            oldest = (oldest + 1) % starts.length;
        } else {
            slot = (oldest + size) % starts.length;
            size++;
        }
        starts[slot] = (int) start.getEpochSecond();
        statuses[slot] = (byte) status.ordinal();
        for (int c = 0; c < width; c++) {
            values[slot * width + c] = (float) point[c];
        }
    }

    /** The channels of every point, in the order of {@link Point#values()}. */
    public List<String> channelKeys() {
        return channelKeys;
    }

    public int size() {
        return size;
    }

    /** The points, oldest first. */
    public List<Point> points() {
        List<Point> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int slot = (oldest + i) % starts.length;
            double[] point = new double[width];
            for (int c = 0; c < width; c++) {
                point[c] = values[slot * width + c];
            }
            out.add(new Point(Instant.ofEpochSecond(Integer.toUnsignedLong(starts[slot])), STATUSES[statuses[slot]], point));
        }
        return out;
    }
}
