package io.mailtrip.mailkit;

import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code resultHandling=store}: the last result as text, overwritten each run, written to a temporary
 * file and moved into place so a reader never sees half a file. Holds no secret: the result never
 * carries one, and the settings listing masks them.
 */
public final class ResultStore {

    private final Path directory;
    private final String fileName;
    private final Map<String, String> settings;

    /**
     * @param sensorId the sensor's id, the start of the file name
     * @param settings the masked settings listing, written as the data part
     */
    public ResultStore(String sensorId, Path directory, String instanceName, Map<String, String> settings) {
        this.directory = directory;
        this.fileName = sensorId + "-" + instanceName.replaceAll("[^A-Za-z0-9._-]", "_")
                + ".txt";
        this.settings = settings;
    }

    /** Writes the result; returns a note for the details when it could not. */
    public String write(SensorResult result) {
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, fileName, ".tmp");
            Files.writeString(temp, render(result), StandardCharsets.UTF_8);
            Files.move(temp, directory.resolve(fileName), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return "result stored in " + directory.resolve(fileName);
        } catch (IOException | RuntimeException e) {
            return "result not stored in " + directory + ": " + OneLine.of(e.getMessage(), 100);
        }
    }

    /** Writes the result and returns it with the note of {@link #write} added to its details. */
    public SensorResult keep(SensorResult result) {
        List<String> details = new ArrayList<>(result.details());
        details.add(write(result));
        return new SensorResult(result.status(), result.message(), result.phase(), result.channels(),
                result.start(), result.elapsed(), details);
    }

    private String render(SensorResult result) {
        StringBuilder out = new StringBuilder();
        out.append(result.status()).append(" - ").append(result.message()).append('\n');
        out.append("phase=").append(result.phase()).append('\n');
        out.append("start=").append(result.start()).append('\n');
        out.append("elapsed_ms=").append(result.elapsed().toMillis()).append('\n');
        for (Map.Entry<String, ChannelValue> channel : result.channels().entrySet()) {
            ChannelValue value = channel.getValue();
            out.append("channel.").append(channel.getKey()).append('=')
                    .append(value.measured() ? String.format(Locale.ROOT, "%.3f", value.value()) : "U").append('\n');
        }
        settings.forEach((key, value) -> out.append("setting.").append(key).append('=').append(value).append('\n'));
        out.append('\n');
        result.details().forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }
}
