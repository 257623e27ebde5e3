package io.mailtrip.jenkins.core;

/**
 * One channel of a status row, ready to print.
 *
 * @param key   the channel key
 * @param label the channel's human label
 * @param text  value and unit ({@code 412 ms}), or {@code not measured}
 */
public record ChannelCell(String key, String label, String text) {
}
