/**
 * Fixtures shared by the modules' tests, written once: small hand-checkable tables ({@link
 * org.statbench.testsupport.TestData#regionBySex()}), dimensions and in-memory columns. Every
 * module uses it in {@code test} scope only; nothing here ships.
 */
package org.statbench.testsupport;
