package io.powertools.testing;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A SAM / CloudFormation template read offline: short-form intrinsics ({@code !Ref}, {@code !GetAtt},
 * {@code !Sub}...) become their long form ({@code {"Ref": ..}}, {@code {"Fn::GetAtt": ..}}), and
 * every reference can be checked against the template's resources and parameters, and every
 * function's {@code Handler} against the test class path:
 *
 * <pre>{@code
 * SamTemplate template = SamTemplate.load(Path.of("template.yaml"));
 * assertThat(template.unresolvedReferences()).isEmpty();
 * assertThat(template.unloadableHandlers()).isEmpty();
 * assertThat(template.uncreatableRuntimes()).isEmpty();
 * }</pre>
 */
public final class SamTemplate {

    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs",
            "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    /** Java runtimes Lambda creates functions on (late 2026). */
    static final Set<String> CREATABLE_JAVA_RUNTIMES = Set.of("java21", "java25");
    /**
     * Java runtimes Lambda no longer creates functions on, with why. The Amazon Linux 2 based ones
     * were deprecated on 2026-06-30 and creation was blocked on 2026-07-31 (linters such as cfn-lint
     * reject them); java8 on Amazon Linux 1 went in 2024.
     */
    private static final Map<String, String> RETIRED_JAVA_RUNTIMES = Map.of(
            "java8", "retired in 2024",
            "java8.al2", "deprecated on 2026-06-30, creation blocked since 2026-07-31",
            "java11", "deprecated on 2026-06-30, creation blocked since 2026-07-31",
            "java17", "deprecated on 2026-06-30, creation blocked since 2026-07-31");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    /** Parses a template; fails on invalid YAML. */
    public static SamTemplate load(Path path) throws IOException {
        try (Reader reader = Files.newBufferedReader(path)) {
            Object parsed = new Yaml(new IntrinsicsConstructor()).load(reader);
            if (!(parsed instanceof Map)) {
                throw new IllegalArgumentException(path + " is not a YAML mapping");
            }
            return new SamTemplate(map(parsed));
        }
    }

    /** Parses template text; fails on invalid YAML. */
    public static SamTemplate parse(String yaml) {
        return new SamTemplate(map(new Yaml(new IntrinsicsConstructor()).load(yaml)));
    }

    /** The whole template, intrinsics in long form. */
    public Map<String, Object> root() {
        return root;
    }

    /** The {@code Resources} section, by logical id. */
    public Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    /** A resource's properties (empty when it has none). */
    public Map<String, Object> properties(String resource) {
        Object properties = map(resources().get(resource)).get("Properties");
        return properties == null ? Map.of() : map(properties);
    }

    /** A resource's {@code Type}, e.g. {@code AWS::Serverless::Function}. */
    public String type(String resource) {
        return (String) map(resources().get(resource)).get("Type");
    }

    /** The names a reference may point to: resources, parameters, and what SAM generates. */
    public Set<String> referenceable() {
        Set<String> names = new HashSet<>(resources().keySet());
        Object parameters = root.get("Parameters");
        if (parameters != null) {
            names.addAll(map(parameters).keySet());
        }
        names.addAll(PSEUDO_PARAMETERS);
        for (String resource : resources().keySet()) {
            if ("AWS::Serverless::Function".equals(type(resource))) {
                names.add(resource + "Role"); // the execution role SAM creates
                Object events = properties(resource).get("Events");
                if (events != null && map(events).values().stream().anyMatch(e -> "Api".equals(map(e).get("Type")))) {
                    names.add("ServerlessRestApi");
                }
            }
        }
        return names;
    }

    /** Every reference whose target is not in the template, as "target (where)". */
    public List<String> unresolvedReferences() {
        List<String> missing = new ArrayList<>();
        Set<String> known = referenceable();
        walk(root, "", (target, where) -> {
            if (!known.contains(target)) {
                missing.add(target + " (" + where + ")");
            }
        });
        return missing;
    }

    /** Every {@code Handler} of a function that does not name an existing public method. */
    public List<String> unloadableHandlers() {
        List<String> problems = new ArrayList<>();
        for (String resource : resources().keySet()) {
            Object handler = properties(resource).get("Handler");
            if (!"AWS::Serverless::Function".equals(type(resource)) || handler == null) {
                continue;
            }
            String[] parts = handler.toString().split("::");
            try {
                Class<?> type = Class.forName(parts[0]);
                String method = parts.length > 1 ? parts[1] : "handleRequest";
                if (Arrays.stream(type.getMethods()).map(Method::getName).noneMatch(method::equals)) {
                    problems.add(resource + ": " + handler + " has no public method " + method);
                }
            } catch (ClassNotFoundException e) {
                problems.add(resource + ": class " + parts[0] + " not found");
            }
        }
        return problems;
    }

