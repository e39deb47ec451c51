/**
 * Log4j2 plugins of powertools-logging, referenced from log4j2.xml and the JSON template:
 * the {@code powertools} event resolver, {@code <PowertoolsLevelFilter/>} (per-invocation DEBUG
 * sampling and buffering) and {@code <PowertoolsBuffering>} (per-invocation log buffer).
 */
package io.powertools.logging.log4j;
