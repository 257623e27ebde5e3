package io.mailtrip.bench;

import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Round trips of one sensor against the server's own delivery moments, for {@link TimingBenchmark}
 * (POP3) and {@link ImapTimingBenchmark} (IMAP). Per run with a delivery moment: the error of the reported
 * receive leg (run start + SMTP leg + receive leg − delivery), the reported leg, and the true receive leg
 * (delivery − SMTP acceptance).
 */
final class ReceiveLegErrors {

    /** Where the server's delivery moment of a run's probe comes from. */
    interface Arrivals {
        Optional<Instant> arrival(SensorResult result) throws InterruptedException;
    }

    private final String legChannel;
    private final List<Double> errors = new ArrayList<>();
    private final List<Double> legs = new ArrayList<>();
    private final List<Double> delivery = new ArrayList<>();
    private final List<SensorResult> measured = new ArrayList<>();
    private int missing;

    private ReceiveLegErrors(String legChannel) {
        this.legChannel = legChannel;
    }

    /** One warm-up run (class loading, JIT), then {@code runs} measured ones; each must be UP. */
    static ReceiveLegErrors measure(Sensor sensor, String legChannel, int runs, Arrivals arrivals)
            throws InterruptedException {
        ReceiveLegErrors out = new ReceiveLegErrors(legChannel);
        RoundTripSetup.runOnce(sensor);
        for (int run = 0; run < runs; run++) {
            SensorResult result = RoundTripSetup.runOnce(sensor);
            if (result.status() != Status.UP) {
                throw new IllegalStateException("round trip not UP: " + result.message());
            }
            double smtp = result.channel("smtp").value();
            double leg = result.channel(legChannel).value();
            Optional<Instant> arrival = arrivals.arrival(result);
            if (arrival.isEmpty()) {
                out.missing++;
                continue;
            }
            Instant found = result.start().plusNanos(Math.round((smtp + leg) * 1e6));
            double error = Duration.between(arrival.get(), found).toNanos() / 1e6;
            out.errors.add(error);
            out.legs.add(leg);
            out.delivery.add(leg - error);
            out.measured.add(result);
        }
        return out;
    }

    /** The runs that have a delivery moment. */
    List<SensorResult> measured() {
        return measured;
    }

    /** "" or " (n without a server timestamp, left out)". */
    String missingNote() {
        return missing == 0 ? "" : " (" + missing + " without a server timestamp, left out)";
    }

    /** The three spreads, one line each; {@code found} says what the reported leg ends with. */
    void print(String found) {
        String leg = legChannel.toUpperCase(Locale.ROOT);
        row("error of the " + leg + " leg, ms (reported " + found + " - server delivery):", errors);
        row("reported " + leg + " leg, ms:", legs);
        row("true receive leg (server delivery - SMTP acceptance), ms:", delivery);
    }

    /** One indented line: {@code label}, padded, then the spread of {@code values}. */
    static void row(String label, List<? extends Number> values) {
        System.out.printf(Locale.ROOT, "  %-75s %s%n", label, Spread.of(values).describe("%.1f"));
    }
}
