package io.powertools.snapstart;

/**
 * Work that runs before the SnapStart snapshot is taken or after an environment is restored from
 * it; registered with a name on {@link SnapStart}.
 */
@FunctionalInterface
public interface SnapStartHook {

    /**
     * Does the work.
     *
     * @throws Exception to fail the checkpoint or restore; the failure names the hook
     */
    void run() throws Exception;
}
