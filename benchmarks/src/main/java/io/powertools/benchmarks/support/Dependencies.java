package io.powertools.benchmarks.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The module's resolved dependencies (all scopes) with their files, read from the list Maven writes
 * at build time ({@code target/benchmark-dependencies.txt}, path in system property
 * {@code benchmark.dependencies}). The harness builds each child JVM's class path and the isolated
 * Powertools class loader from it, so every variant gets exactly the jars it needs.
 */
public final class Dependencies {

    /** The runtime interface client and what it needs. */
    public static final List<String> RUNTIME_CLIENT = List.of(
            "com.amazonaws:aws-lambda-java-runtime-interface-client", "com.amazonaws:aws-lambda-java-core",
            "com.amazonaws:aws-lambda-java-serialization", "software.amazon.awssdk:utils-lite",
            "software.amazon.awssdk:annotations");

    /** Log4j2 with JSON Template Layout behind SLF4J. */
    public static final List<String> LOG4J = List.of(
            "org.apache.logging.log4j:log4j-api", "org.apache.logging.log4j:log4j-core",
            "org.apache.logging.log4j:log4j-layout-template-json", "org.apache.logging.log4j:log4j-slf4j2-impl",
            "org.slf4j:slf4j-api");

    /** Jackson databind. */
    public static final List<String> JACKSON = List.of(
            "com.fasterxml.jackson.core:jackson-core", "com.fasterxml.jackson.core:jackson-databind",
            "com.fasterxml.jackson.core:jackson-annotations");

    /**
     * This library's logging and metrics (the "full stack" of the comparison) beyond Log4j: what Maven
     * resolves for the two modules. Jackson is optional for them, so it is not there.
     */
    public static final List<String> OURS = List.of(
            "io.powertools:powertools-core", "io.powertools:powertools-logging", "io.powertools:powertools-metrics",
            "org.aspectj:aspectjrt");

    /** Tracing, beyond {@link #OURS}: the cold-start variant with X-Ray tracing. */
    public static final List<String> TRACING = List.of("io.powertools:powertools-tracing");

    /**
     * What the SnapStart priming function needs beyond {@link #OURS}: idempotency, SnapStart (with
     * org.crac) and the DynamoDB client on the URL-connection HTTP client, without the SDK's other
     * HTTP clients (a function package leaves them out).
     */
    public static final List<String> PRIMED_FUNCTION = List.of(
            "io.powertools:powertools-idempotency", "io.powertools:powertools-snapstart", "org.crac:crac",
            "com.fasterxml.jackson.datatype:jackson-datatype-jsr310", "io.burt:jmespath-jackson", "io.burt:jmespath-core",
            "software.amazon.awssdk:dynamodb", "software.amazon.awssdk:dynamodb-enhanced",
            "software.amazon.awssdk:url-connection-client", "software.amazon.awssdk:aws-core",
            "software.amazon.awssdk:aws-json-protocol", "software.amazon.awssdk:json-utils",
            "software.amazon.awssdk:protocol-core", "software.amazon.awssdk:sdk-core", "software.amazon.awssdk:auth",
            "software.amazon.awssdk:http-auth", "software.amazon.awssdk:http-auth-aws",
            "software.amazon.awssdk:http-auth-aws-eventstream", "software.amazon.awssdk:http-auth-spi",
            "software.amazon.awssdk:identity-spi", "software.amazon.awssdk:http-client-spi",
            "software.amazon.awssdk:regions", "software.amazon.awssdk:profiles", "software.amazon.awssdk:retries",
            "software.amazon.awssdk:retries-spi", "software.amazon.awssdk:checksums",
            "software.amazon.awssdk:checksums-spi", "software.amazon.awssdk:metrics-spi",
            "software.amazon.awssdk:endpoints-spi", "software.amazon.awssdk:utils",
            "software.amazon.awssdk:third-party-jackson-core", "software.amazon.eventstream:eventstream",
            "org.reactivestreams:reactive-streams");

