package io.powertools.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.examples.demo.DemoReport.Check;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The demo's code path at CI size ({@link DemoConfig#small()}): both functions on the real Lambda
 * runtime client against dynalite, and a summary whose counts are exact.
 */
class DemoRunTest {

    @Test
    void summaryCountsAreExact() {
        DemoConfig config = DemoConfig.small();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        DemoReport report = DemoRun.run(config, new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(report.checks()).allSatisfy(check -> assertThat(check.actual()).as(check.what())
                .isEqualTo(check.expected()));
        assertThat(report.checks()).extracting(Check::what).hasSize(10);
        FunctionStats orders = report.stats(DemoRun.ORDERS_FUNCTION);
        assertThat(orders.invocations()).isEqualTo(config.orderInvocations());
        assertThat(orders.duplicatesSuppressed()).isEqualTo(config.duplicateOrders());
        assertThat(orders.failuresReported()).isEqualTo(config.badRequests());
        assertThat(orders.functionErrors()).isZero();
        assertThat(orders.p99()).isGreaterThanOrEqualTo(orders.p50()).isPositive();
        FunctionStats payments = report.stats(DemoRun.PAYMENTS_FUNCTION);
        assertThat(payments.invocations()).isEqualTo(config.batches() + config.redeliveredBatches());
        assertThat(payments.failuresReported()).isEqualTo(config.poisonMessages());
        assertThat(payments.duplicatesSuppressed()).isEqualTo(config.redeliveredMessages());
        assertThat(report.ordersStored()).isEqualTo(config.orders());
        assertThat(report.paymentsStored()).isEqualTo(config.goodPayments());
        assertThat(report.sampleEmfBlobs()).hasSize(4).allSatisfy(blob -> assertThat(blob).contains("\"_aws\""));
        assertThat(report.sampleLogLines()).hasSize(5)
                .allSatisfy(line -> assertThat(line).contains("\"function_request_id\""));
        assertThat(report.batchFailures()).hasSize(config.batches());
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("100%");
    }

    @Test
    void printsTheSummaryTableAndChecks() {
        DemoConfig config = DemoConfig.small();
        DemoReport report = new DemoReport(config, java.util.List.of(new FunctionStats("orders-api", 50, 0, 8, 2,
                java.time.Duration.ofMillis(12), java.time.Duration.ofMillis(80))), java.util.List.of("{\"level\":\"INFO\"}"),
                java.util.List.of("{\"_aws\":{}}"), java.util.List.of(), java.util.List.of(), 40, 16,
                java.util.List.of(new Check("something counted", 3, 3)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ReportPrinter.print(report, new PrintStream(out, true, StandardCharsets.UTF_8));

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("| orders-api |          50 |               0 |                    8 |")
                .contains("[ OK ] something counted").contains("All checks passed.");
    }
}
