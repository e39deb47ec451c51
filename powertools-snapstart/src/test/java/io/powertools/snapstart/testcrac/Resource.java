package io.powertools.snapstart.testcrac;

/** Test CRaC implementation (selected by {@code -Dorg.crac.Core.Compat}): a checkpoint participant. */
public interface Resource {

    /**
     * Called before the checkpoint.
     *
     * @param context the context the resource is registered with
     * @throws Exception to abort the checkpoint
     */
    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    /**
     * Called after the restore (and after a failed checkpoint).
     *
     * @param context the context the resource is registered with
     * @throws Exception to report a failed restore
     */
    void afterRestore(Context<? extends Resource> context) throws Exception;
}
