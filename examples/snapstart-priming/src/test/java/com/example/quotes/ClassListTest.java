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
        List<String> missing = names.stream().filter(name -> !loadable(name)).collect(Collectors.toList());
        // This function's own classes must all be there; a few library or JDK classes may come and go
        // between versions (priming skips them with a warning), but many missing means a stale list.
        assertThat(missing).as("classes of this function in %s that no longer exist: regenerate the list", LIST)
                .noneMatch(name -> name.startsWith("com.example."));
        assertThat(missing.size()).as("classes in %s that no longer load: %s; regenerate the list", LIST, missing)
                .isLessThanOrEqualTo(names.size() / 20);
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
