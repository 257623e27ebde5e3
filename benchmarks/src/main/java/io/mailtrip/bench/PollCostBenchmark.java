package io.mailtrip.bench;

import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 8, polling cost: a mailbox with many foreign mails (default 10,000), a counting proxy in front of
 * GreenMail's POP3, and per POP3 connection (= one poll) the bytes each way, the commands and the TOP
 * commands: for the sensor's polls (first run of a fresh instance, then steady runs with 0 and then
 * {@code newPerRun} new foreign mails arriving before each run) and for the naive "TOP every message" scan.
 *
 * <p>Usage: {@code PollCostBenchmark [foreignMails=10000] [runs=6] [naivePolls=5] [newPerRun=10]}
 */
public final class PollCostBenchmark {

    private PollCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int foreign = BenchArgs.integer(args, 0, 10_000);
        int runs = BenchArgs.integer(args, 1, 6);
        int naivePolls = BenchArgs.integer(args, 2, 5);
        int newPerRun = BenchArgs.integer(args, 3, 10);
        try (BenchMailServer server = new BenchMailServer(0, 0, 0, -1);
             CountingProxy proxy = new CountingProxy(server.pop3Port())) {
            server.addForeignMails(BenchMailServer.PROBE, foreign);
            System.out.printf(Locale.ROOT, "server GreenMail (in-process), %d foreign mails in %s; %s%n",
                    server.messageCount(BenchMailServer.PROBE), BenchMailServer.PROBE, MachineLoad.now());
            Map<String, String> settings = RoundTripSetup.plain("127.0.0.1", server.smtpPort(), proxy.port(),
                    BenchMailServer.SENDER, BenchMailServer.PROBE, "probe", BenchMailServer.PASSWORD);
            try (Sensor sensor = RoundTripSetup.sensor(settings)) {
                measureSensor(sensor, server, proxy, "first run of a fresh instance", 1, 0);
                measureSensor(sensor, server, proxy, "steady, no new foreign mail", runs, 0);
                measureSensor(sensor, server, proxy, "steady, " + newPerRun + " new foreign mails before each run",
                        runs, newPerRun);
            }
            measureNaive(proxy, naivePolls);
        }
    }

    private static void measureSensor(Sensor sensor, BenchMailServer server, CountingProxy proxy, String label,
                                      int runs, int newPerRun) throws Exception {
        List<Double> millis = new ArrayList<>();
        int before = proxy.connections().size();
        for (int run = 0; run < runs; run++) {
            server.addForeignMails(BenchMailServer.PROBE, newPerRun);
            SensorResult result = RoundTripSetup.runOnce(sensor);
            if (result.status() != Status.UP) {
                throw new IllegalStateException("round trip not UP: " + result.message());
            }
            millis.add(result.channel("pop3").value());
        }
        List<CountingProxy.Connection> polls = proxy.connections();
        print("sensor, " + label, polls.subList(before, polls.size()), runs);
        System.out.println("  POP3 leg ms per run: " + Spread.of(millis).describe("%.1f"));
    }

    private static void measureNaive(CountingProxy proxy, int polls) throws Exception {
        int before = proxy.connections().size();
        NaivePop3Scan scan = new NaivePop3Scan(proxy.port(), "probe", BenchMailServer.PASSWORD);
        List<Double> millis = new ArrayList<>();
        for (int n = 0; n < polls; n++) {
            long start = System.nanoTime();
            scan.poll();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        List<CountingProxy.Connection> connections = proxy.connections();
        print("naive scan (UIDL + TOP n 0 of every message)", connections.subList(before, connections.size()), polls);
        System.out.println("  poll ms: " + Spread.of(millis).describe("%.1f"));
    }

    private static void print(String label, List<CountingProxy.Connection> polls, int runs) {
        System.out.printf(Locale.ROOT, "%s: %d runs, %d POP3 connections (polls); %s%n", label, runs, polls.size(),
                MachineLoad.now());
        System.out.println("  bytes read per poll:  " + Spread.of(polls.stream().map(c -> c.bytesToClient()).toList())
                .describe("%.0f"));
        System.out.println("  bytes sent per poll:  " + Spread.of(polls.stream().map(c -> c.bytesToServer()).toList())
                .describe("%.0f"));
        System.out.println("  commands per poll:    " + Spread.of(polls.stream().map(c -> c.commands()).toList())
                .describe("%.0f"));
        System.out.println("  TOP per poll:         " + Spread.of(polls.stream().map(c -> c.topCommands()).toList())
                .describe("%.0f"));
    }
}
