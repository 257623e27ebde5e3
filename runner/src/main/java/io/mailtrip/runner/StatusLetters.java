package io.mailtrip.runner;

import io.mailtrip.spi.Status;

import java.util.Collection;
import java.util.Optional;

/** Statuses as one letter each ({@code U W N D}), so a long history persists as one short string. */
final class StatusLetters {

    private StatusLetters() {
    }

    static String of(Collection<Status> statuses) {
        StringBuilder out = new StringBuilder(statuses.size());
        statuses.forEach(s -> out.append(letter(s)));
        return out.toString();
    }

    static char letter(Status status) {
        return switch (status) {
            case UP -> 'U';
            case WARNING -> 'W';
            case UNKNOWN -> 'N';
            case DOWN -> 'D';
        };
    }

    static Optional<Status> parse(char letter) {
        return switch (letter) {
            case 'U' -> Optional.of(Status.UP);
            case 'W' -> Optional.of(Status.WARNING);
            case 'N' -> Optional.of(Status.UNKNOWN);
            case 'D' -> Optional.of(Status.DOWN);
            default -> Optional.empty();
        };
    }
}
