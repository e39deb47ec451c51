package io.powertools.core.priming;

import io.powertools.core.ExecutionEnvironment;

/**
 * Lets a module take part in SnapStart without a call in the function's code. When the process's
 * {@link ExecutionEnvironment} is first used in an environment initialised for SnapStart
 * ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}), core calls every implementation listed in
 * {@code META-INF/services/io.powertools.core.priming.SnapStartActivation} once, before that first
 * use returns. powertools-snapstart registers its CRaC hooks this way, so the library's priming
 * runs before the snapshot for any function that has the module on its class path.
 *
 * <p>An exception thrown here fails that first use: a function that cannot be primed as configured
 * fails at init, not after a restore.
 */
public interface SnapStartActivation {

    /**
     * Called once per process, only in a SnapStart environment.
     *
     * @param environment the process's execution environment
     */
    void activate(ExecutionEnvironment environment);
}