    /**
     * Every function whose Java runtime Lambda would not create today, with the reason and the
     * runtimes to use instead: a retired runtime ({@code java8}, {@code java11}, {@code java17}),
     * a Java runtime Lambda does not know, or a zip-packaged function with no {@code Runtime} at all.
     * A function's own {@code Runtime} wins over {@code Globals.Function.Runtime}, as in SAM;
     * container-image functions and non-Java runtimes are not checked.
     *
     * @return one line per function that could not be created, empty when all can
     */
    public List<String> uncreatableRuntimes() {
        List<String> problems = new ArrayList<>();
        Object globalRuntime = globalFunctionProperty("Runtime");
        String instead = "; use " + String.join(" or ", new TreeSet<>(CREATABLE_JAVA_RUNTIMES));
        for (String resource : resources().keySet()) {
            String type = type(resource);
            if (!"AWS::Serverless::Function".equals(type) && !"AWS::Lambda::Function".equals(type)) {
                continue;
            }
            Map<String, Object> properties = properties(resource);
            if ("Image".equals(properties.get("PackageType"))) {
                continue;
            }
            Object runtime = properties.getOrDefault("Runtime",
                    "AWS::Serverless::Function".equals(type) ? globalRuntime : null);
            if (runtime == null) {
                problems.add(resource + ": no Runtime (in its Properties or Globals.Function)" + instead);
            } else if (RETIRED_JAVA_RUNTIMES.containsKey(runtime.toString())) {
                problems.add(resource + ": Runtime " + runtime + " can no longer be created ("
                        + RETIRED_JAVA_RUNTIMES.get(runtime.toString()) + ")" + instead);
            } else if (runtime.toString().startsWith("java") && !CREATABLE_JAVA_RUNTIMES.contains(runtime.toString())) {
                problems.add(resource + ": Runtime " + runtime + " is not a Java runtime Lambda offers" + instead);
            }
        }
        return problems;
    }

    private Object globalFunctionProperty(String name) {
        Object globals = root.get("Globals");
        if (!(globals instanceof Map)) {
            return null;
        }
        Object function = map(globals).get("Function");
        return function instanceof Map ? map(function).get(name) : null;
    }

    private interface ReferenceVisitor {
        void visit(String target, String where);
    }

    private static void walk(Object node, String where, ReferenceVisitor visitor) {
        if (node instanceof List) {
            List<?> list = (List<?>) node;
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), where + "[" + i + "]", visitor);
            }
            return;
        }
        if (!(node instanceof Map)) {
            return;
        }
        for (Map.Entry<String, Object> entry : map(node).entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            String here = where.isEmpty() ? key : where + "." + key;
            switch (key) {
                case "Ref":
                    visitor.visit(value.toString().split("\\.")[0], here); // Fn.Alias / Fn.Version are SAM's
                    break;
                case "Fn::GetAtt":
                    visitor.visit(value instanceof List ? ((List<?>) value).get(0).toString()
                            : value.toString().split("\\.")[0], here);
                    break;
                case "Fn::Sub":
                    subReferences(value, here, visitor);
                    break;
                case "DependsOn":
                    (value instanceof List ? (List<?>) value : List.of(value))
                            .forEach(target -> visitor.visit(target.toString(), here));
                    break;
                default:
                    break;
            }
            walk(value, here, visitor);
        }
    }

    private static void subReferences(Object value, String where, ReferenceVisitor visitor) {
        String text;
        Set<String> locals = new HashSet<>();
        if (value instanceof List) {
            text = ((List<?>) value).get(0).toString();
            locals.addAll(map(((List<?>) value).get(1)).keySet());
        } else {
            text = value.toString();
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            String variable = matcher.group(1);
            String target = PSEUDO_PARAMETERS.contains(variable) ? variable : variable.split("\\.")[0];
            if (!locals.contains(variable)) {
                visitor.visit(target, where);
            }
        }
    }

    @SuppressWarnings("unchecked")
    /** A template node as a map (empty when it is absent or not a mapping). */
    public static Map<String, Object> map(Object value) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("Expected a mapping but found " + value);
        }
        return (Map<String, Object>) value;
    }

    /** Reads {@code !Ref x} as {@code {Ref: x}}, {@code !GetAtt a.b} as {@code {Fn::GetAtt: a.b}}, etc. */
    private static final class IntrinsicsConstructor extends SafeConstructor {

        IntrinsicsConstructor() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue().substring(1);
                    String name = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
                    Object value;
                    if (node instanceof ScalarNode) {
                        value = ((ScalarNode) node).getValue();
                    } else if (node instanceof SequenceNode) {
                        value = constructSequence((SequenceNode) node);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    Map<String, Object> intrinsic = new LinkedHashMap<>();
                    intrinsic.put(name, value);
                    return intrinsic;
                }
            });
        }
    }
}
