package io.powertools.snapstart.internal;

import io.powertools.snapstart.ClassList;
import io.powertools.snapstart.PrimingContributor;
import java.util.List;

/**
 * Priming of one io.powertools module, shipped in this module until the module ships its own
 * contributor: available only when a marker class of the module is on the class path (looked up
 * by name, so this module does not depend on the others), with the module's generated class list
 * at {@code META-INF/powertools/priming/<artifact-id>.classes}.
 */
abstract class ModulePriming implements PrimingContributor {

    private final String artifactId;
    private final String markerClass;

    ModulePriming(String artifactId, String markerClass) {
        this.artifactId = artifactId;
        this.markerClass = markerClass;
    }

    @Override
    public final String name() {
        return artifactId;
    }

    @Override
    public boolean isAvailable() {
        try {
            Class.forName(markerClass, false, getClass().getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public List<String> classLists() {
        return List.of(ClassList.DIRECTORY + artifactId + ".classes");
    }
}
