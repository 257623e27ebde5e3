package io.mailtrip.jenkins.core;

import io.mailtrip.host.ChartSet;
import io.mailtrip.host.ResultHistory;
import io.mailtrip.host.RoleSettings;
import io.mailtrip.host.SvgChart;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Settings;
import io.mailtrip.spi.Status;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the status page and the DOWN monitor show: one row per configured instance with its primary
 * channel first (found by its setting's role), status, every channel, downtime, last message, last run
 * time and history charts (the host kit's {@link SvgChart}: independent or stacked, as its display settings
 * say, with the run deadline as their threshold). Numbers are formatted
 * with {@link Locale#ROOT} so every page reads the same digits; the sensor's name follows the viewer's
 * locale ({@link io.mailtrip.spi.SensorDescriptor#displayName(Locale)}).
 */
public final class StatusViewModel {

    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    static final String NOT_RUN_YET = "not run yet";

    private final List<StatusRow> rows;

    /**
     * One configured instance as the host keeps it.
     *
     * @param instanceId the instance id
     * @param settings   its settings (for the descriptor and the display settings)
     * @param history    its results so far, with chart points of the descriptor's channels
     * @param deadline   the deadline of one run, drawn on the charts; zero when not known
     */
    public record Source(String instanceId, Settings settings, ResultHistory history, Duration deadline) {

        /** A source whose run deadline is not known: its charts have no threshold. */
        public Source(String instanceId, Settings settings, ResultHistory history) {
            this(instanceId, settings, history, Duration.ZERO);
        }
    }

    private StatusViewModel(List<StatusRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * @param locale the viewer's locale, for the sensor's name; Jenkins passes the request's
     * @param zone   the time zone of the last run times
     */
    public static StatusViewModel of(List<Source> sources, Locale locale, ZoneId zone) {
        List<StatusRow> rows = new ArrayList<>();
        for (Source source : sources) {
            rows.add(row(source, locale, zone));
        }
        return new StatusViewModel(rows);
    }

    private static StatusRow row(Source source, Locale locale, ZoneId zone) {
        Settings settings = source.settings();
        Optional<SensorResult> last = source.history().latest();
        RoleSettings roles = RoleSettings.of(settings);
        String primaryKey = roles.leading(settings.descriptor()).map(ChannelDescriptor::key).orElse("");
        List<ChannelCell> cells = new ArrayList<>();
        for (ChannelDescriptor channel : settings.descriptor().channels()) {
            ChannelValue value = last.map(r -> r.channel(channel.key())).orElse(ChannelValue.notMeasured());
            ChannelCell cell = new ChannelCell(channel.key(), channel.label(), text(value, channel.unit()));
            if (channel.key().equals(primaryKey)) {
                cells.add(0, cell);
            } else {
                cells.add(cell);
            }
        }
        ChannelCell primary = cells.isEmpty() ? new ChannelCell("", "", ChannelValue.notMeasured().toString())
                : cells.get(0);
        ChartSet charts = ChartSet.of(source.history(), settings.descriptor(), roles, source.deadline(), zone);
        return new StatusRow(source.instanceId(), settings.descriptor().displayName(locale),
                last.map(SensorResult::status), last.map(r -> r.status().name()).orElse(NOT_RUN_YET), primary, cells,
                number(source.history().downtimePercent()) + " %", last.map(SensorResult::message).orElse(""),
                last.map(r -> RUN_TIME.format(r.start().atZone(zone))).orElse(""),
                SvgChart.figures(charts));
    }

    public List<StatusRow> rows() {
        return rows;
    }

    /** The worst last status over all instances that have run; empty when none has. */
    public Optional<Status> worst() {
        return rows.stream().flatMap(r -> r.status().stream()).reduce(Status::worst);
    }

    /** Ids of the instances whose last run was DOWN, for the administrative monitor. */
    public List<String> downInstanceIds() {
        return rows.stream().filter(r -> r.status().equals(Optional.of(Status.DOWN))).map(StatusRow::instanceId)
                .toList();
    }

    private static String text(ChannelValue value, String unit) {
        if (!value.measured()) {
            return ChannelValue.notMeasured().toString();
        }
        return number(value.value()) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** Whole numbers without decimals (milliseconds), others with one. */
    static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
