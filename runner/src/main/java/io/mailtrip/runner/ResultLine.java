package io.mailtrip.runner;

import io.mailtrip.host.DecimalText;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;

import java.time.temporal.ChronoUnit;
import java.util.StringJoiner;

/** The human one-liners of a result: the console line and the "STATUS - message" summary. */
final class ResultLine {

    private static final int CHANNEL_DECIMALS = 1;

    private ResultLine() {
    }

    /** {@code DOWN - connection refused}; also the JUnit failure message. No {@code |}: hosts split on it. */
    static String summary(SensorResult result) {
        return result.status() + " - " + result.message().replace('|', '/');
    }

    /**
     * {@code total=52.4ms smtp=12.3ms pop3=40.1ms downtime=0%}: the primary channel first, then the others
     * in descriptor order, "-" where not measured.
     */
    static String channels(RunRecord record) {
        StringJoiner out = new StringJoiner(" ");
        for (ChannelDescriptor channel : record.display().ordered(record.descriptor())) {
            ChannelValue value = record.result().channel(channel.key());
            out.add(channel.key() + "=" + (value.measured()
                    ? DecimalText.rounded(value.value(), CHANNEL_DECIMALS) + channel.unit() : "-"));
        }
        return out.toString();
    }

    /** {@code 2026-01-01T10:00:00Z mail1 UP total=... smtp=... - round trip ...}: one console line per result. */
    static String console(RunRecord record) {
        SensorResult result = record.result();
        return result.start().truncatedTo(ChronoUnit.SECONDS) + " " + record.instanceId() + " " + result.status()
                + " " + channels(record) + " - " + result.message().replace('|', '/');
    }
}
