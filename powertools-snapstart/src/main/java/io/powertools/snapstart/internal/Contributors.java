package io.powertools.snapstart.internal;

import io.powertools.core.priming.PrimingContributor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the available {@link PrimingContributor}s on the class path, in name order. */
public final class Contributors {

    private static final Logger LOG = LoggerFactory.getLogger(Contributors.class);

    private Contributors() {
    }

    /**
     * Loads, filters and sorts the contributors. A contributor that cannot be instantiated is
     * reported and skipped: a broken library must not stop the function from starting.
     *
     * @param loader where to look
     * @return the available contributors, ordered by name
     */
    public static List<PrimingContributor> discover(ClassLoader loader) {
        List<PrimingContributor> found = new ArrayList<>();
        Iterator<PrimingContributor> iterator = ServiceLoader.load(PrimingContributor.class, loader).iterator();
        while (true) {
            PrimingContributor contributor;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                contributor = iterator.next();
            } catch (ServiceConfigurationError e) {
                LOG.warn("SnapStart: skipping a priming contributor that could not be loaded: {}", e.toString());
                continue;
            }
            if (isAvailable(contributor)) {
                found.add(contributor);
            }
        }
        found.sort(Comparator.comparing(PrimingContributor::name));
        return found;
    }

    private static boolean isAvailable(PrimingContributor contributor) {
        try {
            return contributor.isAvailable();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("SnapStart: skipping priming contributor {}: {}", contributor.getClass().getName(), e.toString());
            return false;
        }
    }
}
