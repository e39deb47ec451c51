package io.powertools.metrics.internal;

import io.powertools.core.priming.PrimingContributor;
import java.util.List;

/**
 * SnapStart priming of powertools-metrics: its generated class list covers the metrics API, validation and
 * the EMF writer. Nothing is written: priming must not emit EMF lines.
 */
public final class MetricsPriming implements PrimingContributor {

    /** Creates the contributor (ServiceLoader). */
    public MetricsPriming() {
    }

    @Override
    public String name() {
        return "powertools-metrics";
    }

    @Override
    public List<String> classLists() {
        return List.of(CLASS_LIST_DIRECTORY + "powertools-metrics.classes");
    }
}
