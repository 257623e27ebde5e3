package io.mailtrip.runner;

import io.mailtrip.host.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps a JUnit XML file with the latest result of every instance. Results only mark it stale; a
 * {@link #flush()} (every second, at the end of {@code --once}, at stop) rewrites it atomically, so
 * thousands of results a minute do not mean thousands of rewrites.
 */
final class JunitXmlFile implements ResultOutput {

    private final Path file;
    private final ResultBoard board;
    private final AtomicBoolean stale = new AtomicBoolean();

    JunitXmlFile(Path file, ResultBoard board) {
        this.file = file;
        this.board = board;
    }

    @Override
    public void accept(RunRecord record) {
        stale.set(true);
    }

    @Override
    public synchronized void flush() {
        if (!stale.getAndSet(false)) {
            return;
        }
        List<RunRecord> latest = board.summaries().stream().flatMap(s -> s.latest().stream()).toList();
        try {
            AtomicFile.write(file, JunitXmlReport.render(latest));
        } catch (IOException e) {
            stale.set(true);
            throw new UncheckedIOException("cannot write JUnit XML " + file, e);
        }
    }
}
