package io.powertools.testing.handlers;

import com.amazonaws.services.lambda.crac.Context;
import com.amazonaws.services.lambda.crac.Core;
import com.amazonaws.services.lambda.crac.Resource;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Test handler with CRaC hooks registered during init, as SnapStart priming code does. With
 * {@code -Dsnapstart.failRestore=true} its {@code afterRestore} hook throws.
 */
public class SnapStartHandler implements RequestHandler<String, String> {

    private static volatile boolean restored;

    /** Strong reference: the CRaC context holds resources weakly. */
    private static final Resource HOOKS = new Resource() {
        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            System.out.println("snapstart-before-checkpoint");
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            if (Boolean.getBoolean("snapstart.failRestore")) {
                throw new IllegalStateException("cannot reconnect after restore");
            }
            System.out.println("snapstart-after-restore");
            restored = true;
        }
    };

    static {
        Core.getGlobalContext().register(HOOKS);
    }

    @Override
    public String handleRequest(String event, com.amazonaws.services.lambda.runtime.Context context) {
        return "restored=" + restored;
    }
}
