package io.powertools.core.internal;

import io.powertools.core.json.JsonSupport;
import io.powertools.core.priming.PrimingContributor;
import java.io.IOException;
import java.util.List;

/**
 * Primes powertools-core: the shared Jackson configuration (parse, tree, bind, write) and JMESPath
 * with the powertools functions, which every other module uses on its first invocation.
 */
public final class CorePriming implements PrimingContributor {

    /** Creates the contributor (ServiceLoader). */
    public CorePriming() {
    }

    @Override
    public String name() {
        return "powertools-core";
    }

    @Override
    public List<String> classLists() {
        // The list is mostly Jackson and JMESPath, which are optional: without them there is nothing to load.
        return JsonSupport.isAvailable() ? List.of(CLASS_LIST_DIRECTORY + "powertools-core.classes") : List.of();
    }

    @Override
    public void prime() throws IOException {
        if (JsonSupport.isAvailable()) {
            // A separate class: this one must load without Jackson, which is optional.
            JsonPriming.prime();
        }
    }
}
