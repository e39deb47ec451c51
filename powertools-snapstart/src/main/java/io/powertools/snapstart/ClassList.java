package io.powertools.snapstart;

import io.powertools.core.priming.PrimingContributor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable list of classes to load and initialise before the SnapStart snapshot, so restored
 * environments do not pay for class loading on their first invocation.
 *
 * <p>File format: one binary class name per line ({@code com.example.Order$Line}), in the order
 * they were loaded; blank lines and lines starting with {@code #} are ignored. Lists are produced
 * by {@link ClassListGenerator}, not written by hand. A function's own list lives at
 * {@value #FUNCTION_LIST} and is primed automatically; library modules ship theirs under
 * {@value #DIRECTORY} and name them through a {@link PrimingContributor}.
 */
public final class ClassList {

    /** Where class lists live on the class path. */
    public static final String DIRECTORY = PrimingContributor.CLASS_LIST_DIRECTORY;
    /** The function's own class list, primed automatically when present (every copy on the class path). */
    public static final String FUNCTION_LIST = DIRECTORY + "function.classes";

    private final String source;
    private final List<String> classNames;

    private ClassList(String source, Collection<String> classNames) {
        this.source = Objects.requireNonNull(source, "source");
        Set<String> unique = new LinkedHashSet<>();
        for (String name : classNames) {
            String trimmed = Objects.requireNonNull(name, "class name").trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                unique.add(validated(trimmed, source));
            }
        }
        this.classNames = List.copyOf(unique);
    }

    /**
     * A list of the given classes.
     *
     * @param source a name for the list, used in log lines and errors
     * @param classNames binary class names; duplicates are dropped, order is kept
     * @return the list
     * @throws IllegalArgumentException when a name is not a class name
     */
    public static ClassList of(String source, Collection<String> classNames) {
        return new ClassList(source, classNames);
    }

    /**
     * Reads a list in the file format described above.
     *
     * @param source a name for the list
     * @param reader the text; not closed
     * @return the list
     * @throws UncheckedIOException when reading fails
     * @throws IllegalArgumentException when a line is not a class name
     */
    public static ClassList parse(String source, Reader reader) {
        BufferedReader lines = new BufferedReader(reader);
        List<String> names = new ArrayList<>();
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                names.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read class list " + source + ": " + e.getMessage(), e);
        }
        return new ClassList(source, names);
    }

    /**
     * Reads a list from a file.
     *
     * @param file the file
     * @return the list
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ClassList read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read class list " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a list from the class path, e.g. one generated into {@code src/main/resources}.
     *
     * @param resource the resource path, without a leading slash
     * @param loader the class loader to look in
     * @return the list
     * @throws IllegalArgumentException when no such resource exists, naming it
     */
    public static ClassList fromResource(String resource, ClassLoader loader) {
        return findResource(resource, loader).orElseThrow(() -> new IllegalArgumentException(
                "Class list '" + resource + "' is not on the class path. Generate it with ClassListGenerator into "
                        + "src/main/resources/" + resource + " (see docs/snapstart.md)."));
    }

    /**
     * Reads a list from the class path when it exists.
     *
     * @param resource the resource path, without a leading slash
     * @param loader the class loader to look in
     * @return the list, or empty when the resource does not exist
     */
    public static Optional<ClassList> findResource(String resource, ClassLoader loader) {
        URL url = loader.getResource(stripSlash(resource));
        return url == null ? Optional.empty() : Optional.of(read(url));
    }

    /**
     * Reads a list from a URL (e.g. one of several copies found with {@code ClassLoader.getResources}).
     *
     * @param url where the list is
     * @return the list
     * @throws UncheckedIOException when it cannot be read
     */
    public static ClassList read(URL url) {
        try (InputStream in = url.openStream()) {
            return parse(url.toString(), new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read class list " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the list in the file format, with a header saying how it was produced.
     *
     * @param file the file; its directory is created
     * @param header comment lines for the top of the file (without {@code #})
     * @throws UncheckedIOException when writing fails
     */
    public void write(Path file, List<String> header) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (String line : header) {
                    writer.write("# " + line + "\n");
                }
                for (String name : classNames) {
                    writer.write(name);
                    writer.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write class list " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where this list came from.
     *
     * @return the source name
     */
    public String source() {
        return source;
    }

    /**
     * The classes, in load order, without duplicates.
     *
     * @return the binary class names
     */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * The number of classes.
     *
     * @return the size
     */
    public int size() {
        return classNames.size();
    }

    @Override
    public String toString() {
        return "ClassList[" + source + ", " + classNames.size() + " classes]";
    }

    private static String stripSlash(String resource) {
        return resource.startsWith("/") ? resource.substring(1) : resource;
    }

    private static String validated(String name, String source) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            // Binary names: identifiers separated by dots, nested classes with '$'.
            if (!(Character.isJavaIdentifierPart(c) || c == '.')) {
                throw new IllegalArgumentException("Class list " + source + " has a line that is not a class name: '"
                        + name + "'. Expected one binary class name per line, e.g. com.example.Order$Line.");
            }
        }
        return name;
    }
}
