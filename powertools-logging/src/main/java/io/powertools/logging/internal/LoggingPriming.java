package io.powertools.logging.internal;

import io.powertools.core.priming.PrimingContributor;
import java.util.List;

/**
 * SnapStart priming of powertools-logging: its generated class list covers the layout, the resolvers and
 * the functional API. Nothing is logged while priming.
 */
public final class LoggingPriming implements PrimingContributor {

    /** Creates the contributor (ServiceLoader). */
    public LoggingPriming() {
    }

    @Override
    public String name() {
        return "powertools-logging";
    }

    @Override
    public List<String> classLists() {
        return List.of(CLASS_LIST_DIRECTORY + "powertools-logging.classes");
    }
}
