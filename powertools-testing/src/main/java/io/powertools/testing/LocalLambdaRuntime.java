package io.powertools.testing;

import io.powertools.testing.internal.InvocationQueue;
import io.powertools.testing.internal.NativeLibrary;
import io.powertools.testing.internal.OutputCollector;
import io.powertools.testing.internal.PendingInvocation;
import io.powertools.testing.internal.RuntimeApiServer;
import io.powertools.testing.internal.RuntimeClientPlatform;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a Lambda handler the way Lambda does: in its own JVM, driven by the real Lambda Java
 * runtime interface client (RIC), which talks to a local implementation of the Lambda Runtime API.
 *
 * <p>Use it for end-to-end and concurrency tests of handlers, including multi-concurrency (one JVM
 * serving many invocations at once, as on Lambda Managed Instances) and SnapStart hooks:
 *
 * <pre>{@code
 * try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
 *         .handler("com.example.OrderHandler::handleRequest")
 *         .maxConcurrency(8)
 *         .start()) {
 *     List<InvocationResult> results = runtime.invokeAll(requests);
 * }
 * }</pre>
 *
 * <p>{@link Builder#start()} returns once the function finished its init and polled for its first
 * invocation; a wrong handler name or a failing init surfaces there or at the first invocation as
 * a {@link LocalRuntimeException} with the error and the last lines the child printed. Nothing
 * waits forever: every invocation has a timeout, and when the child exits all unanswered
 * invocations fail at once.
 *
 * <p>The function gets a region and dummy credentials in its environment, as Lambda gives the
 * execution role's, so AWS SDK clients built with the default chains work against local servers
 * such as {@link DynamoDbTestServer}; see {@link Builder#credentials(String, String)}. Where the
 * runtime client cannot run (it is Linux-only), {@link Builder#start()} throws an
 * {@link UnsupportedPlatformException}, which JUnit reports as a skipped test.
 *
 * <p>Instances are thread-safe. Close them to stop the child JVM and the local server.
 */
public final class LocalLambdaRuntime implements AutoCloseable {

    /** The access key id the function gets unless {@link Builder#credentials} says otherwise. */
    public static final String DEFAULT_ACCESS_KEY_ID = "local-access-key-id";

    /** The secret access key the function gets unless {@link Builder#credentials} says otherwise. */
    public static final String DEFAULT_SECRET_ACCESS_KEY = "local-secret-access-key";

    /** The runtime client's entry point. */
    public static final String RIC_MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /** The credential variables Lambda sets for the execution role; the kit sets them the same way. */
    private static final List<String> CREDENTIAL_VARIABLES =
            List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

    private static final int TAIL_LINES = 30;
    private static final Duration OUTPUT_DRAIN_TIMEOUT = Duration.ofSeconds(2);
    /**
     * How long close() waits for the dead child's pipe to be read to its end. It returns as soon as
     * the end is reached; the bound only matters on a machine so loaded that the reading thread is
     * not scheduled for seconds, and then a short bound would silently drop the last lines.
     */
    private static final Duration OUTPUT_END_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration INIT_ERROR_EXIT_GRACE = Duration.ofSeconds(5);
    private static final Duration DESTROY_GRACE = Duration.ofSeconds(3);

    private final Builder config;
    private final InvocationQueue queue = new InvocationQueue();
    private final ScheduledThreadPoolExecutor timers;
    private volatile RuntimeApiServer server;
    private volatile Process process;
    private volatile OutputCollector stdout;
    private volatile OutputCollector stderr;
    private volatile String initError;
    private volatile boolean closed;
    private final Thread shutdownHook = new Thread(this::destroyChild, "local-lambda-runtime-shutdown");

    private LocalLambdaRuntime(Builder config) {
        this.config = config;
        this.timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "local-lambda-runtime-timer");
            thread.setDaemon(true);
            return thread;
        });
        // Answered invocations cancel their timeout; drop those tasks instead of keeping them queued.
        this.timers.setRemoveOnCancelPolicy(true);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private void start() {
        try {
            server = RuntimeApiServer.start(queue, new RuntimeApiServer.Listener() {
                @Override
                public void onInitError(String errorType, String body) {
                    initError = describeError(errorType, body);
                    failWhenChildDoesNotExit("posted /runtime/init/error");
                }

                @Override
                public void onRestoreError(String errorType, String body) {
                    initError = describeError(errorType, body);
                    failWhenChildDoesNotExit("posted /runtime/restore/error (a CRaC afterRestore hook failed)");
                }
            }, config.invokedFunctionArn());
            List<String> command = command();
            ProcessBuilder processBuilder = new ProcessBuilder(command);
            configureEnvironment(processBuilder.environment());
            try {
                process = processBuilder.start();
            } catch (IOException e) {
                throw new LocalRuntimeException("Could not start the child JVM with " + command.get(0)
                        + ": " + e.getMessage() + ". Check that java.home points to a full JDK or JRE.", e);
            }
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            PrintStream echo = config.echoOutput ? System.out : null;
            stdout = new OutputCollector(process.getInputStream(), process::isAlive, "stdout", echo, "[lambda] ");
            stderr = new OutputCollector(process.getErrorStream(), process::isAlive, "stderr", echo, "[lambda:err] ");
            Thread exitWatcher = new Thread(this::watchExit, "local-lambda-runtime-exit-watcher");
            exitWatcher.setDaemon(true);
            exitWatcher.start();
            awaitReady();
        } catch (IOException e) {
            close();
            throw new LocalRuntimeException("Could not start the local Runtime API server on 127.0.0.1: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void awaitReady() {
        boolean polled;
        try {
            polled = queue.awaitFirstPoll(config.startupTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalRuntimeException("Interrupted while waiting for the function to start");
        }
        LocalRuntimeException failure = queue.failure();
        if (failure != null) {
            throw new LocalRuntimeException(failure.getMessage(), failure);
        }
        if (!polled) {
            throw new LocalRuntimeException("The function did not poll for its first invocation within "
                    + config.startupTimeout + ": its init is slow or stuck. Raise startupTimeout(...) if the init"
                    + " is legitimately slow." + diagnostics());
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(config.defaultJvmArgs);
        Path jni = NativeLibrary.extracted();
        if (jni != null) {
            command.add("-D" + NativeLibrary.PROPERTY + "=" + jni);
        }
        if (config.snapStart) {
            command.add("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");
        }
        command.addAll(config.jvmArgs);
        command.add("-cp");
        command.add(config.classpath);
        command.add(RIC_MAIN_CLASS);
        command.add(config.handler);
        return command;
    }

    private void configureEnvironment(Map<String, String> env) {
        // Lambda variables of the test JVM's own environment must not leak into the function's.
        env.keySet().removeIf(name -> name.startsWith("AWS_LAMBDA_") || name.startsWith("_LAMBDA_")
                || name.equals("_X_AMZN_TRACE_ID") || name.equals("_HANDLER") || name.equals("AWS_EXECUTION_ENV"));
        env.put("AWS_LAMBDA_RUNTIME_API", server.address());
        env.put("_HANDLER", config.handler);
        env.put("AWS_LAMBDA_FUNCTION_NAME", config.functionName);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", config.functionVersion);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memorySize));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", config.logGroupName());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", config.logStreamName);
        env.put("AWS_REGION", config.region);
        env.put("AWS_DEFAULT_REGION", config.region);
        if (!config.inheritCredentials) {
            // As on Lambda, the function's credentials come from its environment, not from whatever
            // profile or keys the machine running the tests has.
            CREDENTIAL_VARIABLES.forEach(env::remove);
            env.put("AWS_ACCESS_KEY_ID", config.accessKeyId);
            env.put("AWS_SECRET_ACCESS_KEY", config.secretAccessKey);
            if (config.sessionToken != null) {
                env.put("AWS_SESSION_TOKEN", config.sessionToken);
            }
        }
        if (config.maxConcurrency != null) {
            env.put("AWS_LAMBDA_MAX_CONCURRENCY", Integer.toString(config.maxConcurrency));
        }
        // Lambda always sets it; libraries decide their cold start from it. environment(..) may override.
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", config.snapStart ? "snap-start" : "on-demand");
        env.putAll(config.environment);
    }

    private void watchExit() {
        int exitCode;
        try {
            exitCode = process.waitFor();
        } catch (InterruptedException e) {
            return;
        }
        // Read the child's last words before quoting them.
        stdout.awaitEnd(OUTPUT_DRAIN_TIMEOUT);
        stderr.awaitEnd(OUTPUT_DRAIN_TIMEOUT);
        if (closed) {
            return;
        }
        String reason;
        if (initError != null) {
            reason = "The function failed to initialise: " + initError + ". The child JVM exited with code " + exitCode
                    + "." + handlerHint();
        } else if (!queue.polled()) {
            reason = "The child JVM exited with code " + exitCode + " before polling for its first invocation."
                    + " Check the class path (it must hold the runtime interface client, the handler and its"
                    + " dependencies), the JVM arguments and the handler's static initialisers.";
        } else {
            reason = "The child JVM running the function exited with code " + exitCode + " while serving invocations:"
                    + " the handler or a library it uses ended the JVM (System.exit, Runtime.halt, a crash or an"
                    + " OutOfMemoryError).";
        }
        queue.fail(new LocalRuntimeException(reason + diagnostics()));
    }

    private void failWhenChildDoesNotExit(String what) {
        // The runtime client exits right after an init error; the exit watcher then reports it with the
        // child's final output. Only a child that lingers is reported from here.
        timers.schedule(() -> queue.fail(new LocalRuntimeException("The function " + what + ": " + initError
                + "." + handlerHint() + diagnostics())), INIT_ERROR_EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private String handlerHint() {
        return " Check the handler name '" + config.handler + "' (format package.Class::method, the class must be on"
                + " the child's class path) and the handler class's static initialisers and constructor.";
    }

    private static String describeError(String errorType, String body) {
        FunctionError error = RuntimeApiServer.parseError(errorType, body);
        return error.errorType() + ": " + error.errorMessage();
    }

    private String diagnostics() {
        StringBuilder text = new StringBuilder();
        appendTail(text, "stderr", stderr);
        appendTail(text, "stdout", stdout);
        return text.length() > 0 ? text.toString() : "\n(the child JVM printed nothing)";
    }

    private static void appendTail(StringBuilder text, String name, OutputCollector collector) {
        List<String> tail = collector == null ? List.of() : collector.tail(TAIL_LINES);
        if (tail.isEmpty()) {
            return;
        }
        text.append("\n--- last ").append(tail.size()).append(' ').append(name).append(" lines of the child JVM ---");
        for (String line : tail) {
            text.append('\n').append(line);
        }
    }

    /**
     * Queues one invocation. The future completes with the function's response or error, or
     * exceptionally with a {@link LocalRuntimeException} when no answer comes within the timeout,
     * the child JVM exits, or the runtime is closed.
     *
     * @param request the invocation to send
     * @return the future result
     */
    public CompletableFuture<InvocationResult> invoke(InvocationRequest request) {
        Objects.requireNonNull(request, "request");
        Duration timeout = request.timeout().orElse(config.invocationTimeout);
        PendingInvocation invocation = new PendingInvocation(request, Instant.now().plus(timeout));
        queue.submit(invocation);
        if (invocation.future().isDone()) {
            return invocation.future();
        }
        try {
            ScheduledFuture<?> timer = timers.schedule(() -> invocation.future().completeExceptionally(
                    new LocalRuntimeException("Invocation " + request.requestId() + " got no answer within " + timeout
                            + ": the handler is slow or stuck, or all handler threads were busy. Raise the timeout"
                            + " with InvocationRequest.Builder.timeout(...) or"
                            + " LocalLambdaRuntime.Builder.invocationTimeout(...) if that is expected."
                            + diagnostics())),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
            invocation.future().whenComplete((result, error) -> timer.cancel(false));
        } catch (RejectedExecutionException closedMeanwhile) {
            // close() ran after submit; it has failed or is failing this invocation.
            LocalRuntimeException failure = queue.failure();
            invocation.future().completeExceptionally(failure != null ? failure
                    : new LocalRuntimeException("The LocalLambdaRuntime for " + config.handler + " was closed"));
        }
        return invocation.future();
    }

    /**
     * Queues one invocation with the given payload and fresh ids.
     *
     * @param payload the event payload
     * @return the future result
     * @see #invoke(InvocationRequest)
     */
    public CompletableFuture<InvocationResult> invoke(String payload) {
        return invoke(InvocationRequest.of(payload));
    }

    /**
     * Sends one invocation and waits for its result.
     *
     * @param request the invocation to send
     * @return the function's response or error
     * @throws LocalRuntimeException if no result can be delivered (timeout, child exit, closed)
     */
    public InvocationResult invokeAndWait(InvocationRequest request) {
        return await(invoke(request));
    }

    /**
     * Sends one invocation with the given payload and waits for its result.
     *
     * @param payload the event payload
     * @return the function's response or error
     * @throws LocalRuntimeException if no result can be delivered (timeout, child exit, closed)
     */
    public InvocationResult invokeAndWait(String payload) {
        return invokeAndWait(InvocationRequest.of(payload));
    }

    /**
     * Queues all invocations at once, so up to {@code maxConcurrency} of them run concurrently, and
     * waits for all of them.
     *
     * @param requests the invocations to send
     * @return the results, in the order of {@code requests}
     * @throws LocalRuntimeException if any invocation got no result (timeout, child exit, closed);
     *     the others are still awaited first, so the function is idle when this returns
     */
    public List<InvocationResult> invokeAll(Collection<InvocationRequest> requests) {
        List<CompletableFuture<InvocationResult>> futures = requests.stream().map(this::invoke)
                .collect(Collectors.toList());
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).exceptionally(error -> null).join();
        List<InvocationResult> results = new ArrayList<>(futures.size());
        for (CompletableFuture<InvocationResult> future : futures) {
            results.add(await(future));
        }
        return results;
    }

    private static InvocationResult await(CompletableFuture<InvocationResult> future) {
        try {
            return future.get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LocalRuntimeException runtimeException) {
                // Rethrow with this caller's stack, keeping the original as the cause.
                throw new LocalRuntimeException(runtimeException.getMessage(), runtimeException);
            }
            if (cause instanceof RuntimeException runtimeException) {
                throw runtimeException;
            }
            throw new LocalRuntimeException("Invocation failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalRuntimeException("Interrupted while waiting for an invocation result", e);
        }
    }

    /**
     * Returns every line the child JVM printed to stdout so far: the function's own output and
     * the runtime client's log lines. Everything the function printed before its last answer
     * arrived is included (this waits, briefly and boundedly, until the child's pipe is drained);
     * after {@link #close()} the list is complete.
     *
     * @return an immutable snapshot of the lines
     */
    public List<String> stdoutLines() {
        if (stdout == null) {
            return List.of();
        }
        // The child prints before it answers: make what is already in the pipe visible first.
        stdout.awaitDrained(OUTPUT_DRAIN_TIMEOUT);
        return stdout.lines();
    }

    /**
     * Returns every line the child JVM printed to stderr so far.
     *
     * @return an immutable snapshot of the lines
     */
    public List<String> stderrLines() {
        return stderr == null ? List.of() : stderr.lines();
    }

    /**
     * Returns the address the function's runtime client talks to, as put in {@code AWS_LAMBDA_RUNTIME_API}.
     *
     * @return {@code 127.0.0.1:<port>}
     */
    public String runtimeApiAddress() {
        return server.address();
    }

    /**
     * Returns the child JVM, e.g. to check that it is still alive.
     *
     * @return a handle on the child process
     */
    public ProcessHandle childProcess() {
        return process.toHandle();
    }

    /**
     * Returns how many times the function asked for a SnapStart restore ({@code /runtime/restore/next}):
     * 1 after a successful SnapStart init, 0 without SnapStart.
     *
     * @return the number of restore requests
     */
    public int restoreCount() {
        return server.restoreCount();
    }

    /**
     * Stops the runtime: fails every unanswered invocation, destroys the child JVM, reads what it
     * had already printed to the end (so {@link #stdoutLines()} is complete afterwards) and stops
     * the local server. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.fail(new LocalRuntimeException("The LocalLambdaRuntime for " + config.handler + " was closed"));
        destroyChild();
        // The killed child's pipe still holds whatever it wrote: read it to the end.
        if (stdout != null) {
            stdout.awaitEnd(OUTPUT_END_TIMEOUT);
        }
        if (stderr != null) {
            stderr.awaitEnd(OUTPUT_END_TIMEOUT);
        }
        if (process != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to; nothing to remove.
            }
        }
        if (server != null) {
            server.close();
        }
        timers.shutdownNow();
    }

    private void destroyChild() {
        Process child = process;
        if (child == null || !child.isAlive()) {
            return;
        }
        // SIGKILL, not SIGTERM: a graceful JVM exit while handler threads sit in the runtime
        // client's native long poll crashes in libc (hs_err files, noise); Lambda itself never
        // asks the runtime to shut down gracefully either. Through the ProcessHandle, because
        // Process.destroyForcibly() also closes the pipes, dropping what the child wrote and the
        // collectors had not read yet; the collectors read them to their end below.
        child.toHandle().destroyForcibly();
        try {
            child.waitFor(DESTROY_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Configures and starts a {@link LocalLambdaRuntime}. Only {@link #handler(String)} is required.
     * Not thread-safe; each {@link #start()} takes a snapshot, so one builder can start several runtimes.
     */
    public static final class Builder {

        private String handler;
        private String classpath = System.getProperty("java.class.path");
        private Integer maxConcurrency;
        private boolean snapStart;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private List<String> defaultJvmArgs = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                // A crash report of the child belongs in the temp directory, not the caller's work tree.
                "-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "powertools-child-hs_err_%p.log"));
        private Duration invocationTimeout = Duration.ofSeconds(30);
        private Duration startupTimeout = Duration.ofSeconds(30);
        private String functionName = "local-function";
        private String functionVersion = "$LATEST";
        private int memorySize = 512;
        private String region = "us-east-1";
        private String accessKeyId = DEFAULT_ACCESS_KEY_ID;
        private String secretAccessKey = DEFAULT_SECRET_ACCESS_KEY;
        private String sessionToken;
        private boolean inheritCredentials;
        private String osName = System.getProperty("os.name", "");
        private String osArch = System.getProperty("os.arch", "");
        private String logGroupName;
        private String logStreamName = "2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef";
        private boolean echoOutput;

        private Builder() {
        }

        private Builder(Builder other) {
            this.handler = other.handler;
            this.classpath = other.classpath;
            this.maxConcurrency = other.maxConcurrency;
            this.snapStart = other.snapStart;
            this.environment.putAll(other.environment);
            this.jvmArgs.addAll(other.jvmArgs);
            this.defaultJvmArgs = other.defaultJvmArgs;
            this.invocationTimeout = other.invocationTimeout;
            this.startupTimeout = other.startupTimeout;
            this.functionName = other.functionName;
            this.functionVersion = other.functionVersion;
            this.memorySize = other.memorySize;
            this.region = other.region;
            this.accessKeyId = other.accessKeyId;
            this.secretAccessKey = other.secretAccessKey;
            this.sessionToken = other.sessionToken;
            this.inheritCredentials = other.inheritCredentials;
            this.osName = other.osName;
            this.osArch = other.osArch;
            this.logGroupName = other.logGroupName;
            this.logStreamName = other.logStreamName;
            this.echoOutput = other.echoOutput;
        }

        /**
         * Sets the handler, as in the function's configuration: {@code package.Class::method} or
         * {@code package.Class}. Required.
         *
         * @param handler the handler name
         * @return this builder
         */
        public Builder handler(String handler) {
            if (handler == null || handler.isBlank()) {
                throw new IllegalArgumentException("handler must be set, e.g. \"com.example.Handler::handleRequest\"");
            }
            this.handler = handler;
            return this;
        }

        /**
         * Sets the child JVM's class path; default this JVM's {@code java.class.path}. It must hold the
         * handler, its dependencies and the runtime interface client.
         *
         * @param classpath the class path, entries separated by {@link File#pathSeparator}
         * @return this builder
         */
        public Builder classpath(String classpath) {
            if (classpath == null || classpath.isBlank()) {
                throw new IllegalArgumentException("classpath must not be blank");
            }
            this.classpath = classpath;
            return this;
        }

        /**
         * Sets the child JVM's class path from a list of jars and directories.
         *
         * @param entries the class path entries
         * @return this builder
         */
        public Builder classpath(List<Path> entries) {
            return classpath(entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }

        /**
         * Runs the function multi-concurrently, as on Lambda Managed Instances: sets
         * {@code AWS_LAMBDA_MAX_CONCURRENCY}, and the runtime client starts that many handler threads,
         * each polling for its own invocations. Default: unset, one invocation at a time on {@code main}.
         *
         * @param maxConcurrency the number of concurrent invocations, at least 1
         * @return this builder
         */
        public Builder maxConcurrency(int maxConcurrency) {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("maxConcurrency must be >= 1 but was " + maxConcurrency);
            }
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /**
         * Emulates a SnapStart init: the runtime client runs the CRaC {@code beforeCheckpoint} hooks,
         * asks for a restore, and runs the {@code afterRestore} hooks before the first invocation.
         * Hooks must be registered with the runtime client's CRaC implementation
         * ({@code org.crac} with {@code org.crac.Core.Compat} set, which this option does). Default off.
         *
         * @param snapStart whether to emulate SnapStart
         * @return this builder
         */
        public Builder snapStart(boolean snapStart) {
            this.snapStart = snapStart;
            return this;
        }

        /**
         * Adds an environment variable for the function. Applied last, so it can override the
         * variables this class sets (except that overriding {@code AWS_LAMBDA_RUNTIME_API} breaks the
         * connection to the local server).
         *
         * @param name the variable name
         * @param value the value
         * @return this builder
         */
        public Builder environment(String name, String value) {
            environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds environment variables for the function.
         *
         * @param variables the variables
         * @return this builder
         * @see #environment(String, String)
         */
        public Builder environment(Map<String, String> variables) {
            variables.forEach(this::environment);
            return this;
        }

        /**
         * Adds arguments for the child JVM, e.g. {@code -Xmx256m} or {@code -Dkey=value}. They come after
         * the default arguments, so they win where the JVM lets the last one win.
         *
         * @param args the JVM arguments
         * @return this builder
         */
        public Builder jvmArgs(String... args) {
            for (String arg : args) {
                jvmArgs.add(Objects.requireNonNull(arg, "jvm argument"));
            }
            return this;
        }

        /**
         * Replaces the default child JVM arguments ({@code -XX:+UseSerialGC -XX:TieredStopAtLevel=1
         * -Xshare:auto}, chosen for a fast start like a small Lambda environment, and an
         * {@code -XX:ErrorFile} in the temp directory).
         *
         * @param args the default arguments, possibly none
         * @return this builder
         */
        public Builder defaultJvmArgs(String... args) {
            this.defaultJvmArgs = List.of(args);
            return this;
        }

        /**
         * Sets how long an invocation may take, counted from when it is queued; default 30 s.
         * Individual requests can override it.
         *
         * @param invocationTimeout a positive duration
         * @return this builder
         */
        public Builder invocationTimeout(Duration invocationTimeout) {
            this.invocationTimeout = positive(invocationTimeout, "invocationTimeout");
            return this;
        }

        /**
         * Sets how long {@link #start()} waits for the function's init to finish; default 30 s.
         *
         * @param startupTimeout a positive duration
         * @return this builder
         */
        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = positive(startupTimeout, "startupTimeout");
            return this;
        }

        /**
         * Sets the function name ({@code AWS_LAMBDA_FUNCTION_NAME}); default {@code local-function}.
         *
         * @param functionName the function name
         * @return this builder
         */
        public Builder functionName(String functionName) {
            this.functionName = Objects.requireNonNull(functionName, "functionName");
            return this;
        }

        /**
         * Sets the function version ({@code AWS_LAMBDA_FUNCTION_VERSION}); default {@code $LATEST}.
         *
         * @param functionVersion the version
         * @return this builder
         */
        public Builder functionVersion(String functionVersion) {
            this.functionVersion = Objects.requireNonNull(functionVersion, "functionVersion");
            return this;
        }

        /**
         * Sets the memory size ({@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}); default 512. Does not limit
         * the child's heap; use {@link #jvmArgs(String...)} for that.
         *
         * @param memorySize the memory size in MB, at least 128
         * @return this builder
         */
        public Builder memorySize(int memorySize) {
            if (memorySize < 128) {
                throw new IllegalArgumentException("memorySize must be >= 128 MB but was " + memorySize);
            }
            this.memorySize = memorySize;
            return this;
        }

        /**
         * Sets the region ({@code AWS_REGION} and {@code AWS_DEFAULT_REGION}); default {@code us-east-1}.
         *
         * @param region the region
         * @return this builder
         */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Sets the static credentials the function finds in {@code AWS_ACCESS_KEY_ID} and
         * {@code AWS_SECRET_ACCESS_KEY}, where Lambda puts the execution role's. By default the
         * function gets {@value LocalLambdaRuntime#DEFAULT_ACCESS_KEY_ID} /
         * {@value LocalLambdaRuntime#DEFAULT_SECRET_ACCESS_KEY}: enough for
         * an AWS SDK client with the default credentials chain to sign requests to a local server
         * such as {@link DynamoDbTestServer}, with no setup on the machine running the tests.
         *
         * @param accessKeyId the access key id
         * @param secretAccessKey the secret access key
         * @return this builder
         */
        public Builder credentials(String accessKeyId, String secretAccessKey) {
            return credentials(accessKeyId, secretAccessKey, null);
        }

        /**
         * Sets temporary credentials, as Lambda gives them: also {@code AWS_SESSION_TOKEN}.
         *
         * @param accessKeyId the access key id
         * @param secretAccessKey the secret access key
         * @param sessionToken the session token, or {@code null} for none
         * @return this builder
         */
        public Builder credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
            this.accessKeyId = requireText(accessKeyId, "accessKeyId");
            this.secretAccessKey = requireText(secretAccessKey, "secretAccessKey");
            this.sessionToken = sessionToken == null ? null : requireText(sessionToken, "sessionToken");
            this.inheritCredentials = false;
            return this;
        }

        /**
         * Passes the test JVM's own {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and
         * {@code AWS_SESSION_TOKEN} (or their absence) to the function instead of setting any: for
         * tests that reach a real AWS account on purpose.
         *
         * @return this builder
         */
        public Builder inheritCredentials() {
            this.inheritCredentials = true;
            return this;
        }

        /** Test seam: the platform the start-up check looks at, instead of this JVM's. */
        Builder platform(String osName, String osArch) {
            this.osName = Objects.requireNonNull(osName, "osName");
            this.osArch = Objects.requireNonNull(osArch, "osArch");
            return this;
        }

        /**
         * Sets the log group name ({@code AWS_LAMBDA_LOG_GROUP_NAME}); default {@code /aws/lambda/<function name>}.
         *
         * @param logGroupName the log group name
         * @return this builder
         */
        public Builder logGroupName(String logGroupName) {
            this.logGroupName = Objects.requireNonNull(logGroupName, "logGroupName");
            return this;
        }

        /**
         * Sets the log stream name ({@code AWS_LAMBDA_LOG_STREAM_NAME}).
         *
         * @param logStreamName the log stream name
         * @return this builder
         */
        public Builder logStreamName(String logStreamName) {
            this.logStreamName = Objects.requireNonNull(logStreamName, "logStreamName");
            return this;
        }

        /**
         * Copies the child's stdout and stderr lines to this JVM's {@code System.out} as they arrive,
         * prefixed with {@code [lambda]}; handy when debugging. Default off; the lines are captured
         * either way.
         *
         * @param echoOutput whether to echo the child's output
         * @return this builder
         */
        public Builder echoOutput(boolean echoOutput) {
            this.echoOutput = echoOutput;
            return this;
        }

        /**
         * Starts the local Runtime API server and the child JVM, and waits until the function finished
         * its init and polled for its first invocation.
         *
         * @return the running runtime; close it when done
         * @throws UnsupportedPlatformException before anything starts, when the runtime client cannot
         *     run on this operating system or CPU (a JUnit assumption failure: the test is skipped)
         * @throws LocalRuntimeException if the child cannot start, its init fails, or it does not poll
         *     within the startup timeout; the message carries the error and the child's last output
         */
        public LocalLambdaRuntime start() {
            if (handler == null) {
                throw new IllegalStateException("handler(...) must be set before start(),"
                        + " e.g. \"com.example.Handler::handleRequest\"");
            }
            String platformProblem = RuntimeClientPlatform.problem(osName, osArch);
            if (platformProblem != null) {
                throw new UnsupportedPlatformException(platformProblem, osName, osArch);
            }
            LocalLambdaRuntime runtime = new LocalLambdaRuntime(new Builder(this));
            runtime.start();
            return runtime;
        }

        private String logGroupName() {
            return logGroupName != null ? logGroupName : "/aws/lambda/" + functionName;
        }

        private String invokedFunctionArn() {
            return "arn:aws:lambda:" + region + ":123456789012:function:" + functionName;
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank; leave credentials(..) out to get the"
                        + " kit's dummy credentials");
            }
            return value;
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive but was " + duration);
            }
            return duration;
        }
    }
}
