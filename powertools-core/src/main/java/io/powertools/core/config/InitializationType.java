package io.powertools.core.config;

/**
 * How Lambda initialised this execution environment ({@code AWS_LAMBDA_INITIALIZATION_TYPE}),
 * which decides whether the first invocation is a cold start.
 */
public enum InitializationType {
    /** Initialised for the invocation that is waiting: its first invocation is a cold start. */
    ON_DEMAND(true),
    /** Initialised ahead of traffic: no invocation waited for the init, so none is a cold start. */
    PROVISIONED_CONCURRENCY(false),
    /** Restored from a snapshot: the first invocation after the restore is a cold start. */
    SNAP_START(true),
    /** A Lambda Managed Instances environment: its first invocation is a cold start. */
    LAMBDA_MANAGED_INSTANCES(true);

    private final boolean firstInvocationIsColdStart;

    InitializationType(boolean firstInvocationIsColdStart) {
        this.firstInvocationIsColdStart = firstInvocationIsColdStart;
    }

    /**
     * Whether the first (non-priming) invocation in such an environment waited for the init.
     *
     * @return true when the first invocation counts as a cold start
     */
    public boolean firstInvocationIsColdStart() {
        return firstInvocationIsColdStart;
    }

    /**
     * Reads the type from the environment. Unknown or absent values mean {@link #ON_DEMAND}:
     * Lambda may add types, and a function must not fail to start because of a new one.
     *
     * @param environment where to read {@link Variables#AWS_LAMBDA_INITIALIZATION_TYPE}
     * @return the type
     */
    public static InitializationType from(Environment environment) {
        String value = environment.get(Variables.AWS_LAMBDA_INITIALIZATION_TYPE, "")
                .replace('-', '_');
        for (InitializationType type : values()) {
            if (type.name().equalsIgnoreCase(value)) {
                return type;
            }
        }
        return ON_DEMAND;
    }
}
