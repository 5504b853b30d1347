package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A command made of sub-commands, run without one, names them and exits 2. */
class GroupCommandTest {
  private final CliRun cli = new CliRun();

  @Test
  void sourceAndClearanceAloneNameTheirSubCommandsInDeclaredOrder() {
    assertThat(cli.run("source")).isEqualTo(2);
    assertThat(cli.err()).contains("Missing sub-command: add, list or test");
    assertThat(cli.run("clearance")).isEqualTo(2);
    assertThat(cli.err())
        .contains(
            "Missing sub-command: request, request-records, release-records, list, show, approve or reject")
        .doesNotContain("Exception");
  }

  @Test
  void keysWorkspaceAndAuditAloneSayTheSameAsBefore() {
    // the messages DESIGN.md's commands gave before they moved onto GroupCommand
    assertThat(cli.run("keys")).isEqualTo(2);
    assertThat(cli.err()).contains("Missing sub-command: create or trust");
    assertThat(cli.run("workspace")).isEqualTo(2);
    assertThat(cli.err()).contains("Missing sub-command: encrypt");
    assertThat(cli.run("audit")).isEqualTo(2);
    assertThat(cli.err()).contains("Missing sub-command: verify").doesNotContain("Exception");
  }

  @Test
  void namesAreJoinedWithCommasAndAFinalOr() {
    assertThat(GroupCommand.orList(List.of("verify"))).isEqualTo("verify");
    assertThat(GroupCommand.orList(List.of("create", "trust"))).isEqualTo("create or trust");
    assertThat(GroupCommand.orList(List.of("add", "list", "test"))).isEqualTo("add, list or test");
  }
}
