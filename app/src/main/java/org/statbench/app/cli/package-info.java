/**
 * The headless command line ({@code statbench <sub-command>}, picocli): the contract in DESIGN.md
 * with exit codes 0 ok, 2 bad input (a message on stderr, never a stack trace) and 3 refused. A new
 * feature adds its {@code FooCommand} here and one line in {@link
 * org.statbench.app.cli.StatBenchCommand}; the {@code Bench*Command}s print figures through the one
 * bench harness ({@code WholeProcessBench}).
 */
package org.statbench.app.cli;
