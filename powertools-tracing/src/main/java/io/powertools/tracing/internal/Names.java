package io.powertools.tracing.internal;

/**
 * The naming rules of segment documents, checked where a name is given so a mistake fails at the
 * call that made it with the rule and the fix, not silently in X-Ray.
 */
public final class Names {

    /** Longest subsegment name X-Ray accepts. */
    public static final int MAX_NAME_LENGTH = 200;
    /** Longest annotation key. */
    public static final int MAX_ANNOTATION_KEY_LENGTH = 500;
    /** Longest annotation string value. */
    public static final int MAX_ANNOTATION_VALUE_LENGTH = 1_000;
    /** Most annotations X-Ray indexes per trace; this library counts them per invocation. */
    public static final int MAX_ANNOTATIONS = 50;

    private static final String NAME_SYMBOLS = "_.:/%&#=+\\-@";

    private Names() {
    }

    /**
     * Checks a subsegment name: 1 to 200 characters of Unicode letters, digits, whitespace and
     * {@code _ . : / % & # = + \ - @}.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException naming the rule
     */
    public static String subsegmentName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Subsegment name '" + name + "' is not valid: X-Ray needs 1 to "
                    + MAX_NAME_LENGTH + " characters, not blank");
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (!Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && NAME_SYMBOLS.indexOf(c) < 0) {
                throw new IllegalArgumentException("Subsegment name '" + name + "' has '" + new String(Character.toChars(c))
                        + "': X-Ray allows letters, digits, whitespace and _ . : / % & # = + \\ - @");
            }
            i += Character.charCount(c);
        }
        return name;
    }

    /**
     * Checks an annotation key: 1 to 500 ASCII letters, digits or underscores (X-Ray indexes
     * annotations for filter expressions, whose keys cannot hold anything else).
     *
     * @param key the key
     * @return the key
     * @throws IllegalArgumentException naming the rule
     */
    public static String annotationKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_ANNOTATION_KEY_LENGTH) {
            throw new IllegalArgumentException("Annotation key '" + key + "' is not valid: X-Ray needs 1 to "
                    + MAX_ANNOTATION_KEY_LENGTH + " letters, digits or underscores");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                throw new IllegalArgumentException("Annotation key '" + key + "' has '" + c
                        + "': X-Ray annotation keys are ASCII letters, digits and underscores only (use metadata for others)");
            }
        }
        return key;
    }

    /**
     * Checks an annotation value: a string of at most 1,000 characters, a finite number or a boolean.
     *
     * @param key the key, for the message
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException naming the rule
     */
    public static Object annotationValue(String key, Object value) {
        if (value instanceof String text) {
            if (text.length() > MAX_ANNOTATION_VALUE_LENGTH) {
                throw new IllegalArgumentException("Annotation '" + key + "' has a value of " + text.length()
                        + " characters; X-Ray keeps at most " + MAX_ANNOTATION_VALUE_LENGTH
                        + " (put long values in metadata)");
            }
            return text;
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            double asDouble = number.doubleValue();
            if (!Double.isFinite(asDouble)) {
                throw new IllegalArgumentException("Annotation '" + key + "' is " + number
                        + "; JSON has no such number: annotate a finite number");
            }
            return number;
        }
        throw new IllegalArgumentException("Annotation '" + key + "' is "
                + (value == null ? "null" : "a " + value.getClass().getName())
                + "; X-Ray annotations are strings, numbers or booleans (put other values in metadata)");
    }

    /**
     * Checks a subsegment namespace: {@code aws} for AWS calls, {@code remote} for other
     * downstream calls, or none.
     *
     * @param namespace the namespace; null or empty for none
     * @return the namespace, or null for none
     * @throws IllegalArgumentException naming the rule
     */
    public static String namespace(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return null;
        }
        if (namespace.equals("aws") || namespace.equals("remote")) {
            return namespace;
        }
        throw new IllegalArgumentException("Subsegment namespace '" + namespace
                + "' is not valid: X-Ray knows 'aws' (AWS SDK calls), 'remote' (other downstream calls) or none");
    }

    /**
     * Checks a metadata namespace: not blank, and not starting with {@code AWS.} (reserved for AWS).
     *
     * @param namespace the namespace
     * @return the namespace
     * @throws IllegalArgumentException naming the rule
     */
    public static String metadataNamespace(String namespace) {
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("Metadata namespace '" + namespace + "' is blank: pass a name, or use "
                    + "putMetadata(key, value) for the 'default' namespace");
        }
        if (namespace.startsWith("AWS.")) {
            throw new IllegalArgumentException("Metadata namespace '" + namespace
                    + "' starts with 'AWS.', which X-Ray reserves for AWS: choose another namespace");
        }
        return namespace;
    }
}
