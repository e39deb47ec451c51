package io.powertools.snapstart.internal;

import io.powertools.snapstart.ClassList;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads and initialises the classes of class lists and counts what worked. */
public final class ClassPrimer {

    private static final Logger LOG = LoggerFactory.getLogger(ClassPrimer.class);
    private static final int NAMES_IN_WARNING = 5;

    private final ClassLoader loader;
    private final List<String> notLoaded = new ArrayList<>();
    private int loaded;

    /**
     * Creates a primer.
     *
     * @param loader the class loader the function's classes come from
     */
    public ClassPrimer(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * Loads and initialises every class of the list. A class that cannot be loaded is skipped
     * with a warning: it loads on first use as it would without priming.
     *
     * @param list the list
     */
    public void prime(ClassList list) {
        List<String> failedHere = new ArrayList<>();
        for (String name : list.classNames()) {
            try {
                Class.forName(name, true, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // LinkageError covers a missing dependency and a static initialiser that needs the
                // real environment (ExceptionInInitializerError).
                failedHere.add(name + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        notLoaded.addAll(failedHere);
        if (!failedHere.isEmpty()) {
            LOG.warn("SnapStart class priming: {} of {} classes of {} could not be loaded, e.g. {}. Regenerate the "
                    + "list if the code changed (see docs/snapstart.md).", failedHere.size(), list.size(),
                    list.source(), failedHere.subList(0, Math.min(NAMES_IN_WARNING, failedHere.size())));
        } else {
            LOG.debug("SnapStart class priming: loaded {} classes of {}", list.size(), list.source());
        }
    }

    /**
     * Classes loaded so far.
     *
     * @return the count
     */
    public int loaded() {
        return loaded;
    }

    /**
     * Classes that could not be loaded so far, with the reason.
     *
     * @return the names
     */
    public List<String> notLoaded() {
        return List.copyOf(notLoaded);
    }
}
