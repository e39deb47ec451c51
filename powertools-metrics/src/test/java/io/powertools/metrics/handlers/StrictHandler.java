package io.powertools.metrics.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.metrics.FlushMetrics;

/** A handler that adds nothing under raiseOnEmptyMetrics, to show the annotation's options apply. */
public class StrictHandler {

    /**
     * Adds no metric.
     *
     * @param event ignored
     * @param context the context
     * @return always "nothing"
     */
    @FlushMetrics(namespace = "Strict", raiseOnEmptyMetrics = true)
    public String handle(String event, Context context) {
        return "nothing";
    }
}
