package io.powertools.testing.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Test handler whose class initialisation always fails, like a misconfigured function. */
public class BrokenInitHandler implements RequestHandler<String, String> {

    static {
        if (Boolean.parseBoolean(System.getProperty("broken.init", "true"))) {
            throw new IllegalStateException("missing configuration TABLE_NAME");
        }
    }

    @Override
    public String handleRequest(String event, Context context) {
        return event;
    }
}
