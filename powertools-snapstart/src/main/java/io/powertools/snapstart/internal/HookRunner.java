package io.powertools.snapstart.internal;

import io.powertools.snapstart.HookPhase;
import io.powertools.snapstart.SnapStartHookException;
import java.util.List;

/** Runs hooks in list order and wraps each failure in an exception that names the hook. */
public final class HookRunner {

    private HookRunner() {
    }

    /**
     * Runs the hooks until one fails: later checkpoint work may depend on earlier work, and the
     * checkpoint is abandoned anyway.
     *
     * @param phase the phase, for the error
     * @param hooks the hooks, in order
     * @throws SnapStartHookException naming the first failing hook
     */
    public static void runUntilFailure(HookPhase phase, List<NamedHook> hooks) throws SnapStartHookException {
        for (NamedHook hook : hooks) {
            run(phase, hook);
        }
    }

    /**
     * Runs every hook even when some fail: each restored environment must refresh as much as it
     * can (the cold-start reset and the re-seeding must not be skipped because a client failed).
     *
     * @param phase the phase, for the error
     * @param hooks the hooks, in order
     * @throws SnapStartHookException the first failure, with the later ones suppressed
     */
    public static void runAll(HookPhase phase, List<NamedHook> hooks) throws SnapStartHookException {
        SnapStartHookException first = null;
        for (NamedHook hook : hooks) {
            try {
                run(phase, hook);
            } catch (SnapStartHookException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void run(HookPhase phase, NamedHook hook) throws SnapStartHookException {
        try {
            hook.hook().run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnapStartHookException(phase, hook.name(), e);
        } catch (Exception | LinkageError | AssertionError e) {
            throw new SnapStartHookException(phase, hook.name(), e);
        }
    }
}
