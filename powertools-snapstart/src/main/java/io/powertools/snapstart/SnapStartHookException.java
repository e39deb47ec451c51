package io.powertools.snapstart;

import java.util.Objects;

/**
 * A SnapStart hook failed. The message names the phase and the hook, so the init or restore error
 * Lambda reports says which piece of priming or refreshing broke.
 */
public final class SnapStartHookException extends Exception {

    private final HookPhase phase;
    private final String hookName;

    /**
     * Creates the exception.
     *
     * @param phase when the hook ran
     * @param hookName the hook's name
     * @param cause what the hook threw
     */
    public SnapStartHookException(HookPhase phase, String hookName, Throwable cause) {
        super("SnapStart " + phase.cracName() + " hook '" + hookName + "' failed: " + describe(cause), cause);
        this.phase = Objects.requireNonNull(phase, "phase");
        this.hookName = Objects.requireNonNull(hookName, "hookName");
    }

    /**
     * When the failing hook ran.
     *
     * @return the phase
     */
    public HookPhase phase() {
        return phase;
    }

    /**
     * The name the failing hook was registered with.
     *
     * @return the hook name
     */
    public String hookName() {
        return hookName;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
