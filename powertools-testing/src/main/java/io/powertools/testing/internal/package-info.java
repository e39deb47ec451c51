/** Implementation details of the test kit; not a public API and subject to change. */
package io.powertools.testing.internal;
