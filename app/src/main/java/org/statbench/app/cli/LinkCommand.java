package org.statbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DatasetInfo;
import org.statbench.link.BlockingRule;
import org.statbench.link.FieldType;
import org.statbench.link.LinkField;
import org.statbench.link.LinkJob;
import org.statbench.link.LinkModel;
import org.statbench.link.LinkOutputs;
import org.statbench.link.LinkResult;
import org.statbench.link.Linker;
import org.statbench.link.MatchKey;
import org.statbench.link.Verification;
import org.statbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code link --db DIR --left NAME [--right NAME] --out LINKS.csv ...}: probabilistic and
 * deterministic record linkage of two datasets (or deduplication of one) and its outputs.
 */
@Command(
    name = "link",
    mixinStandardHelpOptions = true,
    description = {
      "Link the records of two datasets that belong to the same person (Fellegi-Sunter with EM,"
          + " term frequencies, deterministic match keys), or without --right deduplicate one"
          + " dataset into clusters.",
      "Writes LINKS.csv (left_id,right_id,match_probability,match_weight,stage; or id,cluster),"
          + " and on request the verification file, the report, the model and a linked dataset."
    })
public final class LinkCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--db", required = true, paramLabel = "DIR", description = "Workspace folder.")
  Path db;

  @Option(names = "--left", required = true, paramLabel = "NAME", description = "Left dataset.")
  String left;

  @Option(
      names = "--right",
      paramLabel = "NAME",
      description = "Right dataset (omit to deduplicate --left).")
  String right;

  @Option(names = "--out", required = true, paramLabel = "LINKS.csv", description = "Links file.")
  Path out;

  @Option(names = "--left-id", paramLabel = "V", description = "Left id (default: first column).")
  String leftId;

  @Option(names = "--right-id", paramLabel = "V", description = "Right id (default: first column).")
  String rightId;

  @Option(
      names = "--fields",
      split = ",",
      paramLabel = "V[:TYPE]",
      description =
          "Compared variables, TYPE name|text|date|postcode|nino|exact|number (default: every"
              + " variable both datasets share except the ids, type guessed from the name).")
  List<String> fields = new ArrayList<>();

  @Option(
      names = "--block",
      paramLabel = "RULE",
      description =
          "Blocking rule V[+V...] with fn(V) in soundex, initial, year, district, sector,"
              + " or initials(V,W) (two names' first letters in either order);"
              + " repeat to OR rules (default rules are chosen from the fields and printed).")
  List<String> blocks = new ArrayList<>();

  @Option(
      names = "--match-key",
      paramLabel = "V[+V...]",
      description =
          "Deterministic match key run before the model, accepted only when unique on both"
              + " sides; repeat for later stages on the residue (e.g. nino+dob).")
  List<String> matchKeys = new ArrayList<>();

  @Option(
      names = "--threshold",
      paramLabel = "P",
      description = "Match probability at or above which a pair links (default 0.9).")
  double threshold = 0.9;

  @Option(
      names = "--review",
      paramLabel = "P",
      description = "Lower end of the clerical-review band (default: the threshold, no band).")
  Double review;

  @Option(names = "--one-to-one", description = "Link each record at most once, best first.")
  boolean oneToOne;

  @Option(
      names = "--truth",
      paramLabel = "V",
      description = "Truth variable on both sides: report precision, recall and F1.")
  String truth;

  @Option(names = "--model", paramLabel = "M.json", description = "Reuse a trained model.")
  Path model;

  @Option(names = "--save-model", paramLabel = "M.json", description = "Write the trained model.")
  Path saveModel;

  @Option(names = "--report", paramLabel = "R.csv", description = "Write category,count rows.")
  Path report;

  @Option(
      names = "--verify",
      paramLabel = "V.csv",
      description = "Write left_id,result,right_id,match_probability for every left record.")
  Path verify;

  @Option(
      names = "--save",
      paramLabel = "NAME",
      description =
          "Save the left dataset plus --save-vars of the right, link_id and match_probability"
              + " as a dataset in the workspace.")
  String save;

  @Option(
      names = "--save-vars",
      split = ",",
      paramLabel = "V",
      description = "Right variables to carry into the --save dataset (default none).")
  List<String> saveVars = new ArrayList<>();

  @Option(
      names = "--max-pairs",
      paramLabel = "N",
      description = "Refuse a run whose blocking brings more candidate pairs (default 300000000).")
  long maxPairs = 300_000_000L;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    for (Path p : List.of(out)) {
      OutputFiles.requireWritable(p, "--out");
    }
    OutputFiles.requireWritable(report, "--report");
    OutputFiles.requireWritable(verify, "--verify");
    OutputFiles.requireWritable(saveModel, "--save-model");
    if (right == null && (verify != null || save != null || !saveVars.isEmpty())) {
      throw new InputException("--verify, --save and --save-vars need --right");
    }
    double rev = review == null ? threshold : review;
    LinkJob.Options options =
        LinkJob.Options.DEFAULT
            .withThresholds(threshold, rev)
            .withOneToOne(oneToOne)
            .withMaxPairs(maxPairs);
    LinkModel reuse = model == null ? null : LinkModel.load(model);
    try (Workspace ws = CliWorkspace.open(db)) {
      DatasetInfo li = ws.dataset(left);
      DatasetInfo ri = right == null ? null : ws.dataset(right);
      String lid = leftId != null ? leftId : first(li);
      String rid = ri == null ? lid : rightId != null ? rightId : first(ri);
      requireVariable(li, lid, "--left-id");
      if (ri != null) {
        requireVariable(ri, rid, "--right-id");
      }
      if (truth != null) {
        requireVariable(li, truth, "--truth");
        if (ri != null) {
          requireVariable(ri, truth, "--truth");
        }
      }
      List<LinkField> linkFields =
          fields.isEmpty()
              ? Linker.guessFields(li, ri, lid, ri == null ? null : rid, truth)
              : parseFields(li, ri);
      List<BlockingRule> rules = blocks.stream().map(BlockingRule::parse).toList();
      boolean defaultRules = rules.isEmpty();
      if (defaultRules) {
        rules = Linker.defaultRules(linkFields);
      }
      List<MatchKey> keys = matchKeys.stream().map(MatchKey::parse).toList();
      for (String v : saveVars) {
        requireVariable(ri, v, "--save-vars");
      }
      Set<String> lv = new LinkedHashSet<>();
      Set<String> rv = new LinkedHashSet<>();
      lv.add(lid);
      rv.add(rid);
      for (LinkField f : linkFields) {
        lv.add(f.leftVariable());
        rv.add(f.rightVariable());
      }
      if (truth != null) {
        lv.add(truth);
        rv.add(truth);
      }
      DatasetColumns lc = ws.columns(left, lv);
      DatasetColumns rc = ri == null ? null : ws.columns(right, rv);
      o.printf(
          Locale.ROOT,
          "link: %s (%,d records)%s%n",
          left,
          li.rows(),
          ri == null
              ? ", deduplicating"
              : " with "
                  + right
                  + " ("
                  + String.format(Locale.ROOT, "%,d", ri.rows())
                  + " records)");
      o.println(
          "fields: "
              + String.join(
                  ", ",
                  linkFields.stream()
                      .map(
                          f ->
                              (f.leftVariable().equals(f.rightVariable())
                                      ? f.name()
                                      : f.leftVariable() + "=" + f.rightVariable())
                                  + ":"
                                  + f.type().key())
                      .toList()));
      LinkJob job = new LinkJob(lc, rc, lid, rid, linkFields, rules, keys, reuse, truth, options);
      LinkResult r;
      try {
        r = Linker.link(job, ProgressListener.NONE, CancellationToken.NONE);
      } catch (org.statbench.core.RefusedException e) {
        o.println("blocking" + (defaultRules ? " (default rules)" : "") + ": refused");
        o.flush();
        throw e;
      }
      print(o, r, defaultRules);
      if (saveModel != null) {
        try {
          r.model().save(saveModel);
        } catch (IOException e) {
          throw new UncheckedIOException(
              new IOException("cannot write " + saveModel + ": " + e.getMessage(), e));
        }
        o.println("model saved to " + saveModel);
      }
      if (save != null) {
        DatasetInfo saved =
            LinkOutputs.saveLinked(
                ws, save, lc, rc, rid, saveVars, r, ProgressListener.NONE, CancellationToken.NONE);
        o.printf(
            Locale.ROOT,
            "saved linked dataset %s: %,d records, %d variables%n",
            save,
            saved.rows(),
            saved.variables().size());
      }
      var leftIds = lc.column(lid);
      var rightIds = ri == null ? leftIds : rc.column(rid);
      write(
          out,
          w -> {
            if (ri == null) {
              LinkOutputs.writeClusters(r, leftIds, w);
            } else {
              LinkOutputs.writeLinks(r, leftIds, rightIds, w);
            }
          });
      LinkOutputs.audit(
          ws,
          ri == null ? "link-clusters" : "link-links",
          out.getFileName().toString(),
          ri == null ? r.leftRecords() : r.links().size(),
          ri == null ? "dataset " + left : "datasets " + left + " and " + right);
      if (verify != null) {
        write(verify, w -> LinkOutputs.writeVerification(r, leftIds, rightIds, w));
        LinkOutputs.audit(
            ws,
            "link-verify",
            verify.getFileName().toString(),
            r.leftRecords(),
            "datasets " + left + " and " + right);
      }
      if (report != null) {
        write(report, w -> LinkOutputs.writeReport(r, w));
      }
    }
    o.flush();
    return StatBenchCommand.EXIT_OK;
  }

  private static void print(PrintWriter o, LinkResult r, boolean defaultRules) {
    o.println("blocking" + (defaultRules ? " (default rules)" : "") + ":");
    for (LinkResult.RuleCount c : r.blocking()) {
      o.printf(Locale.ROOT, "  %-42s pairs %,14d  adds %,14d%n", c.rule(), c.pairs(), c.added());
    }
    double all = (double) r.leftRecords() * r.rightRecords();
    o.printf(
        Locale.ROOT,
        "candidate pairs: %,d (reduction ratio %.6f)%n",
        r.candidatePairs(),
        all == 0 ? 0 : 1 - r.candidatePairs() / all);
    o.printf(Locale.ROOT, "model: prior %.3g; weights by level (bits):%n", r.model().prior());
    for (LinkModel.FieldModel f : r.model().fields()) {
      StringBuilder sb = new StringBuilder();
      for (int l = 1; l < f.levels().size(); l++) {
        sb.append(l > 1 ? ", " : "")
            .append(f.levels().get(l))
            .append(String.format(Locale.ROOT, " %+.1f", f.weight(l)));
      }
      o.printf(Locale.ROOT, "  %-12s %s%n", f.name(), sb);
    }
    java.util.Map<String, Integer> byStage = new java.util.LinkedHashMap<>();
    for (int i = 0; i < r.links().size(); i++) {
      byStage.merge(r.links().stage(i), 1, Integer::sum);
    }
    o.printf(
        Locale.ROOT,
        "links: %,d; left linked %,d of %,d (%.2f%%); right linked %,d%n",
        r.links().size(),
        r.leftLinked(),
        r.leftRecords(),
        r.leftRecords() == 0 ? 0 : 100.0 * r.leftLinked() / r.leftRecords(),
        r.rightLinked());
    if (!byStage.isEmpty()) {
      o.println(
          "stages: "
              + String.join(
                  ", ",
                  byStage.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
    }
    if (r.verification() != null) {
      long[] c = r.verification().counts();
      o.printf(
          Locale.ROOT,
          "verification: %s %,d, %s %,d, %s %,d%n",
          Verification.Result.MATCH.label(),
          c[0],
          Verification.Result.POSSIBLE.label(),
          c[1],
          Verification.Result.NO_MATCH.label(),
          c[2]);
    }
    if (r.clusters() != null) {
      int max = 0;
      for (int c : r.clusters()) {
        max = Math.max(max, c);
      }
      o.printf(Locale.ROOT, "clusters: %,d for %,d records%n", max, r.clusters().length);
    }
    for (LinkResult.CurvePoint p : r.curve()) {
      if (p.probability() == 0.9 || p.probability() == 0.5 || p.probability() == 0.99) {
        o.printf(
            Locale.ROOT,
            "  at p >= %.2f: estimated precision %.4f, estimated recall %.4f%s%n",
            p.probability(),
            p.estimatedPrecision(),
            p.estimatedRecall(),
            Double.isNaN(p.precision())
                ? ""
                : String.format(Locale.ROOT, " (true %.4f, %.4f)", p.precision(), p.recall()));
      }
    }
    LinkResult.Evaluation e = r.evaluation();
    if (e != null) {
      o.printf(
          Locale.ROOT,
          "truth: precision %.4f, recall %.4f, f1 %.4f; pairs completeness %.4f%n",
          e.precision(),
          e.recall(),
          e.f1(),
          e.pairsCompleteness());
    }
  }

  private List<LinkField> parseFields(DatasetInfo li, DatasetInfo ri) {
    List<LinkField> out = new ArrayList<>();
    for (String spec : fields) {
      String s = spec.trim();
      int colon = s.lastIndexOf(':');
      String v = colon < 0 ? s : s.substring(0, colon).trim();
      FieldType type = colon < 0 ? FieldType.guess(v) : FieldType.parse(s.substring(colon + 1), v);
      requireVariable(li, v, "--fields");
      if (ri != null) {
        requireVariable(ri, v, "--fields");
      }
      out.add(LinkField.of(v, type));
    }
    return out;
  }

  private static void requireVariable(DatasetInfo info, String v, String option) {
    if (info.variable(v).isEmpty()) {
      throw new InputException(
          option + ": unknown variable '" + v + "' in dataset '" + info.name() + "'");
    }
  }

  private static String first(DatasetInfo info) {
    if (info.variables().isEmpty()) {
      throw new InputException("Dataset '" + info.name() + "' has no variables");
    }
    return info.variables().get(0).name();
  }

  interface Body {
    void write(Writer w) throws IOException;
  }

  static void write(Path file, Body body) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      body.write(w);
    } catch (IOException e) {
      throw new UncheckedIOException(
          new IOException("cannot write " + file + ": " + e.getMessage(), e));
    }
  }
}
