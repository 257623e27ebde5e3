package io.mailtrip.spi;

/**
 * The service a sensor plugin registers in {@code META-INF/services/io.mailtrip.spi.SensorProvider}:
 * an id, the descriptor that every host renders, and a factory.
 */
public interface SensorProvider {

    /** Stable id users write in configuration ({@code smtp-pop3-roundtrip}). */
    String id();

    /** The settings metadata, channels, tags and names. */
    SensorDescriptor descriptor();

    /**
     * Creates a sensor instance from validated settings (see {@link Settings#parse}).
     *
     * @throws ConfigurationException when a setting can only be checked by the sensor itself
     *                                (an unreadable trust store, for example)
     */
    Sensor create(Settings settings);
}
