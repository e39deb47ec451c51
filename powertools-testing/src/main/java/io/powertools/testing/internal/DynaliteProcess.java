package io.powertools.testing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One running dynalite server: a Node.js child process listening on a loopback port, its output
 * in a temporary file. {@link #stop()} ends the process and any process it started; a JVM shutdown
 * hook does the same for every server still running when the JVM exits, and the process also ends
 * by itself when its standard input closes (the JVM died without running hooks).
 */
public final class DynaliteProcess {

    private static final String LISTENING = "Dynalite listening at";
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final Set<ProcessHandle> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(DynaliteProcess::kill),
                "dynalite-shutdown"));
    }

    private final Process process;
    private final Path log;
    private final int port;

    private DynaliteProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts dynalite and waits until it listens.
     *
     * @param installation where dynalite is
     * @param port the loopback port to listen on
     * @param dataDirectory the LevelDB directory, or {@code null} for an in-memory server
     * @param timeout how long to wait for it to listen
     * @return the running server
     * @throws PortInUseException when the port is taken
     * @throws IllegalStateException when it cannot start, with its output
     */
    public static DynaliteProcess start(DynaliteInstallation installation, int port, Path dataDirectory,
            Duration timeout) {
        Path log;
        try {
            log = Files.createTempFile("powertools-dynalite-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create dynalite's output file: " + e.getMessage(), e);
        }
        Process process;
        try {
            process = new ProcessBuilder(installation.command(port, dataDirectory))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            deleteQuietly(log);
            throw new IllegalStateException(DynaliteInstallation.REQUIREMENT + ", but '" + installation.node()
                    + "' could not be run (" + e.getMessage() + "). " + DynaliteInstallation.REMEDY, e);
        }
        RUNNING.add(process.toHandle());
        DynaliteProcess server = new DynaliteProcess(process, log, port);
        server.awaitListening(installation, timeout);
        return server;
    }

    private void awaitListening(DynaliteInstallation installation, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String output = output();
            if (output.contains(LISTENING)) {
                return;
            }
            if (!process.isAlive()) {
                stop();
                if (output.contains("EADDRINUSE")) {
                    throw new PortInUseException(port);
                }
                throw new IllegalStateException(DynaliteInstallation.REQUIREMENT + ", but `" + installation.node()
                        + " " + installation.cli() + "` exited with code " + process.exitValue()
                        + " before listening on port " + port + ". Its output:\n" + output.strip()
                        + "\n" + DynaliteInstallation.REMEDY);
            }
            if (System.nanoTime() > deadline) {
                String soFar = output.strip();
                stop();
                throw new IllegalStateException("dynalite (" + installation.cli() + ") did not listen on port " + port
                        + " within " + timeout.toMillis() + " ms. Its output:\n" + soFar);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IllegalStateException("Interrupted while waiting for dynalite to start", e);
            }
        }
    }

    /**
     * The port it listens on.
     *
     * @return the loopback port
     */
    public int port() {
        return port;
    }

    /**
     * The process, for tests of the process handling.
     *
     * @return the Node.js process
     */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * Tells whether the server process still runs.
     *
     * @return true until it ended
     */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the process and every process it started, waits for them, and deletes the output file. Idempotent. */
    public void stop() {
        ProcessHandle handle = process.toHandle();
        kill(handle);
        RUNNING.remove(handle);
        deleteQuietly(log);
    }

    private static void kill(ProcessHandle handle) {
        List<ProcessHandle> descendants = handle.descendants().toList();
        handle.destroy();
        descendants.forEach(ProcessHandle::destroy);
        if (!awaitExit(handle)) {
            handle.destroyForcibly();
            awaitExit(handle);
        }
        for (ProcessHandle descendant : descendants) {
            if (!awaitExit(descendant)) {
                descendant.destroyForcibly();
            }
        }
    }

    private static boolean awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (Exception e) {
            return !handle.isAlive();
        }
    }

    private String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file; the system cleans its temp directory.
        }
    }

    /** The port was taken by another process before dynalite could bind it. */
    public static final class PortInUseException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortInUseException(int port) {
            super("Port " + port + " is already in use");
        }
    }
}
