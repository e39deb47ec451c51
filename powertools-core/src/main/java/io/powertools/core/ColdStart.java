package io.powertools.core;

import io.powertools.core.config.InitializationType;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decides which invocation of an execution environment is its cold start: exactly one, even when
 * many first invocations arrive at the same instant on different handler threads.
 *
 * <p>The decision is a single compare-and-set, so it costs nothing after the first invocation and
 * never blocks. Priming invocations (SnapStart, before the snapshot) do not take the cold start,
 * which leaves it to the first real invocation after the restore.
 */
public final class ColdStart {

    private final InitializationType initializationType;
    private final AtomicBoolean taken = new AtomicBoolean();

    /**
     * Creates the tracker of one execution environment.
     *
     * @param initializationType how the environment was initialised
     */
    public ColdStart(InitializationType initializationType) {
        this.initializationType = initializationType;
    }

    /**
     * Claims the cold start for the calling invocation.
     *
     * @return true for exactly one caller when the environment type has cold starts; false for
     *     everyone else, and for everyone in a provisioned-concurrency environment
     */
    public boolean claim() {
        if (!initializationType.firstInvocationIsColdStart()) {
            return false;
        }
        // A plain read first: after the first invocation the CAS is never attempted again.
        return !taken.get() && taken.compareAndSet(false, true);
    }

    /**
     * Whether an invocation has already taken the cold start.
     *
     * @return true once {@link #claim()} returned true
     */
    public boolean isTaken() {
        return taken.get();
    }

    /**
     * Makes the next claim a cold start again. The SnapStart support calls this after a restore,
     * because the restored environment's first invocation waited for the restore.
     */
    public void reset() {
        taken.set(false);
    }

    /**
     * The initialisation type this tracker decides for.
     *
     * @return the type
     */
    public InitializationType initializationType() {
        return initializationType;
    }
}
