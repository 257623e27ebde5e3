package io.mailtrip.runner;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One JSON object per line and result, appended to a file or written to standard output. Each line
 * goes out in one write, so a reader (or a stop) never sees half a line from a finished write.
 */
final class JsonLinesOutput implements ResultOutput {

    private final OutputStream out;
    private final boolean ownsStream;

    private JsonLinesOutput(OutputStream out, boolean ownsStream) {
        this.out = out;
        this.ownsStream = ownsStream;
    }

    static JsonLinesOutput toStream(OutputStream out) {
        return new JsonLinesOutput(out, false);
    }

    static JsonLinesOutput appendingTo(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return new JsonLinesOutput(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE), true);
    }

    @Override
    public synchronized void accept(RunRecord record) {
        try {
            byte[] line = (ResultJson.MAPPER.writeValueAsString(ResultJson.record(record)) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            out.write(line);
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result always serialises", e);
        } catch (IOException e) {
            throw new UncheckedIOException("JSON lines output failed", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.flush();
            if (ownsStream) {
                out.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("JSON lines output failed to close", e);
        }
    }
}
