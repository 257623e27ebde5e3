package io.mailtrip.spi;

/**
 * Moved: the history is a host concern and lives in the host kit ({@code io.mailtrip.host.ResultHistory}).
 * Only the channel key stays here, for sensors built before the move.
 *
 * @deprecated use {@link ChannelDescriptor#DOWNTIME}; this class goes once no sensor names it
 */
@Deprecated(forRemoval = true)
public final class ResultHistory {

    /** @deprecated use {@link ChannelDescriptor#DOWNTIME} */
    @Deprecated(forRemoval = true)
    public static final String DOWNTIME_CHANNEL = ChannelDescriptor.DOWNTIME;

    private ResultHistory() {
    }
}
