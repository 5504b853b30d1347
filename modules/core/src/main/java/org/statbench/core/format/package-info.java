/**
 * The small format helpers every module shares, so that each is written once: {@link
 * org.statbench.core.format.Digests} (SHA-256 as hex), {@link org.statbench.core.format.CsvOutput}
 * (the one CSV writer: comma, {@code \n}, quotes only where needed) and {@link
 * org.statbench.core.format.StrictJson} (JSON text to a tree with errors naming the source, line
 * and field path, and the typed field readers of a strict definition reader). They live in {@code
 * core} because every module depends on it; see {@code
 * docs/decisions/0009-shared-format-helpers.md}.
 */
package org.statbench.core.format;
