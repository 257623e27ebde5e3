package io.mailtrip.jenkins.core;

import io.mailtrip.spi.Status;

import java.util.List;
import java.util.Optional;

/**
 * One sensor instance on the status page, every value already text, so the Jelly view only prints.
 *
 * @param instanceId   the instance id
 * @param sensorName   the sensor's name in the page's locale
 * @param status       the last result's status; empty before the first run
 * @param statusText   {@code UP}, {@code DOWN}, ... or {@code not run yet}
 * @param primary      the primary channel's cell, the row's first value
 * @param channels     every channel of the last result, the primary channel first, then descriptor order
 * @param downtime     share of DOWN results kept in history ({@code 12.5 %})
 * @param lastMessage  the last result's one-line message; empty before the first run
 * @param lastRun      start of the last run in the page's time zone; empty before the first run
 * @param chartSvg     the history as inline SVG figures drawn by the host kit's
 *                     {@link io.mailtrip.host.SvgChart} (every text in it escaped); empty before the first run
 */
public record StatusRow(String instanceId, String sensorName, Optional<Status> status, String statusText,
                        ChannelCell primary, List<ChannelCell> channels, String downtime, String lastMessage,
                        String lastRun, String chartSvg) {

    public StatusRow {
        channels = List.copyOf(channels);
    }

    /** The channels after the primary one, for the column beside it. */
    public List<ChannelCell> otherChannels() {
        return channels.stream().filter(c -> !c.key().equals(primary.key())).toList();
    }

    /** Lower-case status for a CSS class ({@code down}), {@code pending} before the first run. */
    public String statusClass() {
        return status.map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).orElse("pending");
    }
}
