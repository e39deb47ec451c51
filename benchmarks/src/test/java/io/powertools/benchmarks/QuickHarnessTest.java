package io.powertools.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.powertools.benchmarks.harness.ColdStart;
import io.powertools.benchmarks.harness.Footprint;
import io.powertools.benchmarks.harness.Priming;
import io.powertools.benchmarks.harness.Report;
import io.powertools.benchmarks.harness.Throughput;
import io.powertools.benchmarks.harness.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's quick mode: every cold-start variant starts once through the real runtime client
 * and answers, the throughput run completes a small batch at concurrency 32, class loading is
 * counted, the SnapStart priming run passes its correctness checks, and the report with its charts
 * is produced. No timing is asserted.
 */
class QuickHarnessTest {

    @TempDir
    Path docs;

    @Test
    void everyVariantStartsAnswersAndIsReported() throws Exception {
        List<Variant> variants = Variant.all();
        Map<String, List<Double>> coldStarts = ColdStart.measure(variants, 1);
        assertEquals(variants.size(), coldStarts.size());

        Throughput.Result throughput = Throughput.measure(
                List.of(Variant.named("bare"), Variant.named("ours-functional")), 32, 64, 1);
        assertEquals(2, throughput.rates().size());
        throughput.childCpuMicros().forEach((key, perBatch) ->
                assertTrue(perBatch.stream().allMatch(micros -> micros > 0), key + " child CPU: " + perBatch));

        Map<String, Integer> classes = Footprint.classesLoaded(Variant.named("ours-annotated"));
        assertTrue(classes.get("total") > 0);
        assertTrue(classes.containsKey("io.powertools:powertools-logging"), "classes by source: " + classes);

        Report report = new Report(docs.resolve("images"));
        report.coldStart(coldStarts);
        report.throughput(throughput, 32, 64);
        report.footprint(Map.of("ours-annotated", classes), Report.moduleJars());
        String text = report.write(docs.resolve("report.md"));
        assertTrue(text.contains("Cold start"));
        assertTrue(text.contains("CPU time of the function's JVM per invocation"), text);
        assertTrue(Files.size(docs.resolve("images/cold-start.png")) > 0);
    }

    @Test
    void primingRunsBothVariantsAndPassesItsChecks() {
        // measure throws when priming wrote a record, printed EMF or a priming log line, or did not run.
        Priming.Result result = Priming.measure(1);
        assertEquals(2, result.verifiedRuns());
        assertEquals(1, result.firstInvocation().get(Priming.PRIMED).size());
        assertEquals(1, result.firstInvocation().get(Priming.UNPRIMED).size());

        Report report = new Report(docs.resolve("images"));
        report.priming(result);
        assertTrue(report.write(docs.resolve("report.md")).contains("SnapStart priming"));
        assertTrue(Files.exists(docs.resolve("images/priming.png")));
    }
}
