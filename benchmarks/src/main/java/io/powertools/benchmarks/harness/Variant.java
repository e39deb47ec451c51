package io.powertools.benchmarks.harness;

import io.powertools.benchmarks.support.Dependencies;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One handler stack run in child JVMs: its handler, its class path (only its own dependencies plus
 * the runtime interface client) and its Log4j2 configuration.
 *
 * @param key short name used in tables and charts
 * @param label human-readable name
 * @param handler handler name for the runtime client
 * @param classpath the child's class path
 * @param log4jConfig classpath resource of the Log4j2 configuration, or null for none
 */
public record Variant(String key, String label, String handler, List<Path> classpath, String log4jConfig) {

    private static final String HANDLERS = "io.powertools.benchmarks.handlers.";

    /**
     * The variants of the comparison. The io.powertools ones run with no Log4j2 configuration file,
     * so they get the library's default configuration, as a function that adds only the dependency
     * does; one more runs the functional handler with the documented {@code log4j2.xml} and JSON
     * Template Layout, as a function migrated from Powertools with its configuration file would.
     *
     * @return bare, bare Log4j2 JSON, ours (functional, annotated, functional with tracing, functional with log4j2.xml),
     *     Powertools 2.9.0 (annotated, functional)
     */
    public static List<Variant> all() {
        Dependencies deps = Dependencies.get();
        List<Path> bare = withClasses(deps.files(Dependencies.RUNTIME_CLIENT));
        List<Path> log4j = withClasses(deps.files(Dependencies.RUNTIME_CLIENT, Dependencies.LOG4J));
        List<Path> ours = withClasses(deps.files(Dependencies.RUNTIME_CLIENT, Dependencies.LOG4J, Dependencies.OURS));
        List<Path> traced = withClasses(deps.files(Dependencies.RUNTIME_CLIENT, Dependencies.LOG4J, Dependencies.OURS,
                Dependencies.TRACING));
        List<Path> powertools = withClasses(deps.files(Dependencies.RUNTIME_CLIENT, Dependencies.LOG4J,
                Dependencies.JACKSON, Dependencies.POWERTOOLS));
        return List.of(
                new Variant("bare", "bare (System.out)", HANDLERS + "BareHandler::handleRequest", bare, null),
                new Variant("log4j", "bare Log4j2 JSON", HANDLERS + "Log4jJsonHandler::handleRequest", log4j,
                        "bench/log4j2-static.xml"),
                new Variant("ours-functional", "io.powertools functional", HANDLERS + "OursFunctionalHandler::handleRequest",
                        ours, null),
                new Variant("ours-annotated", "io.powertools annotated", HANDLERS + "OursAnnotatedHandler::handleRequest",
                        ours, null),
                new Variant("ours-traced", "io.powertools functional + tracing",
                        HANDLERS + "OursTracedHandler::handleRequest", traced, null),
                new Variant("ours-functional-template", "io.powertools functional, log4j2.xml",
                        HANDLERS + "OursFunctionalHandler::handleRequest", ours, "bench/log4j2-ours.xml"),
                new Variant("powertools-annotated", "Powertools 2.9.0 annotated",
                        HANDLERS + "PowertoolsAnnotatedHandler::handleRequest", powertools, "bench/log4j2-powertools.xml"),
                new Variant("powertools-functional", "Powertools 2.9.0 functional",
                        HANDLERS + "PowertoolsFunctionalHandler::handleRequest", powertools, "bench/log4j2-powertools.xml"));
    }

    /**
     * One variant by key.
     *
     * @param key the key
     * @return the variant
     */
    public static Variant named(String key) {
        return all().stream().filter(v -> v.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No variant " + key));
    }

    /**
     * JVM arguments this variant needs (its Log4j2 configuration).
     *
     * @return the arguments
     */
    public List<String> jvmArgs() {
        List<String> args = new ArrayList<>();
        if (log4jConfig != null) {
            args.add("-Dlog4j2.configurationFile=classpath:" + log4jConfig);
        }
        return args;
    }

    private static List<Path> withClasses(List<Path> jars) {
        List<Path> entries = new ArrayList<>(jars);
        entries.add(Dependencies.benchmarkClasses());
        return entries;
    }
}
