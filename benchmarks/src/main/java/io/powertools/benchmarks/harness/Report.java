package io.powertools.benchmarks.harness;

import io.powertools.benchmarks.JmhSuite;
import io.powertools.benchmarks.batch.BatchParallelismBenchmark;
import io.powertools.benchmarks.support.Dependencies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Turns measurements into the Markdown tables and PNG charts of docs/benchmarks.md: every ratio
 * next to its goal, with "met" or "missed by x%".
 */
public final class Report {

    private final Path images;
    private final StringBuilder text = new StringBuilder();

    /**
     * Starts a report.
     *
     * @param images where charts go (docs/images)
     */
    public Report(Path images) {
        this.images = images;
    }

    /**
     * Adds the JMH section.
     *
     * @param results the full run's results
     */
    public void jmh(Collection<RunResult> results) {
        Map<String, Double> score = new LinkedHashMap<>();
        Map<String, Double> error = new LinkedHashMap<>();
        Map<String, String> unit = new LinkedHashMap<>();
        Map<String, Double> alloc = new LinkedHashMap<>();
        for (RunResult result : results) {
            String name = JmhSuite.shortName(result.getParams().getBenchmark());
            Result<?> primary = result.getPrimaryResult();
            score.put(name, primary.getScore());
            error.put(name, primary.getScoreError());
            unit.put(name, primary.getScoreUnit());
            Result<?> norm = result.getSecondaryResults().get("gc.alloc.rate.norm");
            if (norm != null) {
                alloc.put(name, norm.getScore());
            }
        }
        text.append("### JMH results\n\n| benchmark | score | ± (99.9%) | unit | allocated B/op |\n|---|---:|---:|---|---:|\n");
        score.forEach((name, value) -> text.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", name,
                BarChart.format(value), BarChart.format(error.get(name)), unit.get(name),
                alloc.containsKey(name) ? String.format(Locale.ROOT, "%,.0f", alloc.get(name)) : "n/a")));
        text.append("\n### Ratios against goals (JMH)\n\n| comparison | ratio | goal | verdict |\n|---|---:|---|---|\n");
        ratio(score, "LogLineBenchmark.ours", "LogLineBenchmark.plainLog4j", "log line, ours / plain JsonTemplateLayout", 1.2, true);
        ratio(score, "LogLineBenchmark.oursJsonLayout", "LogLineBenchmark.plainLog4j",
                "log line, ours with PowertoolsJsonLayout / plain JsonTemplateLayout", Double.NaN, true);
        ratio(score, "LogInvocationBenchmark.ours", "LogInvocationBenchmark.powertools",
                "log invocation, ours / Powertools 2.9.0", 0.6, true);
        ratio(score, "LogInvocationBenchmark.oursJsonLayout", "LogInvocationBenchmark.powertools",
                "log invocation, ours with PowertoolsJsonLayout / Powertools 2.9.0", Double.NaN, true);
        ratio(score, "MetricsFlushBenchmark.ours", "MetricsFlushBenchmark.powertools",
                "metrics flush, ours / Powertools 2.9.0", 0.3, true);
        ratio(score, "MetricsFlushBenchmark.ours", "MetricsFlushBenchmark.jackson",
                "metrics flush, ours / hand-written Jackson", 1.5, true);
        if (score.containsKey("LogInvocationBenchmark.ours") && score.containsKey("MetricsFlushBenchmark.ours")) {
            double ours = score.get("LogInvocationBenchmark.ours") + score.get("MetricsFlushBenchmark.ours");
            double theirs = score.get("LogInvocationBenchmark.powertools") + score.get("MetricsFlushBenchmark.powertools");
            row("logging + metrics per invocation, ours / Powertools 2.9.0", ours / theirs, 0.5, true);
        }
        ratio(score, "IdempotencyKeyBenchmark.ours", "IdempotencyKeyBenchmark.baseline",
                "idempotency key + hash, ours / straightforward", Double.NaN, true);
        ratio(score, "IdempotencyDynamoDbBenchmark.oursFirstCall", "IdempotencyDynamoDbBenchmark.rawFirstCall",
                "idempotent first call, ours / raw put+update", 1.1, true);
        ratio(score, "IdempotencyDynamoDbBenchmark.oursDuplicate", "IdempotencyDynamoDbBenchmark.rawDuplicate",
                "idempotent duplicate, ours / raw put (+ get where the server returns no item)", 1.1, true);
        if (score.containsKey("BatchParallelismBenchmark.parallel16")) {
            double ideal = (double) BatchParallelismBenchmark.RECORDS * BatchParallelismBenchmark.IO_MILLIS
                    / BatchParallelismBenchmark.PARALLELISM;
            row("batch of 100 x 20 ms at parallel(16), ours / ideal 125 ms",
                    score.get("BatchParallelismBenchmark.parallel16") / ideal, 1.25, true);
        }
        ratio(score, "BatchParallelismBenchmark.parallel16", "BatchParallelismBenchmark.sequential",
                "batch parallel(16) / sequential", Double.NaN, true);
        ratio(score, "BatchParallelismBenchmark.parallel16", "BatchParallelismBenchmark.parallelStream",
                "batch parallel(16) / parallelStream", Double.NaN, true);
        text.append('\n');
        chart("jmh-logging.png", "Logging (ns per op, lower is better)", "ns", score, Map.of(
                "LogLineBenchmark.ours", "line: ours, template", "LogLineBenchmark.oursJsonLayout",
                "line: ours, JsonLayout", "LogLineBenchmark.plainLog4j", "line: plain Log4j2 JSON",
                "LogInvocationBenchmark.ours", "invocation: ours, template",
                "LogInvocationBenchmark.oursJsonLayout", "invocation: ours, JsonLayout",
                "LogInvocationBenchmark.powertools", "invocation: Powertools 2.9.0"));
        chart("jmh-metrics.png", "Metrics flush, 10 metrics x 3 dimensions (ns per op, lower is better)", "ns", score,
                Map.of("MetricsFlushBenchmark.ours", "io.powertools", "MetricsFlushBenchmark.jackson",
                        "hand-written Jackson", "MetricsFlushBenchmark.powertools", "Powertools 2.9.0"));
        chart("jmh-idempotency.png", "Idempotency on dynalite over loopback (us per call, lower is better)", "us", score,
                Map.of("IdempotencyDynamoDbBenchmark.oursFirstCall", "first call: io.powertools",
                        "IdempotencyDynamoDbBenchmark.rawFirstCall", "first call: raw put+update",
                        "IdempotencyDynamoDbBenchmark.oursDuplicate", "duplicate: io.powertools",
                        "IdempotencyDynamoDbBenchmark.rawDuplicate", "duplicate: raw put+get"));
    }

    /**
     * Adds the cold-start section.
     *
     * @param times milliseconds per run by variant key
     */
    public void coldStart(Map<String, List<Double>> times) {
        Map<String, Stats> stats = summarise(times);
        text.append("### Cold start (JVM launch to first response, ms)\n\n| variant | runs | min | median | max |\n"
                + "|---|---:|---:|---:|---:|\n");
        stats.forEach((key, s) -> text.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f |%n",
                Variant.named(key).label(), s.count(), s.min(), s.median(), s.max())));
        text.append("\n| comparison (medians) | ratio | goal | verdict |\n|---|---:|---|---|\n");
        coldRatio(stats, "ours-annotated", "powertools-annotated", 0.7);
        coldRatio(stats, "ours-functional", "powertools-functional", 0.7);
        coldRatio(stats, "ours-annotated", "log4j", 1.15);
        coldRatio(stats, "ours-functional", "log4j", 1.15);
        coldRatio(stats, "ours-functional-template", "powertools-functional", Double.NaN);
        coldRatio(stats, "ours-functional-template", "log4j", Double.NaN);
        coldRatio(stats, "log4j", "bare", Double.NaN);
        text.append('\n');
        BarChart chart = new BarChart("Cold start: JVM launch to first response (median, whiskers min..max; ms)", "ms");
        stats.forEach((key, s) -> chart.bar(Variant.named(key).label(), s.median(), s.min(), s.max(), colour(key)));
        chart.write(images.resolve("cold-start.png"));
    }

    /**
     * Adds the throughput section.
     *
     * @param result invocations per second and child CPU per invocation, per batch, by variant key
     * @param concurrency handler threads
     * @param invocations invocations per batch
     */
    public void throughput(Throughput.Result result, int concurrency, int invocations) {
        Map<String, Stats> stats = summarise(result.rates());
        text.append(String.format(Locale.ROOT, "### Throughput at concurrency %d (%d invocations per batch, invocations/s)%n%n",
                concurrency, invocations));
        text.append("| variant | batches | min | median | max |\n|---|---:|---:|---:|---:|\n");
        stats.forEach((key, s) -> text.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f |%n",
                Variant.named(key).label(), s.count(), s.min(), s.median(), s.max())));
        text.append("\n| comparison (medians) | ratio | goal | verdict |\n|---|---:|---|---|\n");
        for (String key : stats.keySet()) {
            if (!key.equals("bare")) {
                row(Variant.named(key).label() + " / bare", stats.get(key).median() / stats.get("bare").median(),
                        key.startsWith("ours") ? 0.9 : Double.NaN, false);
            }
        }
        text.append('\n');
        throughputCpu(summarise(result.childCpuMicros()));
        BarChart chart = new BarChart("Throughput at concurrency " + concurrency
                + " (median, whiskers min..max; invocations/s, higher is better)", "/s");
        stats.forEach((key, s) -> chart.bar(Variant.named(key).label(), s.median(), s.min(), s.max(), colour(key)));
        chart.write(images.resolve("throughput.png"));
    }

    private void throughputCpu(Map<String, Stats> cpu) {
        if (cpu.values().stream().anyMatch(s -> s.count() == 0) || !cpu.containsKey("bare")) {
            return; // the platform does not report the child's CPU time
        }
        text.append("CPU time of the function's JVM per invocation (µs, per batch; the harness JVM's work is not in it)\n\n"
                + "| variant | min | median | max | median / bare |\n|---|---:|---:|---:|---:|\n");
        double bare = cpu.get("bare").median();
        cpu.forEach((key, s) -> text.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.2fx |%n",
                Variant.named(key).label(), s.min(), s.median(), s.max(), s.median() / bare)));
        text.append('\n');
    }

    /**
     * Adds the SnapStart priming section (issue 7).
     *
     * @param result first-invocation and init times by {@link Priming} key
     */
    public void priming(Priming.Result result) {
        Map<String, Stats> first = summarise(result.firstInvocation());
        Map<String, Stats> init = summarise(result.init());
        text.append("### SnapStart priming: first invocation after the restore (ms)\n\n| variant | runs | min | median | max"
                + " | init to first poll, median |\n|---|---:|---:|---:|---:|---:|\n");
        first.forEach((key, s) -> text.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.0f |%n",
                Priming.label(key), s.count(), s.min(), s.median(), s.max(), init.get(key).median())));
        text.append("\n| comparison (medians) | ratio | goal | verdict |\n|---|---:|---|---|\n");
        double unprimed = first.get(Priming.UNPRIMED).median();
        row("first invocation, " + Priming.label(Priming.PRIMED) + " / " + Priming.label(Priming.UNPRIMED),
                first.get(Priming.PRIMED).median() / unprimed, Priming.GOAL, true);
        text.append('\n');
        BarChart chart = new BarChart("First invocation after a SnapStart restore (median, whiskers min..max; ms)", "ms")
                .goal(Priming.GOAL * unprimed, "goal: " + Priming.GOAL + "x priming off");
        first.forEach((key, s) -> chart.bar(Priming.label(key), s.median(), s.min(), s.max(),
                Priming.PRIMED.equals(key) ? BarChart.OURS : BarChart.BASELINE));
        chart.write(images.resolve("priming.png"));
    }

    /**
     * Adds the footprint section.
     *
     * @param classes classes loaded per source, by variant key
     * @param moduleJars size of each module's jar, by name
     */
    public void footprint(Map<String, Map<String, Integer>> classes, Map<String, Long> moduleJars) {
        text.append("### Jar sizes\n\n| module | jar KiB |\n|---|---:|\n");
        moduleJars.forEach((name, bytes) -> text.append(String.format(Locale.ROOT, "| %s | %.1f |%n", name, bytes / 1024.0)));
        text.append("\n### Classes loaded by the first invocation\n\n| variant | class path MiB | total | JDK | by source (non-JDK) |\n"
                + "|---|---:|---:|---:|---|\n");
        BarChart chart = new BarChart("Classes loaded by the first invocation (lower is better)", "classes");
        classes.forEach((key, counts) -> {
            StringBuilder sources = new StringBuilder();
            counts.forEach((source, n) -> {
                if (!source.equals("total") && !source.equals(Footprint.JDK)) {
                    sources.append(sources.length() == 0 ? "" : ", ").append(shortSource(source)).append(' ').append(n);
                }
            });
            text.append(String.format(Locale.ROOT, "| %s | %.1f | %d | %d | %s |%n", Variant.named(key).label(),
                    Footprint.classpathBytes(Variant.named(key)) / (1024.0 * 1024.0), counts.get("total"),
                    counts.getOrDefault(Footprint.JDK, 0), sources));
            chart.bar(Variant.named(key).label(), counts.get("total"), colour(key));
        });
        text.append('\n');
        chart.write(images.resolve("classes-loaded.png"));
    }

    /**
     * Writes the Markdown.
     *
     * @param file the target
     * @return the text
     */
    public String write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private void ratio(Map<String, Double> score, String ours, String theirs, String label, double goal,
            boolean lowerIsBetter) {
        if (score.containsKey(ours) && score.containsKey(theirs)) {
            row(label, score.get(ours) / score.get(theirs), goal, lowerIsBetter);
        }
    }

    private void coldRatio(Map<String, Stats> stats, String ours, String theirs, double goal) {
        if (stats.containsKey(ours) && stats.containsKey(theirs)) {
            row(Variant.named(ours).label() + " / " + Variant.named(theirs).label(),
                    stats.get(ours).median() / stats.get(theirs).median(), goal, true);
        }
    }

    private void row(String label, double ratio, double goal, boolean lowerIsBetter) {
        String goalText;
        String verdict;
        if (Double.isNaN(goal)) {
            goalText = "none";
            verdict = "(information)";
        } else {
            goalText = (lowerIsBetter ? "<= " : ">= ") + goal + "x";
            boolean met = lowerIsBetter ? ratio <= goal : ratio >= goal;
            verdict = met ? "met" : String.format(Locale.ROOT, "**missed** by %.0f%%",
                    Math.abs(ratio / goal - 1) * 100);
        }
        text.append(String.format(Locale.ROOT, "| %s | %.2fx | %s | %s |%n", label, ratio, goalText, verdict));
    }

    private void chart(String file, String title, String unit, Map<String, Double> score, Map<String, String> labels) {
        BarChart chart = new BarChart(title, unit);
        boolean any = false;
        for (Map.Entry<String, Double> entry : score.entrySet()) {
            String label = labels.get(entry.getKey());
            if (label != null) {
                chart.bar(label, entry.getValue(), colour(entry.getKey()));
                any = true;
            }
        }
        if (any) {
            chart.write(images.resolve(file));
        }
    }

    private static java.awt.Color colour(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.contains("powertools")) {
            return BarChart.POWERTOOLS;
        }
        if (lower.contains("ours")) {
            return BarChart.OURS;
        }
        return BarChart.BASELINE;
    }

    private static String shortSource(String source) {
        int colon = source.indexOf(':');
        return colon >= 0 && source.indexOf('.') < colon ? source.substring(colon + 1) : source;
    }

    private static Map<String, Stats> summarise(Map<String, List<Double>> values) {
        Map<String, Stats> stats = new LinkedHashMap<>();
        values.forEach((key, list) -> stats.put(key, Stats.of(list)));
        return stats;
    }

    /**
     * Sizes of this project's module jars and of the Powertools 2.9.0 jars they are compared with.
     *
     * @return bytes by module
     */
    public static Map<String, Long> moduleJars() {
        Dependencies deps = Dependencies.get();
        Map<String, Long> sizes = new LinkedHashMap<>();
        Path core = deps.file("io.powertools:powertools-core");
        for (String module : List.of("core", "logging", "metrics", "idempotency", "batch", "snapstart", "testing")) {
            Path jar = Path.of(core.toString().replace("powertools-core", "powertools-" + module));
            if (Files.exists(jar)) {
                sizes.put("io.powertools:powertools-" + module, Footprint.size(jar));
            }
        }
        for (String id : List.of("software.amazon.lambda:powertools-logging", "software.amazon.lambda:powertools-logging-log4j",
                "software.amazon.lambda:powertools-metrics", "software.amazon.lambda:powertools-common",
                "software.amazon.lambda:powertools-serialization", "software.amazon.cloudwatchlogs:aws-embedded-metrics")) {
            sizes.put(id + " (2.9.0 baseline)", Footprint.size(deps.file(id)));
        }
        return sizes;
    }
}
