package io.powertools.benchmarks;

import io.powertools.benchmarks.harness.ColdStart;
import io.powertools.benchmarks.harness.Footprint;
import io.powertools.benchmarks.harness.Priming;
import io.powertools.benchmarks.harness.Report;
import io.powertools.benchmarks.harness.Throughput;
import io.powertools.benchmarks.harness.Variant;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The full benchmark run behind docs/benchmarks.md. Arguments: parts to run ({@code all}, or any of
 * {@code jmh coldstart throughput footprint priming}) and options {@code --runs=N} (cold starts and
 * priming runs per variant, default 10), {@code --invocations=N} (per throughput batch, default 4000), {@code --rounds=N}
 * (throughput batches per variant, default 5), {@code --include=REGEX} (JMH benchmarks).
 * Writes target/benchmark-results/report.md and the charts into docs/images.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    /**
     * Runs the benchmarks.
     *
     * @param args parts and options
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        Set<String> parts = Arrays.stream(args).filter(a -> !a.startsWith("--")).collect(Collectors.toSet());
        Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("="))
                .forEach(a -> options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1)));
        boolean all = parts.isEmpty() || parts.contains("all");
        Path docs = Path.of(System.getProperty("benchmark.docs", "docs"));
        Report report = new Report(docs.resolve("images"));

        if (all || parts.contains("jmh")) {
            report.jmh(JmhSuite.full(options.get("include")));
        }
        if (all || parts.contains("coldstart")) {
            int runs = Integer.parseInt(options.getOrDefault("runs", "10"));
            report.coldStart(ColdStart.measure(Variant.all(), runs));
        }
        if (all || parts.contains("throughput")) {
            int invocations = Integer.parseInt(options.getOrDefault("invocations", "4000"));
            int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
            List<Variant> variants = List.of(Variant.named("bare"), Variant.named("ours-functional"),
                    Variant.named("ours-annotated"), Variant.named("powertools-annotated"));
            report.throughput(Throughput.measure(variants, 32, invocations, rounds), 32, invocations);
        }
        if (all || parts.contains("priming")) {
            int runs = Integer.parseInt(options.getOrDefault("runs", "10"));
            report.priming(Priming.measure(runs));
        }
        if (all || parts.contains("footprint")) {
            Map<String, Map<String, Integer>> classes = new LinkedHashMap<>();
            for (Variant variant : Variant.all()) {
                classes.put(variant.key(), Footprint.classesLoaded(variant));
            }
            report.footprint(classes, Report.moduleJars());
        }
        Path out = Path.of(System.getProperty("benchmark.classes", "target/classes")).getParent()
                .resolve("benchmark-results").resolve("report.md");
        System.out.println(report.write(out));
        System.out.println("Report written to " + out + "; charts in " + docs.resolve("images"));
    }
}
