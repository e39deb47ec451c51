/**
 * OpenRewrite recipes that move a function from Powertools for AWS Lambda (Java) 2.x to io.powertools.
 * The entry point is the declarative recipe {@code io.powertools.openrewrite.MigrateFromPowertoolsJava2}
 * ({@code META-INF/rewrite/powertools-migration.yml}); {@link io.powertools.openrewrite.UseStaticMetrics}
 * is the one step that needs code.
 */
package io.powertools.openrewrite;
