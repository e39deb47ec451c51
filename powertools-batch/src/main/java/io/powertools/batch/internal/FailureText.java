package io.powertools.batch.internal;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The text a failed record's WARN line carries instead of the whole exception: the exception's
 * class and message, a few stack frames and the class and message of its causes, every message
 * shortened. A poison batch fails the same way for every record; full stack traces of thousands of
 * records would bury the log (and its bill) without saying more.
 */
public final class FailureText {

    /** Longest message kept of each exception in the chain. */
    static final int MAX_MESSAGE_CHARS = 256;
    /** How many causes are named after the exception itself. */
    static final int MAX_CAUSES = 3;

    private FailureText() {
    }

    /**
     * Describes a failure.
     *
     * @param failure the exception
     * @param stackTraceDepth how many frames of the exception to show
     * @return one bounded text, lines separated by {@code \n}
     */
    public static String of(Throwable failure, int stackTraceDepth) {
        StringBuilder text = new StringBuilder(256);
        summary(text, failure);
        StackTraceElement[] frames = failure.getStackTrace();
        int shown = Math.min(stackTraceDepth, frames.length);
        for (int i = 0; i < shown; i++) {
            text.append("\n\tat ").append(frames[i]);
        }
        if (frames.length > shown) {
            text.append("\n\t... ").append(frames.length - shown).append(" more frames (failureStackTraceDepth is ")
                    .append(stackTraceDepth).append(')');
        }
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        seen.put(failure, true);
        Throwable cause = failure.getCause();
        for (int n = 0; cause != null && n < MAX_CAUSES && seen.put(cause, true) == null; n++) {
            summary(text.append("\nCaused by: "), cause);
            cause = cause.getCause();
        }
        if (cause != null && !seen.containsKey(cause)) {
            text.append("\n... more causes");
        }
        return text.toString();
    }

    /**
     * The message of a failure alone, shortened: for failures whose stack says nothing (a body
     * that cannot be read).
     *
     * @param failure the exception
     * @return its message, at most {@value #MAX_MESSAGE_CHARS} characters and a note of what was cut
     */
    public static String message(Throwable failure) {
        return shorten(messageOf(failure));
    }

    private static void summary(StringBuilder text, Throwable failure) {
        text.append(failure.getClass().getName());
        String message = messageOf(failure);
        if (message != null) {
            text.append(": ").append(shorten(message));
        }
    }

    /** {@code getMessage()} is user code: one that throws must not cost the line. */
    private static String messageOf(Throwable failure) {
        try {
            return failure.getMessage();
        } catch (RuntimeException e) {
            return "<getMessage() threw " + e.getClass().getName() + ">";
        }
    }

    private static String shorten(String message) {
        if (message == null || message.length() <= MAX_MESSAGE_CHARS) {
            return message;
        }
        int end = MAX_MESSAGE_CHARS;
        if (Character.isHighSurrogate(message.charAt(end - 1))) {
            end--; // never cut a character in half
        }
        return message.substring(0, end) + "... [" + (message.length() - end) + " characters cut]";
    }
}
