package io.powertools.openrewrite;

import java.util.Collections;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Preconditions;
import org.openrewrite.Recipe;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.java.JavaIsoVisitor;
import org.openrewrite.java.MethodMatcher;
import org.openrewrite.java.search.UsesMethod;
import org.openrewrite.java.tree.Expression;
import org.openrewrite.java.tree.J;
import org.openrewrite.java.tree.JavaType;
import org.openrewrite.marker.Markers;

/**
 * Replaces Powertools' metrics singleton with io.powertools' static, per-invocation calls:
 * {@code METRICS.addMetric(..)} becomes {@code Metrics.addMetric(..)} and the field or variable holding
 * {@code MetricsFactory.getMetricsInstance()} goes. Calls with no static counterpart
 * ({@code setDefaultDimensions}, {@code addDimension(DimensionSet)}, {@code flushSingleMetric} with a
 * {@code DimensionSet}) are left as they are, so the compiler points at each one to move by hand
 * (docs/migration.md says how).
 */
public final class UseStaticMetrics extends Recipe {

    static final String POWERTOOLS_METRICS = "software.amazon.lambda.powertools.metrics.Metrics";

    private static final MethodMatcher GET_INSTANCE =
            new MethodMatcher("software.amazon.lambda.powertools.metrics.MetricsFactory getMetricsInstance()");
    /** The instance calls whose static counterparts take the same arguments. */
    private static final MethodMatcher[] STATIC_COUNTERPARTS = {
        new MethodMatcher(POWERTOOLS_METRICS + " addMetric(..)"),
        new MethodMatcher(POWERTOOLS_METRICS + " addDimension(String, String)"),
        new MethodMatcher(POWERTOOLS_METRICS + " addMetadata(String, Object)"),
        new MethodMatcher(POWERTOOLS_METRICS + " setTimestamp(java.time.Instant)"),
        new MethodMatcher(POWERTOOLS_METRICS + " setNamespace(String)"),
    };

    @Override
    public String getDisplayName() {
        return "Use io.powertools' static Metrics calls instead of Powertools' metrics singleton";
    }

    @Override
    public String getDescription() {
        return "Rewrites calls on the instance from `MetricsFactory.getMetricsInstance()` as static "
                + "`Metrics` calls, which act on the current invocation, and removes the field or variable "
                + "that held the instance.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor() {
        return Preconditions.check(new UsesMethod<>(GET_INSTANCE), new JavaIsoVisitor<>() {

            @Override
            public J.VariableDeclarations visitVariableDeclarations(J.VariableDeclarations declarations,
                    ExecutionContext ctx) {
                J.VariableDeclarations visited = super.visitVariableDeclarations(declarations, ctx);
                if (visited.getVariables().size() == 1) {
                    Expression initializer = visited.getVariables().get(0).getInitializer();
                    if (initializer instanceof J.MethodInvocation && GET_INSTANCE.matches((J.MethodInvocation) initializer)) {
                        maybeRemoveImport("software.amazon.lambda.powertools.metrics.MetricsFactory");
                        //noinspection DataFlowIssue: a null statement is removed from its block
                        return null;
                    }
                }
                return visited;
            }

            @Override
            public J.MethodInvocation visitMethodInvocation(J.MethodInvocation invocation, ExecutionContext ctx) {
                J.MethodInvocation visited = super.visitMethodInvocation(invocation, ctx);
                Expression select = visited.getSelect();
                if (select == null || isTypeName(select) || !hasStaticCounterpart(visited)) {
                    return visited;
                }
                J.Identifier type = new J.Identifier(Tree.randomId(), select.getPrefix(), Markers.EMPTY,
                        Collections.emptyList(), "Metrics", JavaType.ShallowClass.build(POWERTOOLS_METRICS), null);
                return visited.withSelect(type);
            }
        });
    }

    private static boolean hasStaticCounterpart(J.MethodInvocation invocation) {
        for (MethodMatcher matcher : STATIC_COUNTERPARTS) {
            if (matcher.matches(invocation)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTypeName(Expression select) {
        return select instanceof J.Identifier && ((J.Identifier) select).getFieldType() == null
                && select.getType() instanceof JavaType.FullyQualified;
    }
}
