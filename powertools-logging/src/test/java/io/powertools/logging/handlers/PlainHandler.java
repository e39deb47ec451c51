package io.powertools.logging.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A woven handler that does not use {@code @Logging}: the aspect must leave it alone. */
public class PlainHandler implements RequestHandler<String, String> {

    @Override
    public String handleRequest(String input, Context context) {
        return input;
    }
}
