package io.powertools.benchmarks.harness;

import io.powertools.benchmarks.support.Dependencies;
import io.powertools.testing.LocalLambdaRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Cold-start footprint: the classes a variant's child JVM has loaded once its first invocation was
 * answered ({@code -Xlog:class+load}), bucketed by where they came from, and the size of the jars
 * on its class path.
 */
public final class Footprint {

    /** Bucket of classes from the JDK (runtime image or CDS archive). */
    public static final String JDK = "JDK";
    /** Bucket of classes the JVM generated (lambdas, method handles, proxies). */
    public static final String GENERATED = "generated (lambdas, proxies)";
    /** Bucket of the benchmark's own handler classes. */
    public static final String HANDLER = "handler class";

    private Footprint() {
    }

    /**
     * The classes loaded by the first invocation of a variant.
     *
     * @param variant the variant
     * @return classes per source (JDK, a dependency's groupId:artifactId, generated, handler), plus "total"
     */
    public static Map<String, Integer> classesLoaded(Variant variant) {
        Path log;
        try {
            log = Files.createTempFile("class-load-" + variant.key(), ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            try (LocalLambdaRuntime runtime = ChildRuns.start(variant, null, "-Xlog:class+load=info:file=" + log)) {
                ChildRuns.check(variant, runtime.invokeAndWait(ChildRuns.request()));
            }
            return bucket(Files.readAllLines(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // A temp file left behind is harmless.
            }
        }
    }

    static Map<String, Integer> bucket(List<String> lines) {
        Dependencies deps = Dependencies.get();
        Map<String, Integer> counts = new TreeMap<>();
        int total = 0;
        for (String line : lines) {
            int source = line.indexOf(" source: ");
            if (source < 0) {
                continue;
            }
            total++;
            counts.merge(sourceOf(line.substring(source + 9).strip(), deps), 1, Integer::sum);
        }
        Map<String, Integer> result = new LinkedHashMap<>(counts);
        result.put("total", total);
        return result;
    }

    private static String sourceOf(String source, Dependencies deps) {
        if (source.startsWith("jrt:/") || source.startsWith("shared objects file")) {
            return JDK;
        }
        if (source.startsWith("file:")) {
            Path path = Path.of(java.net.URI.create(source.replace(" ", "%20")));
            if (path.equals(Dependencies.benchmarkClasses())) {
                return HANDLER;
            }
            String id = deps.idOf(path);
            return id != null ? id : path.getFileName().toString();
        }
        return GENERATED;
    }

    /**
     * Bytes of the jars on a variant's class path (the handler classes excluded).
     *
     * @param variant the variant
     * @return total bytes
     */
    public static long classpathBytes(Variant variant) {
        return variant.classpath().stream()
                .filter(p -> !p.equals(Dependencies.benchmarkClasses()))
                .mapToLong(Footprint::size)
                .sum();
    }

    /**
     * The size of a jar, or of the files under a classes directory (reactor builds).
     *
     * @param path the jar or directory
     * @return bytes
     */
    public static long size(Path path) {
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
                }
            }
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
