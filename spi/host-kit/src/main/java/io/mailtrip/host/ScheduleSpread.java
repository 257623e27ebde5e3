package io.mailtrip.host;

/**
 * Where in its first interval an instance starts, the same on every start of the host, so that a restart
 * does not start every sensor at once. Every host that schedules uses this one spread.
 */
public final class ScheduleSpread {

    private ScheduleSpread() {
    }

    /**
     * A well-mixed hash of the instance id. {@code String.hashCode} of sequential ids ({@code mail-0001},
     * {@code mail-0002}, ...) differs mostly in its low bits, which bunched 2,000 first starts into a
     * third of the window (BENCHMARKS.md); a 64-bit finaliser (SplitMix64) spreads them evenly.
     */
    public static long hash(String id) {
        long z = id.hashCode() * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The id's slot among {@code slots} equal parts of a window: {@code 0 .. slots - 1}; 0 for one slot. */
    public static long slot(String id, long slots) {
        return slots <= 1 ? 0 : Math.floorMod(hash(id), slots);
    }
}
