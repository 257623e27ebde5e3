package io.mailtrip.spi;

/**
 * What a host may do with a setting beyond passing it to the sensor. Hosts look settings up by role
 * ({@link SensorDescriptor#settingFor(SettingRole)}), never by a key typed in the host, so any sensor
 * built on the SPI plugs into the same scheduling, inheritance and display.
 */
public enum SettingRole {
    /** No special meaning to hosts. */
    NONE,
    /** Seconds between runs; hosts schedule by it. */
    INTERVAL,
    /** Tags to group and filter sensor instances. */
    TAGS,
    /** The host checked; filled from the parent device's host when nothing sets it ("parent device"). */
    TARGET_HOST,
    /** The TCP port on the target host; the Monitoring Plugins' {@code -p}. */
    TARGET_PORT,
    /**
     * Enum {@code any}, {@code ipv4} or {@code ipv6}: the IP version every connection of a run uses; the
     * Monitoring Plugins' {@code -4}/{@code -6}.
     */
    ADDRESS_FAMILY,
    /** Enum naming the channel that leads summaries and that plain thresholds apply to. */
    PRIMARY_CHANNEL,
    /** Enum {@code independent} or {@code stacked}: how charts show the channels. */
    GRAPH_TYPE,
    /** Enum of the unit a stacked chart uses. */
    STACK_UNIT
}
