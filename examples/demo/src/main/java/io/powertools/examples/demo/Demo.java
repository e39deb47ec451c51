package io.powertools.examples.demo;

/**
 * The demo's entry point: {@code mvn -B -q -f examples/demo/pom.xml exec:exec}, or
 * with {@code -Ddemo.size=small} for the scaled-down run. Exits with 1 if a check fails.
 */
public final class Demo {

    private Demo() {
    }

    /**
     * Runs the full demo, or the scaled-down one.
     *
     * @param args {@code small} for the CI-sized run, else the full one
     */
    public static void main(String[] args) {
        // This JVM only runs the drivers: keep its own logging quiet.
        System.setProperty("log4j2.configurationFile", "classpath:demo-log4j2.xml");
        DemoConfig config = args.length > 0 && args[0].equals("small") ? DemoConfig.small() : DemoConfig.full();
        System.out.println("io.powertools demo: two example functions on the real Lambda Java runtime client,"
                + " dynalite as the DynamoDB. No AWS account, no network.");
        DemoReport report = DemoRun.run(config, System.out);
        ReportPrinter.print(report, System.out);
        System.exit(report.passed() ? 0 : 1);
    }
}
