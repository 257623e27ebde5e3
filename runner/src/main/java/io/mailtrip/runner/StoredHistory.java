package io.mailtrip.runner;

import io.mailtrip.host.ChartPoints;

import java.util.List;

/**
 * One instance's history as a history file holds it, whichever format.
 *
 * @param statusLetters   the kept statuses as {@link StatusLetters}, oldest first
 * @param points          chart points, oldest first, values in {@code channelKeys} order
 * @param lastStartMicros start of the newest result it includes (epoch microseconds), {@link #NO_START} when
 *                        unknown: a journal entry that is not newer is already in it
 */
record StoredHistory(String instanceId, String sensorId, List<String> channelKeys, String statusLetters,
                     List<ChartPoints.Point> points, long lastStartMicros) {

    static final long NO_START = Long.MIN_VALUE;
}
