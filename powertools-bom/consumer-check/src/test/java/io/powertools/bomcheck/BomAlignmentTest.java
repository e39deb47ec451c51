package io.powertools.bomcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A project that imports only powertools-bom gets, on its test class path, exactly the library
 * versions io.powertools is built and tested with: one AWS SDK, one Jackson, one Log4j2, one JUnit,
 * the same Lambda libraries. (That each artifact has one version at all is checked by the build's
 * enforcer dependencyConvergence rule before this test runs.)
 */
class BomAlignmentTest {

    private static Map<String, String> built;
    /** Resolved jars as "groupId:artifactId" to version, read from their local repository paths. */
    private static Map<String, String> resolved;

    @BeforeAll
    static void read() throws Exception {
        built = properties(Path.of(System.getProperty("powertools.parent.pom")));
        resolved = resolvedJars();
    }

    @Test
    void theBomDeclaresTheVersionsTheLibraryIsBuiltWith() throws Exception {
        Map<String, String> bom = properties(Path.of("..", "pom.xml"));
        assertFalse(bom.isEmpty(), "powertools-bom declares no version properties");
        for (Map.Entry<String, String> entry : bom.entrySet()) {
            assertEquals(built.get(entry.getKey()), entry.getValue(),
                    "powertools-bom's " + entry.getKey() + " differs from the root pom's: set both to one version");
        }
    }

    @Test
    void oneAwsSdkVersionTheOneWeTestWith() {
        assertOnly("software.amazon.awssdk:", built.get("aws-sdk.version"));
    }

    @Test
    void oneJacksonVersionTheOneWeTestWith() {
        assertOnly("com.fasterxml.jackson.core:jackson-core", built.get("jackson.version"));
        assertOnly("com.fasterxml.jackson.core:jackson-databind", built.get("jackson.version"));
    }

    @Test
    void oneLog4jVersionTheOneWeTestWith() {
        assertOnly("org.apache.logging.log4j:", built.get("log4j.version"));
    }

    @Test
    void oneJUnitVersionTheOneWeTestWith() {
        assertOnly("org.junit.jupiter:", built.get("junit.version"));
    }

    @Test
    void theLambdaLibrariesWeTestWith() {
        assertOnly("com.amazonaws:aws-lambda-java-core", built.get("lambda-core.version"));
        assertOnly("com.amazonaws:aws-lambda-java-events", built.get("lambda-events.version"));
        assertOnly("com.amazonaws:aws-lambda-java-runtime-interface-client", built.get("lambda-ric.version"));
    }

    private static void assertOnly(String prefix, String version) {
        Map<String, String> matching = new TreeMap<>();
        resolved.forEach((artifact, v) -> {
            if (artifact.startsWith(prefix)) {
                matching.put(artifact, v);
            }
        });
        assertFalse(matching.isEmpty(), "nothing of " + prefix + " on the class path: " + resolved.keySet());
        assertEquals(Collections.singleton(version), new TreeSet<>(matching.values()),
                prefix + " resolves to other versions than the one io.powertools is tested with: " + matching);
    }

    /** The properties of a pom, by name. */
    private static Map<String, String> properties(Path pom) throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        Map<String, String> properties = new TreeMap<>();
        for (Node section = root.getFirstChild(); section != null; section = section.getNextSibling()) {
            if (section instanceof Element && "properties".equals(section.getNodeName())) {
                for (Node property = section.getFirstChild(); property != null; property = property.getNextSibling()) {
                    if (property instanceof Element) {
                        properties.put(property.getNodeName(), property.getTextContent().trim());
                    }
                }
            }
        }
        return properties;
    }

    /**
     * Every jar of the local repository on the class path, named from its place there
     * ({@code group/path/artifact/version/artifact-version.jar}), so the class path form surefire
     * uses does not matter.
     */
    private static Map<String, String> resolvedJars() throws Exception {
        // org/junit/jupiter/junit-jupiter-api/<version>/<jar>: six levels below the repository root.
        Path repository = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (int i = 0; i < 6; i++) {
            repository = repository.getParent();
        }
        Map<String, String> jars = new TreeMap<>();
        for (URL manifest : Collections.list(BomAlignmentTest.class.getClassLoader()
                .getResources("META-INF/MANIFEST.MF"))) {
            String url = manifest.toString();
            if (!url.startsWith("jar:file:")) {
                continue;
            }
            Path jar = Path.of(new URL(url.substring("jar:".length(), url.indexOf("!/"))).toURI());
            if (!jar.startsWith(repository) || !Files.isRegularFile(jar)) {
                continue; // e.g. surefire's own booter jar
            }
            Path versionDir = jar.getParent();
            Path artifactDir = versionDir.getParent();
            String group = repository.relativize(artifactDir.getParent()).toString()
                    .replace(jar.getFileSystem().getSeparator(), ".");
            jars.put(group + ":" + artifactDir.getFileName(), versionDir.getFileName().toString());
        }
        assertTrue(jars.size() > 10, "expected the dependencies' jars on the class path, found " + jars);
        return jars;
    }
}
