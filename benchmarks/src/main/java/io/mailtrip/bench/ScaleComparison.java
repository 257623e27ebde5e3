package io.mailtrip.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Issue 17: several runners side by side in one sitting. Runs {@link ScaleBenchmark} for each runner in
 * turn, {@code rounds} times (A, B, A, B, ...), so that the load of the shared machine falls on all of
 * them alike; then prints per runner the medians of runner CPU and start jitter (p50, p99, max) with the
 * load, and the medians of the ratios between runs of the same round.
 *
 * <p>Usage: {@code ScaleComparison rounds instances warmupSeconds windowSeconds interval - runnerXmx none|full
 * yml|json label=runnerJar[@none|@full] ...}: the {@link ScaleBenchmark} arguments with {@code -} for its
 * runner jar, which each label names instead; the first runner is the one the ratios divide by.
 */
public final class ScaleComparison {

    private ScaleComparison() {
    }

    /** One runner under comparison; {@code run} carries its jar and history mode. */
    private record Contender(String label, ScaleRun run, List<ScaleBenchmark.Figures> figures) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        ScaleRun common = ScaleRun.of(Arrays.copyOfRange(args, 1, 9));
        List<Contender> contenders = new ArrayList<>();
        for (String spec : Arrays.copyOfRange(args, 9, args.length)) {
            String label = spec.substring(0, spec.indexOf('='));
            String jar = spec.substring(spec.indexOf('=') + 1);
            boolean full = common.fullHistory();
            if (jar.endsWith("@none") || jar.endsWith("@full")) {
                full = jar.endsWith("@full");
                jar = jar.substring(0, jar.length() - 5);
            }
            contenders.add(new Contender(label, common.withRunner(Path.of(jar), full), new ArrayList<>()));
        }
        for (int round = 1; round <= rounds; round++) {
            for (Contender contender : contenders) {
                System.out.printf(Locale.ROOT, "%n== round %d of %d: %s (%s)%n", round, rounds, contender.label(),
                        contender.run().runnerJar());
                ScaleBenchmark.Figures figures = ScaleBenchmark.measure(contender.run());
                contender.figures().add(figures);
                System.out.printf(Locale.ROOT, "== %s round %d: %s%n", contender.label(), round, line(figures));
            }
        }
        report(contenders);
    }

    private static String line(ScaleBenchmark.Figures f) {
        Spread jitter = f.outcome().jitterMillis();
        return String.format(Locale.ROOT, "CPU %.1f %%, jitter ms p50 %.1f p99 %.1f max %.1f, lost %d, doubled %d,"
                + " load %.2f -> %.2f", f.runnerCpu(), jitter.median(), jitter.p99(), jitter.max(), f.outcome().lost(),
                f.outcome().duplicates(), f.loadStart(), f.loadEnd());
    }

    private static void report(List<Contender> contenders) {
        Map<String, ToDoubleFunction<ScaleBenchmark.Figures>> measures = new LinkedHashMap<>();
        measures.put("runner CPU %", ScaleBenchmark.Figures::runnerCpu);
        measures.put("jitter p50 ms", f -> f.outcome().jitterMillis().median());
        measures.put("jitter p99 ms", f -> f.outcome().jitterMillis().p99());
        measures.put("jitter max ms", f -> f.outcome().jitterMillis().max());
        measures.put("load at start", ScaleBenchmark.Figures::loadStart);
        measures.put("load at end", ScaleBenchmark.Figures::loadEnd);
        Contender base = contenders.get(0);
        System.out.printf(Locale.ROOT, "%nmedians over %d rounds (min - max); ratio = median of the per-round ratios to %s%n",
                base.figures().size(), base.label());
        for (Contender contender : contenders) {
            System.out.printf(Locale.ROOT, "%s: lost %d, doubled %d%n", contender.label(),
                    contender.figures().stream().mapToInt(f -> f.outcome().lost()).sum(),
                    contender.figures().stream().mapToInt(f -> f.outcome().duplicates()).sum());
            measures.forEach((name, measure) -> {
                Spread spread = Spread.of(contender.figures().stream().mapToDouble(measure).toArray());
                List<Double> ratios = new ArrayList<>();
                for (int r = 0; r < contender.figures().size(); r++) {
                    ratios.add(measure.applyAsDouble(contender.figures().get(r))
                            / measure.applyAsDouble(base.figures().get(r)));
                }
                System.out.printf(Locale.ROOT, "  %-14s %8.2f (%.2f - %.2f)   ratio %.2f%n", name, spread.median(),
                        spread.min(), spread.max(), Spread.of(ratios).median());
            });
        }
    }
}
