package io.mailtrip.spi;

/**
 * A channel a sensor reports on every run.
 *
 * @param key   stable machine key ({@code smtp}, {@code total}); perfdata labels and metric labels use it
 * @param label human label ("Response Time SMTP")
 * @param unit  unit of the values ({@code ms}, {@code %})
 * @param help  one-line definition of what is measured, from where to where
 * @param sum   the channel is the sum of other channels of the same unit ({@code total}); a stacked chart
 *              leaves it out, since the stack's top edge already shows it
 */
public record ChannelDescriptor(String key, String label, String unit, String help, boolean sum) {

    /**
     * Key of the one channel a sensor declares but never measures: the share of DOWN results among the
     * instance's recent ones, in percent, which only a host that keeps a history can fill.
     */
    public static final String DOWNTIME = "downtime";

    /** A channel that is a measurement of its own. */
    public ChannelDescriptor(String key, String label, String unit, String help) {
        this(key, label, unit, help, false);
    }
}
