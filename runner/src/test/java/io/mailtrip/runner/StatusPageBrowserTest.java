package io.mailtrip.runner;

import io.mailtrip.host.RoleSettings;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page of a bad night in a real headless Chromium (Debian's {@code chromium}): 2,000
 * instances, some failing; the browser loads and lays it out, and its DOM shows the summary, failing
 * instances first with their streak and folded protocol trace, and charts with axes and the deadline.
 */
class StatusPageBrowserTest {

    private static final int INSTANCES = 2_000;
    private static final Duration BROWSER_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void aBadNightWithTwoThousandInstancesInHeadlessChromium() throws Exception {
        Path chromium = ExternalTool.require("/usr/bin/chromium", "chromium");
        SensorCatalog catalog = new PluginFolder(dir.resolve("plugins"), getClass().getClassLoader()).load();
        SensorDescriptor descriptor = catalog.find("smtp-pop3-roundtrip").orElseThrow().descriptor();
        List<InstanceState> states = new ArrayList<>();
        Instant start = Instant.parse("2026-11-29T02:00:00Z");
        for (int i = 0; i < INSTANCES; i++) {
            InstanceState state = new InstanceState(String.format(Locale.ROOT, "mx%04d", i), descriptor,
                    new RoleSettings(Duration.ofSeconds(60), Optional.empty(), Optional.empty()), Tags.NONE,
                    Duration.ofSeconds(30), 1440);
            for (int run = 0; run < 30; run++) {
                // Every 100th instance fails from run 20 on; the others stay UP.
                boolean down = i % 100 == 7 && run >= 20;
                state.record(result(start.plusSeconds(60L * run), down, run));
            }
            states.add(state);
        }
        ResultBoard board = new ResultBoard(states);
        try (HttpEndpoint endpoint = HttpEndpoint.start(new RunnerConfig.HttpSettings("127.0.0.1", 0), board,
                Locale.ENGLISH)) {
            String url = "http://127.0.0.1:" + endpoint.port() + "/";
            Path profile = Files.createDirectories(dir.resolve("profile"));
            List<String> flags = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile);
            List<String> dump = new ArrayList<>(flags);
            dump.addAll(List.of("--dump-dom", url));
            ExternalTool.Run run = ExternalTool.run(dump, "", Map.of(), dir, BROWSER_TIMEOUT);
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            String dom = run.stdout();

            assertThat(dom).contains("<title>mailtrip (20 failing)</title>");
            assertThat(dom).contains("<b class=\"badge UP\" data-count=\"UP\">1980 up</b>",
                    "<b class=\"badge DOWN\" data-count=\"DOWN\">20 down</b>");
            List<String> order = new ArrayList<>();
            Matcher sections = Pattern.compile("<section data-instance=\"([^\"]+)\" data-status=\"([A-Z]+)\"").matcher(dom);
            while (sections.find()) {
                order.add(sections.group(2));
            }
            assertThat(order).hasSize(INSTANCES);
            assertThat(order.subList(0, 20)).containsOnly("DOWN");
            assertThat(order.subList(20, INSTANCES)).containsOnly("UP");
            String first = HttpEndpointTest.section(dom, "mx0007");
            assertThat(first).contains("10 failed run(s) in a row, failing since 2026-11-29T02:20:00Z")
                    .contains("<details class=\"trace\"><summary>last failure 2026-11-29T02:29:00Z: DOWN - POP3 "
                            + "login refused</summary><pre>phase=pop3")
                    .contains("S: -ERR [AUTH] authentication failed")
                    .doesNotContain("<details class=\"trace\" open");
            // Charts with axes and the deadline, for failing instances only in a fleet this large.
            assertThat(first).contains("class=\"frame\"", ">02:00 → 02:29</text>", "deadline 30000");
            assertThat(HttpEndpointTest.section(dom, "mx0000")).doesNotContain("<svg");

            List<String> screenshot = new ArrayList<>(flags);
            Path png = dir.resolve("status.png");
            screenshot.addAll(List.of("--window-size=1280,2000", "--screenshot=" + png, url));
            ExternalTool.Run shot = ExternalTool.run(screenshot, "", Map.of(), dir, BROWSER_TIMEOUT);
            assertThat(shot.exitCode()).as(shot.stderr()).isZero();
            byte[] image = Files.readAllBytes(png);
            assertThat(image.length).isGreaterThan(10_000);
            assertThat(new String(image, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        }
    }

    private static SensorResult result(Instant start, boolean down, int run) {
        Map<String, ChannelValue> channels = new LinkedHashMap<>();
        channels.put("smtp", down ? ChannelValue.notMeasured() : ChannelValue.of(40 + run));
        channels.put("pop3", down ? ChannelValue.notMeasured() : ChannelValue.of(90 + run));
        channels.put("total", down ? ChannelValue.notMeasured() : ChannelValue.of(130 + 2 * run));
        channels.put("downtime", ChannelValue.notMeasured());
        return down
                ? new SensorResult(Status.DOWN, "POP3 login refused", "pop3", channels, start, Duration.ofMillis(900),
                        List.of("C: USER probe", "S: +OK", "C: PASS ******", "S: -ERR [AUTH] authentication failed"))
                : new SensorResult(Status.UP, "round trip " + (130 + 2 * run) + " ms", "pop3", channels, start,
                        Duration.ofMillis(130 + 2 * run), List.of("C: QUIT"));
    }
}
