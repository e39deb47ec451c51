package io.powertools.snapstart.internal;

import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.priming.SnapStartActivation;
import io.powertools.snapstart.SnapStart;

/**
 * Registers the process's {@link SnapStart} registry with CRaC as soon as any io.powertools utility
 * is first used in a SnapStart environment, so the library's class lists and priming run before the
 * snapshot without a call in the function's code. Invoke priming still needs the function to say
 * what to call ({@code SnapStart.get().primeInvocations(..)}). {@value #VARIABLE}{@code =false} turns
 * this off (the function then registers by calling {@link SnapStart#get()} itself, or not at all).
 */
public final class AutomaticRegistration implements SnapStartActivation {

    /** Set to {@code false} to keep the module from registering itself. */
    public static final String VARIABLE = "POWERTOOLS_SNAPSTART_AUTO_REGISTER";

    @Override
    public void activate(ExecutionEnvironment environment) {
        if (environment.environment().getBoolean(VARIABLE, true)) {
            SnapStart.get();
        }
    }
}
