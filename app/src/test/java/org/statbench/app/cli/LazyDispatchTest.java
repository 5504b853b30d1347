package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code StatBenchCommand.run} builds only the sub-command that runs; these tests hold it to the
 * whole command tree's behaviour: the same output, messages and exit codes for every sub-command
 * registered in {@code subcommands = {...}}, and a top-level help that still lists them all.
 */
class LazyDispatchTest {
  @TempDir Path tmp;

  /** Exit code, standard output and standard error of one invocation. */
  private record Outcome(int code, String out, String err) {}

  private static Outcome run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  private static Outcome whole(String... args) {
    return run(StatBenchCommand.commandLine(), args);
  }

  private static Outcome lazy(String... args) {
    return run(StatBenchCommand.commandLine(args), args);
  }

  @Test
  void everySubCommandPrintsTheSameHelpWhenBuiltAlone() {
    List<String> paths = CliRun.subcommandPaths();
    for (String path : paths) {
      List<String> args = new ArrayList<>(List.of(path.split(" ")));
      args.add("--help");
      String[] a = args.toArray(String[]::new);

      Outcome lazy = lazy(a);

      assertThat(lazy).as(path).isEqualTo(whole(a));
      assertThat(lazy.code()).as(path).isZero();
      assertThat(lazy.out()).as(path).startsWith("Usage: statbench " + path);
    }
    assertThat(paths).contains("import", "tabulate", "bench startup", "audit verify");
  }

  @Test
  void onlyTheNamedSubCommandIsBuilt() {
    CommandLine cl = StatBenchCommand.commandLine("tabulate", "--db", "x");

    assertThat(cl.getSubcommands()).containsOnlyKeys("tabulate");
    assertThat(cl.getCommandName()).isEqualTo("statbench");
  }

  @Test
  void topLevelHelpStillListsEveryRegisteredSubCommand() {
    Outcome help = lazy("--help");

    assertThat(help.code()).isZero();
    Command root = StatBenchCommand.class.getAnnotation(Command.class);
    for (Class<?> c : root.subcommands()) {
      String name = c.getAnnotation(Command.class).name();
      assertThat(help.out()).as(name).containsPattern("(?m)^\\s+" + name + "\\b");
    }
    assertThat(lazy("help", "tabulate")).isEqualTo(whole("help", "tabulate"));
  }

  @Test
  void errorsAndExitCodesAreTheSameAsWithTheWholeTree() {
    List<String[]> cases =
        List.of(
            new String[] {},
            new String[] {"tabulate"},
            new String[] {"tabulate", "--db", tmp.resolve("ws").toString(), "--bogus"},
            new String[] {"tabulate", "--db", tmp.resolve("ws").toString(), "--dataset", "none"},
            new String[] {"bench"},
            new String[] {"bench", "nope"},
            new String[] {"tabulat"},
            new String[] {"import", "--db", tmp.resolve("ws").toString(), "--name", "x"},
            new String[] {"check", "--table", tmp.resolve("missing.csv").toString()},
            new String[] {"--version"});
    for (String[] args : cases) {
      String what = String.join(" ", args);

      Outcome lazy = lazy(args);
      Outcome whole = whole(args);

      assertThat(lazy).as(what).isEqualTo(whole);
    }
  }

  @Test
  void aTableComesOutTheSameThroughEitherPath() throws Exception {
    Path csv = tmp.resolve("p.csv");
    Files.writeString(
        csv, "id,sex,age\n1,F,20\n2,M,30\n3,F,\n4,,55\n5,F,41\n", StandardCharsets.UTF_8);
    String db = tmp.resolve("ws").toString();
    assertThat(lazy("import", "--db", db, "--name", "p", "--file", csv.toString()).code()).isZero();
    String[] tabulate = {"tabulate", "--db", db, "--dataset", "p", "--rows", "sex"};

    Outcome lazy = lazy(tabulate);

    assertThat(lazy).isEqualTo(whole(tabulate));
    // F 3, M 1, Missing 1, Total 5: counted by hand from the five records above
    assertThat(lazy.out())
        .isEqualTo(
            "sex,measure,value\nF,count,3\nM,count,1\nMissing,count,1\nTotal,count,5\n"
                .replace("\n", System.lineSeparator()));
  }
}
