package io.powertools.testing.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where dynalite is installed and how to start it: the {@code node} executable and dynalite's
 * {@code cli.js}. The installation is found, in this order, at the directory named by the system
 * property {@value #PROPERTY}, by the environment variable {@value #VARIABLE}, or in the first
 * {@code node_modules/dynalite} found walking up from the working directory (a build that runs
 * {@code npm ci} at its root serves every module below it).
 */
public final class DynaliteInstallation {

    /** System property naming dynalite's package directory (the one holding {@code cli.js}). */
    public static final String PROPERTY = "powertools.test.dynalite";
    /** Environment variable naming dynalite's package directory. */
    public static final String VARIABLE = "POWERTOOLS_TEST_DYNALITE";
    /** The Node.js major version dynalite 4 needs. */
    public static final int MINIMUM_NODE_MAJOR = 20;
    /** What this installation is and how to get it; the start of every "cannot start" message. */
    public static final String REQUIREMENT = "DynamoDbTestServer runs dynalite 4.0.0 (an open-source DynamoDB-compatible"
            + " server) with Node.js >= " + MINIMUM_NODE_MAJOR;
    /** How to get dynalite, or do without it. */
    public static final String REMEDY = "Install Node.js " + MINIMUM_NODE_MAJOR + " or newer with npm, then install"
            + " dynalite: in this repository the Maven build runs `npm ci` at its root (package.json);"
            + " elsewhere run `npm install dynalite@4.0.0` in your project, or set -D" + PROPERTY
            + "=<dir of node_modules/dynalite>. Or use a DynamoDB-compatible endpoint you already run: -D"
            + "powertools.test.dynamodb.endpoint=http://127.0.0.1:8000 (or the environment variable"
            + " POWERTOOLS_TEST_DYNAMODB_ENDPOINT).";

    /**
     * Runs dynalite's command line under a guard: the server exits when its standard input closes,
     * which the operating system does when the JVM that started it ends in any way, even killed.
     * It also refuses a Node.js older than dynalite needs, with a message instead of a syntax error.
     */
    private static final String GUARD = "var major=+process.versions.node.split('.')[0];"
            + "if(major<" + MINIMUM_NODE_MAJOR + "){console.error('Node.js '+process.version+' is too old: dynalite 4"
            + " needs Node.js >= " + MINIMUM_NODE_MAJOR + "');process.exit(3)}"
            + "process.stdin.on('end',function(){process.exit(0)});process.stdin.resume();"
            + "require(process.argv[1])";

    private final String node;
    private final Path cli;

    private DynaliteInstallation(String node, Path cli) {
        this.node = node;
        this.cli = cli;
    }

    /**
     * Locates dynalite.
     *
     * @param node the Node.js executable (a name looked up on the PATH, or a path)
     * @param directory dynalite's package directory, or {@code null} to look it up as the class says
     * @return the installation
     * @throws IllegalStateException naming the requirement when dynalite cannot be found
     */
    public static DynaliteInstallation locate(String node, Path directory) {
        Path packageDirectory = directory != null ? directory : configuredDirectory();
        if (packageDirectory != null) {
            Path cli = packageDirectory.resolve("cli.js");
            if (!Files.isRegularFile(cli)) {
                throw new IllegalStateException(REQUIREMENT + ", but " + cli.toAbsolutePath()
                        + " does not exist (dynalite's package directory was set to " + packageDirectory
                        + "). " + REMEDY);
            }
            return new DynaliteInstallation(node, cli.toAbsolutePath());
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path cli = dir.resolve("node_modules").resolve("dynalite").resolve("cli.js");
            if (Files.isRegularFile(cli)) {
                return new DynaliteInstallation(node, cli);
            }
        }
        throw new IllegalStateException(REQUIREMENT + ", but no node_modules/dynalite was found in " + start
                + " or any directory above it. " + REMEDY);
    }

    private static Path configuredDirectory() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(VARIABLE);
        }
        return configured == null || configured.isBlank() ? null : Path.of(configured.trim());
    }

    /**
     * The command that starts dynalite on a loopback port.
     *
     * @param port the port
     * @param dataDirectory where to keep the tables ({@code --path}), or {@code null} for memory
     * @return the command line
     */
    public List<String> command(int port, Path dataDirectory) {
        List<String> command = new ArrayList<>(List.of(node, "-e", GUARD, cli.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port),
                // Tables are ACTIVE at once: tests need not poll for them.
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDirectory != null) {
            command.add("--path");
            command.add(dataDirectory.toAbsolutePath().toString());
        }
        return command;
    }

    /**
     * The Node.js executable.
     *
     * @return what the command runs
     */
    public String node() {
        return node;
    }

    /**
     * dynalite's command line script.
     *
     * @return the absolute path of {@code cli.js}
     */
    public Path cli() {
        return cli;
    }
}
