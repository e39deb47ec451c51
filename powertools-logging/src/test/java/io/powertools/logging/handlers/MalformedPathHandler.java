package io.powertools.logging.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.powertools.logging.Logging;

/** A handler whose annotation carries a malformed correlation path: it must fail when constructed. */
public class MalformedPathHandler implements RequestHandler<String, String> {

    @Override
    @Logging(correlationIdPath = "headers.[broken")
    public String handleRequest(String input, Context context) {
        return input;
    }
}
