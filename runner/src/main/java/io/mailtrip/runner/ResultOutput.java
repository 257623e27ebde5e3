package io.mailtrip.runner;

/**
 * Somewhere results go. {@link #accept} is called from run threads concurrently, so implementations
 * are thread-safe; {@link #flush} makes pending file content complete on disk.
 */
public interface ResultOutput extends AutoCloseable {

    void accept(RunRecord record);

    default void flush() {
    }

    @Override
    default void close() {
        flush();
    }
}
