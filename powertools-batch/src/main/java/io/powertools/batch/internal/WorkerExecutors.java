package io.powertools.batch.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default executor for parallel batch workers: virtual threads when the JVM has them
 * (Java 21+), else a bounded pool of daemon platform threads. The library compiles for Java 17, so
 * the virtual-thread factory is found once, at class init, through a method handle.
 */
public final class WorkerExecutors {

    /** Upper bound of platform helper threads per processor, whatever the concurrency. */
    static final int MAX_PLATFORM_THREADS = 256;

    private static final MethodHandle NEW_VIRTUAL_EXECUTOR = findVirtualExecutorFactory();
    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private WorkerExecutors() {
    }

    private static MethodHandle findVirtualExecutorFactory() {
        try {
            return MethodHandles.publicLookup().findStatic(Executors.class, "newVirtualThreadPerTaskExecutor",
                    MethodType.methodType(ExecutorService.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null; // Java 17-20
        }
    }

    /**
     * Whether this JVM offers virtual threads.
     *
     * @return true on Java 21 and later
     */
    public static boolean virtualThreadsAvailable() {
        return NEW_VIRTUAL_EXECUTOR != null;
    }

    /**
     * Creates the executor for one processor.
     *
     * @param parallelism the processor's parallelism, counting the handler thread
     * @param maxConcurrency how many invocations this JVM runs at once
     * @return a virtual-thread-per-task executor, or a bounded pool of daemon threads
     */
    public static ExecutorService create(int parallelism, int maxConcurrency) {
        if (NEW_VIRTUAL_EXECUTOR != null) {
            try {
                return (ExecutorService) NEW_VIRTUAL_EXECUTOR.invoke();
            } catch (Throwable e) {
                throw new IllegalStateException("Cannot create the virtual-thread executor", e);
            }
        }
        // Helpers of all concurrent invocations share the pool; threads start on demand and die when idle.
        long wanted = (long) (parallelism - 1) * Math.max(1, maxConcurrency);
        int threads = (int) Math.max(1, Math.min(MAX_PLATFORM_THREADS, wanted));
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("powertools-batch-" + POOL_IDS.incrementAndGet() + "-"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger ids = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + ids.incrementAndGet());
            thread.setDaemon(true); // never keeps the JVM alive
            return thread;
        };
    }
}
