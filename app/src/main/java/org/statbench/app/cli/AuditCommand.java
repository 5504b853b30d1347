package org.statbench.app.cli;

import picocli.CommandLine.Command;

/** {@code audit verify --db DIR}. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Work with the workspace's audit log.",
    subcommands = {AuditVerifyCommand.class})
public final class AuditCommand extends GroupCommand {}
