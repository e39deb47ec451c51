package io.powertools.snapstart.internal;

import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.priming.SnapStartActivation;
import io.powertools.snapstart.SnapStart;

/**
 * Registers the process's {@link SnapStart} registry with CRaC as soon as any io.powertools utility
 * is first used in a SnapStart environment, so the library's class lists and priming run before the
 * snapshot without a call in the function's code. Invoke priming still needs the function to say
 * what to call ({@code SnapStart.get().primeInvocations(..)}).
 */
public final class AutomaticRegistration implements SnapStartActivation {

    @Override
    public void activate(ExecutionEnvironment environment) {
        SnapStart.get();
    }
}