    /** Powertools for AWS Lambda (Java) 2.9.0 logging-log4j and metrics, with their dependencies. */
    public static final List<String> POWERTOOLS = List.of(
            "software.amazon.lambda:powertools-logging-log4j", "software.amazon.lambda:powertools-logging",
            "software.amazon.lambda:powertools-serialization", "software.amazon.lambda:powertools-common",
            "software.amazon.lambda:powertools-metrics", "io.burt:jmespath-jackson", "io.burt:jmespath-core",
            "com.amazonaws:aws-lambda-java-events", "com.amazonaws:aws-lambda-java-core", "joda-time:joda-time",
            "com.fasterxml.jackson.datatype:jackson-datatype-joda", "org.crac:crac",
            "software.amazon.awssdk:utils-lite", "software.amazon.awssdk:annotations",
            "software.amazon.cloudwatchlogs:aws-embedded-metrics", "com.fasterxml.jackson.datatype:jackson-datatype-jsr310",
            "org.javatuples:javatuples", "org.apache.commons:commons-lang3", "org.aspectj:aspectjrt");

    private static volatile Dependencies instance;

    private final Map<String, Path> files;

    private Dependencies(Map<String, Path> files) {
        this.files = files;
    }

    /**
     * The dependencies of this build.
     *
     * @return the parsed list
     * @throws IllegalStateException when the list is missing (run through Maven, see docs/benchmarks.md)
     */
    public static Dependencies get() {
        Dependencies deps = instance;
        if (deps == null) {
            deps = load(Path.of(required("benchmark.dependencies")));
            instance = deps;
        }
        return deps;
    }

    /**
     * The directory holding the compiled benchmark and handler classes.
     *
     * @return target/classes of this module
     */
    public static Path benchmarkClasses() {
        return Path.of(required("benchmark.classes"));
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run the benchmarks"
                    + " through Maven (mvn -pl benchmarks verify -Pbenchmarks), which sets it");
        }
        return value;
    }

    static Dependencies load(Path list) {
        List<String> lines;
        try {
            lines = Files.readAllLines(list);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dependency list " + list
                    + "; it is written by maven-dependency-plugin in generate-resources", e);
        }
        Map<String, Path> files = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            int module = line.indexOf(" -- ");
            if (module >= 0) {
                line = line.substring(0, module);
            }
            int pathStart = line.indexOf(':' + File.separator);
            if (pathStart < 0) {
                continue;
            }
            String[] coordinates = line.substring(0, pathStart).split(":");
            if (coordinates.length < 5) {
                continue;
            }
            files.put(coordinates[0] + ":" + coordinates[1], Path.of(line.substring(pathStart + 1)));
        }
        return new Dependencies(files);
    }

    /**
     * The file of one dependency.
     *
     * @param groupAndArtifact {@code groupId:artifactId}
     * @return its jar (or classes directory inside a reactor build)
     */
    public Path file(String groupAndArtifact) {
        Path path = files.get(groupAndArtifact);
        if (path == null) {
            throw new IllegalArgumentException("Dependency " + groupAndArtifact + " is not in the benchmark"
                    + " module's dependency list; add it to benchmarks/pom.xml");
        }
        return path;
    }

    /**
     * The files of several groups of dependencies, without duplicates, in order.
     *
     * @param groups lists of {@code groupId:artifactId}
     * @return the files
     */
    @SafeVarargs
    public final List<Path> files(List<String>... groups) {
        List<Path> result = new ArrayList<>();
        for (List<String> group : groups) {
            for (String id : group) {
                Path path = file(id);
                if (!result.contains(path)) {
                    result.add(path);
                }
            }
        }
        return result;
    }

    /**
     * The {@code groupId:artifactId} of a file of this list.
     *
     * @param file a jar or directory
     * @return its id, or null when the file is not a dependency
     */
    public String idOf(Path file) {
        for (Map.Entry<String, Path> entry : files.entrySet()) {
            if (entry.getValue().equals(file)) {
                return entry.getKey();
            }
        }
        return null;
    }

    /**
     * A class path string.
     *
     * @param entries the entries
     * @return the entries joined with the path separator
     */
    public static String classpath(List<Path> entries) {
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
