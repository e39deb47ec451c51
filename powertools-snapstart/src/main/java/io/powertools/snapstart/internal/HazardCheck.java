package io.powertools.snapstart.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Looks for state created at init that every environment restored from the snapshot would share:
 * random generators and ids in static fields, threads started during init, and a deterministic
 * default SecureRandom. It only warns; it cannot see every hazard (a cached timestamp in an
 * instance field looks like any other field).
 */
public final class HazardCheck {

    /**
     * Not inspected: the JDK, io.powertools itself, and libraries io.powertools brings whose static
     * UUIDs are fixed format markers, not ids (ANTLR's serialized-ATN UUIDs, shaded into JMESPath).
     */
    private static final List<String> SKIPPED_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "io.powertools.", "io.burt.jmespath.", "org.antlr.");

    private static final Set<String> JDK_GROUPS = Set.of("system", "InnocuousThreadGroup");

    private final Set<Object> reseeded;

    /**
     * Creates the check.
     *
     * @param reseeded random generators that are re-seeded after restore (not hazards)
     */
    public HazardCheck(Collection<?> reseeded) {
        Set<Object> identity = Collections.newSetFromMap(new IdentityHashMap<>());
        identity.addAll(reseeded);
        this.reseeded = identity;
    }

    /**
     * Runs every check.
     *
     * @param classes the classes whose static fields are inspected (already loaded; callers filter
     *     class-list entries with {@link #inspects(String)}, explicitly named classes are always inspected)
     * @return one message per hazard, saying what to do
     */
    public List<String> run(Collection<Class<?>> classes) {
        List<String> hazards = new ArrayList<>();
        for (Class<?> type : classes) {
            staticFields(type, hazards);
        }
        threads(hazards);
        defaultSecureRandom(hazards);
        return hazards;
    }

    private void staticFields(Class<?> type, List<String> hazards) {
        Field[] fields;
        try {
            fields = type.getDeclaredFields();
        } catch (LinkageError e) {
            return; // a field type is missing from the class path; nothing to inspect
        }
        for (Field field : fields) {
            if (!Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Class<?> fieldType = field.getType();
            String where = type.getName() + "." + field.getName();
            if (Random.class.isAssignableFrom(fieldType) && !SecureRandom.class.isAssignableFrom(fieldType)
                    || SplittableRandom.class.isAssignableFrom(fieldType)) {
                if (!isReseeded(field)) {
                    hazards.add(where + " (" + fieldType.getName() + ") is created at init: every restored environment"
                            + " draws the same numbers. Register it with SnapStart.reseedAfterRestore(..) or create it"
                            + " per use.");
                }
            } else if (fieldType == UUID.class) {
                hazards.add(where + " (java.util.UUID) is generated at init: every restored environment has the same"
                        + " id. Hold it in a RestoreScoped so it is regenerated after restore.");
            }
        }
    }

    private boolean isReseeded(Field field) {
        if (!field.trySetAccessible()) {
            return false;
        }
        try {
            return reseeded.contains(field.get(null));
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    private static void threads(List<String> hazards) {
        Thread current = Thread.currentThread();
        List<String> names = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            ThreadGroup group = thread.getThreadGroup();
            // The JVM's own threads (reference handler, finalizer, Common-Cleaner) live in the
            // "system" and "InnocuousThreadGroup" groups.
            if (thread != current && thread.isAlive() && group != null && !JDK_GROUPS.contains(group.getName())
                    && !"main".equals(thread.getName())) {
                names.add(thread.getName());
            }
        }
        if (!names.isEmpty()) {
            Collections.sort(names);
            hazards.add(names.size() + " thread(s) started during init are copied into every restored environment "
                    + names + ": their ThreadLocalRandom seeds and scheduled timers are shared and their connections"
                    + " are stale. Start them lazily, or re-create their owners with RestoreScoped.");
        }
    }

    private static void defaultSecureRandom(List<String> hazards) {
        String algorithm = new SecureRandom().getAlgorithm();
        if ("SHA1PRNG".equals(algorithm)) {
            hazards.add("The default SecureRandom is SHA1PRNG (check securerandom.source and java.security.egd):"
                    + " an instance seeded at init produces the same bytes in every restored environment. Use"
                    + " the platform default (NativePRNG) or reseed it with SnapStart.reseedAfterRestore(..).");
        }
    }

    /**
     * Whether the static fields of a class are inspected: the function's and third-party classes,
     * not the JDK's, io.powertools' own or the parsers it bundles.
     *
     * @param className the binary class name
     * @return true when inspected
     */
    public static boolean inspects(String className) {
        for (String prefix : SKIPPED_PACKAGES) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }
}
