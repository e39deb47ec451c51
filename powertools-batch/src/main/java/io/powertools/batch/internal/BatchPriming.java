package io.powertools.batch.internal;

import io.powertools.core.priming.PrimingContributor;
import java.util.List;

/**
 * SnapStart priming of powertools-batch: its generated class list covers the processors and the record
 * deserializers.
 */
public final class BatchPriming implements PrimingContributor {

    /** Creates the contributor (ServiceLoader). */
    public BatchPriming() {
    }

    @Override
    public String name() {
        return "powertools-batch";
    }

    @Override
    public List<String> classLists() {
        return List.of(CLASS_LIST_DIRECTORY + "powertools-batch.classes");
    }
}
