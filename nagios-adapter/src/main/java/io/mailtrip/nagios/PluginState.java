package io.mailtrip.nagios;

import io.mailtrip.spi.Status;

import java.util.Locale;
import java.util.Optional;

/**
 * The four plugin states with their exit codes (Monitoring Plugins guidelines, "Plugin Return Codes"),
 * ordered for {@link #worst(PluginState, PluginState)} as OK &lt; WARNING &lt; UNKNOWN &lt; CRITICAL.
 */
enum PluginState {
    OK(0, Status.UP),
    WARNING(1, Status.WARNING),
    CRITICAL(2, Status.DOWN),
    UNKNOWN(3, Status.UNKNOWN);

    private final int exitCode;
    private final Status status;

    PluginState(int exitCode, Status status) {
        this.exitCode = exitCode;
        this.status = status;
    }

    int exitCode() {
        return exitCode;
    }

    /** UP→OK, WARNING→WARNING, DOWN→CRITICAL, UNKNOWN→UNKNOWN. */
    static PluginState of(Status status) {
        for (PluginState state : values()) {
            if (state.status == status) {
                return state;
            }
        }
        throw new IllegalArgumentException("no plugin state for " + status);
    }

    /** The more severe of two states, by the SPI's one worst-state function. */
    static PluginState worst(PluginState a, PluginState b) {
        return of(Status.worst(a.status, b.status));
    }

    /** {@code ok|warning|critical|unknown} or {@code 0..3}, as {@code check_http --timeout-result} takes them. */
    static Optional<PluginState> parse(String text) {
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        for (PluginState state : values()) {
            if (state.name().equals(wanted) || String.valueOf(state.exitCode).equals(wanted)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
