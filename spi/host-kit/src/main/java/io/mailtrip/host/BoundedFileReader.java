package io.mailtrip.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a local file a host was told to read (a configuration file, a {@code ${file:}} reference) with a
 * size limit that holds before anything is read: a file that is not a regular file ({@code /dev/zero}, a
 * FIFO that would block, a folder) is refused, a regular file whose size is over the limit is refused,
 * and the read itself stops one byte past the limit, for a file that grows meanwhile (issue 13).
 */
public final class BoundedFileReader {

    /** A file refused before or while reading; the message completes "FILE ..." for the user. */
    public static final class Refused extends IOException {

        Refused(String message) {
            super(message);
        }
    }

    private BoundedFileReader() {
    }

    /**
     * @param maxBytes  the most the file may have
     * @param limitText the limit as the user reads it ({@code 4 MiB})
     * @return the content, decoded as UTF-8
     * @throws Refused     when the file is not a regular file or has more than {@code maxBytes}
     * @throws IOException when it cannot be read, or is not valid UTF-8
     */
    public static String read(Path file, int maxBytes, String limitText) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new Refused("is not a regular file");
        }
        Refused tooLarge = new Refused("is larger than " + limitText);
        if (attributes.size() > maxBytes) {
            throw tooLarge;
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge;
        }
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }
}
