package com.example.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generated class list is present and still matches the code: the function's classes it names
 * can all be loaded, and nearly all others. When this fails after a refactoring or an upgrade,
 * regenerate the list (see README).
 */
class ClassListTest {

    private static final Path LIST = Path.of("src/main/resources/META-INF/powertools/priming/function.classes");

    @Test
    void namesOnlyLoadableClassesIncludingTheHandlersOwn() throws Exception {
        List<String> names = Files.readAllLines(LIST).stream()
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toList());

        assertThat(names).contains("com.example.quotes.QuotesHandler", "com.example.quotes.QuoteService",
                "com.example.quotes.RateTable");
        // JDK-internal classes differ between Java versions (a list generated on 17 names classes 25
        // no longer has; priming skips them with a warning), so only the rest must stay loadable.
        List<String> missing = names.stream().filter(name -> !isJdkClass(name) && !loadable(name))
                .collect(Collectors.toList());
        // This function's own classes must all be there; a few library classes may come and go
        // between versions, but many missing means a stale list.
        assertThat(missing).as("classes of this function in %s that no longer exist: regenerate the list", LIST)
                .noneMatch(name -> name.startsWith("com.example."));
        assertThat(missing.size()).as("classes in %s that no longer load: %s; regenerate the list", LIST, missing)
                .isLessThanOrEqualTo(names.size() / 20);
    }

    private static boolean isJdkClass(String name) {
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.");
    }

    private static boolean loadable(String name) {
        try {
            Class.forName(name, false, ClassListTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
