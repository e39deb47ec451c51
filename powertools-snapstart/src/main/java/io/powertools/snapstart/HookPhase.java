package io.powertools.snapstart;

/** When a {@link SnapStartHook} runs. */
public enum HookPhase {
    /** During the init, before Lambda takes the snapshot ({@code org.crac.Resource.beforeCheckpoint}). */
    BEFORE_CHECKPOINT("beforeCheckpoint"),
    /** In each environment restored from the snapshot, before its first invocation ({@code afterRestore}). */
    AFTER_RESTORE("afterRestore");

    private final String cracName;

    HookPhase(String cracName) {
        this.cracName = cracName;
    }

    /**
     * The name of the org.crac callback this phase runs in.
     *
     * @return {@code beforeCheckpoint} or {@code afterRestore}
     */
    public String cracName() {
        return cracName;
    }
}
