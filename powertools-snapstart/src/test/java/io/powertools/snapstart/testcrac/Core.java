package io.powertools.snapstart.testcrac;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Test CRaC implementation that behaves like the JDK's and the Lambda runtime's: resources are held
 * weakly, {@code beforeCheckpoint} runs in reverse registration order, {@code afterRestore} in
 * registration order, and afterRestore also runs after a failed checkpoint. A failure does not stop
 * the other resources; all failures become suppressed exceptions of one Checkpoint/RestoreException.
 */
public final class Core {

    private static final List<WeakReference<Resource>> RESOURCES = new ArrayList<>();
    private static final Context<Resource> GLOBAL = new Context<>() {
        @Override
        public void register(Resource resource) {
            synchronized (RESOURCES) {
                RESOURCES.add(new WeakReference<>(resource));
            }
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            throw new UnsupportedOperationException("the global context is not a resource");
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            throw new UnsupportedOperationException("the global context is not a resource");
        }
    };

    private Core() {
    }

    /**
     * The global context.
     *
     * @return the context org.crac registers resources with
     */
    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /**
     * Runs a checkpoint and a restore in the same JVM.
     *
     * @throws CheckpointException when a beforeCheckpoint failed (afterRestore still ran)
     * @throws RestoreException when an afterRestore failed
     */
    public static void checkpointRestore() throws CheckpointException, RestoreException {
        List<Resource> live = live();
        CheckpointException checkpointFailure = null;
        for (int i = live.size() - 1; i >= 0; i--) {
            try {
                live.get(i).beforeCheckpoint(GLOBAL);
            } catch (Exception e) {
                if (checkpointFailure == null) {
                    checkpointFailure = new CheckpointException();
                }
                checkpointFailure.addSuppressed(e);
            }
        }
        RestoreException restoreFailure = null;
        for (Resource resource : live) {
            try {
                resource.afterRestore(GLOBAL);
            } catch (Exception e) {
                if (restoreFailure == null) {
                    restoreFailure = new RestoreException();
                }
                restoreFailure.addSuppressed(e);
            }
        }
        if (checkpointFailure != null) {
            throw checkpointFailure;
        }
        if (restoreFailure != null) {
            throw restoreFailure;
        }
    }

    /** Test helper: forgets every registered resource, so tests do not see each other's. */
    public static void reset() {
        synchronized (RESOURCES) {
            RESOURCES.clear();
        }
    }

    /**
     * Test helper: how many registered resources are still reachable.
     *
     * @return the number of live resources
     */
    public static int liveResources() {
        return live().size();
    }

    private static List<Resource> live() {
        synchronized (RESOURCES) {
            List<Resource> live = new ArrayList<>();
            RESOURCES.removeIf(ref -> ref.get() == null);
            for (WeakReference<Resource> ref : RESOURCES) {
                Resource resource = ref.get();
                if (resource != null) {
                    live.add(resource);
                }
            }
            return live;
        }
    }
}
