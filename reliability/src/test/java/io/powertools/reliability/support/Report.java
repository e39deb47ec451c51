package io.powertools.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figures of a run (sizes and counts, plus wall-clock time for information only: nothing asserts on
 * time), printed and written to {@code target/reliability/<name>.txt} for docs/reliability.md.
 */
public final class Report {

    private final String name;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    public Report(String name) {
        this.name = name;
    }

    public Report put(String figure, Object value) {
        figures.put(figure, value);
        return this;
    }

    public void write() {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(name).append('\n');
        figures.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        System.out.print(text);
        Path directory = Path.of(System.getProperty("reliability.reportDir", "target/reliability"));
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(name + ".txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
