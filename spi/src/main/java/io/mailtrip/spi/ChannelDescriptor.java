package io.mailtrip.spi;

/**
 * A channel a sensor reports on every run.
 *
 * @param key   stable machine key ({@code smtp}, {@code total}); perfdata labels and metric labels use it
 * @param label human label ("Response Time SMTP")
 * @param unit  unit of the values ({@code ms}, {@code %})
 * @param help  one-line definition of what is measured, from where to where
 */
public record ChannelDescriptor(String key, String label, String unit, String help) {
}
