package io.powertools.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private directory under {@code /tmp} for the current invocation, deleted with everything in
 * it when the invocation closes.
 *
 * <p>Under Lambda Managed Instances concurrent invocations share one {@code /tmp}: a fixed file
 * name such as {@code /tmp/report.csv} is overwritten by another request mid-write, and files left
 * behind fill the disk. Each invocation's directory is unique (request id plus a random suffix):
 *
 * <pre>{@code
 * Path report = InvocationTempDirectory.current().resolve("report.csv");
 * Files.writeString(report, csv); // no other invocation can see or clobber it
 * }</pre>
 *
 * <p>The base is the JVM's {@code java.io.tmpdir} ({@code /tmp} on Lambda). Worker threads running
 * inside the invocation get the same directory.
 */
public final class InvocationTempDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(InvocationTempDirectory.class);
    private static final InvocationLocal<Path> DIRECTORY =
            InvocationLocal.withInitial("temp-directory", InvocationTempDirectory::create);

    private InvocationTempDirectory() {
    }

    /**
     * The current invocation's directory, created on first use.
     *
     * @return an existing, empty-at-creation directory only this invocation uses
     * @throws IllegalStateException outside an invocation
     * @throws UncheckedIOException when the directory cannot be created
     */
    public static Path current() {
        return DIRECTORY.get();
    }

    private static Path create() {
        Invocation invocation = Invocation.require();
        Path base = Paths.get(System.getProperty("java.io.tmpdir"));
        try {
            Path directory = Files.createTempDirectory(base, "powertools-" + safe(invocation.requestId()) + "-");
            invocation.onClose(() -> deleteRecursively(directory));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for invocation "
                    + invocation.requestId() + " under " + base + ": " + e.getMessage(), e);
        }
    }

    /** Request ids are UUIDs on Lambda, but a test may pass anything: keep the name path-safe. */
    private static String safe(String requestId) {
        if (requestId == null) {
            return "unknown";
        }
        StringBuilder name = new StringBuilder(Math.min(requestId.length(), 64));
        for (int i = 0; i < requestId.length() && name.length() < 64; i++) {
            char c = requestId.charAt(i);
            name.append(Character.isLetterOrDigit(c) || c == '-' ? c : '_');
        }
        return name.toString();
    }

    private static void deleteRecursively(Path directory) {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // The invocation already produced its result; a leftover directory must not fail it.
            LOG.warn("Could not delete the invocation's temporary directory {}: {}", directory, e.toString());
        }
    }
}
