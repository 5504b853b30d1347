package org.statbench.link;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DatasetInfo;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;

/**
 * The files and the dataset a linkage run produces, in the formats of the command-line contract:
 * links ({@code left_id,right_id,match_probability,match_weight,stage}), clusters ({@code
 * id,cluster}), verification ({@code left_id,result,right_id,match_probability}), the report
 * ({@code category,count}), and the linked dataset saved in the workspace. Record-level outputs are
 * recorded in the workspace audit log (who, what, how many rows) by {@link #audit}.
 */
public final class LinkOutputs {
  private LinkOutputs() {}

  /** Writes one CSV row (comma, RFC 4180 quoting where needed, {@code \n}); null is empty. */
  static void row(Writer w, List<String> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      String v = values.get(i);
      if (v == null) {
        continue;
      }
      if (v.indexOf(',') >= 0
          || v.indexOf('"') >= 0
          || v.indexOf('\n') >= 0
          || v.indexOf('\r') >= 0) {
        w.write('"');
        w.write(v.replace("\"", "\"\""));
        w.write('"');
      } else {
        w.write(v);
      }
    }
    w.write('\n');
  }

  /** A decimal written unrounded at full precision without an exponent. */
  static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "";
    }
    String s = BigDecimal.valueOf(d).toPlainString();
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  /** Writes the links file. */
  public static void writeLinks(LinkResult r, Column leftIds, Column rightIds, Writer w)
      throws IOException {
    row(w, List.of("left_id", "right_id", "match_probability", "match_weight", "stage"));
    Links links = r.links();
    List<String> out = new ArrayList<>(5);
    for (int i = 0; i < links.size(); i++) {
      out.clear();
      out.add(leftIds.text(links.left(i)));
      out.add(rightIds.text(links.right(i)));
      out.add(number(links.probability(i)));
      out.add(number(links.weight(i)));
      out.add(links.stage(i));
      row(w, out);
    }
  }

  /** Writes the clusters of a deduplication: {@code id,cluster} for every record. */
  public static void writeClusters(LinkResult r, Column ids, Writer w) throws IOException {
    row(w, List.of("id", "cluster"));
    int[] c = r.clusters();
    for (int i = 0; i < c.length; i++) {
      row(w, List.of(ids.text(i), Integer.toString(c[i])));
    }
  }

  /** Writes the verification file: one row per left record. */
  public static void writeVerification(LinkResult r, Column leftIds, Column rightIds, Writer w)
      throws IOException {
    row(w, List.of("left_id", "result", "right_id", "match_probability"));
    Verification v = r.verification();
    List<String> out = new ArrayList<>(4);
    for (int i = 0; i < v.size(); i++) {
      out.clear();
      out.add(leftIds.text(i));
      out.add(v.result(i).label());
      int right = v.right(i);
      out.add(right < 0 ? null : rightIds.text(right));
      out.add(right < 0 ? null : number(v.probability(i)));
      row(w, out);
    }
  }

  /**
   * The report rows: {@code left_records}, {@code right_records}, {@code candidate_pairs}, {@code
   * links}, {@code left_linked}, {@code right_linked}, {@code rate} (left linked / left records),
   * and with truth {@code precision}, {@code recall}, {@code f1}.
   */
  public static List<List<String>> report(LinkResult r) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("left_records", Long.toString(r.leftRecords())));
    rows.add(List.of("right_records", Long.toString(r.rightRecords())));
    rows.add(List.of("candidate_pairs", Long.toString(r.candidatePairs())));
    rows.add(List.of("links", Integer.toString(r.links().size())));
    long ll = r.leftLinked();
    rows.add(List.of("left_linked", Long.toString(ll)));
    rows.add(List.of("right_linked", Long.toString(r.rightLinked())));
    rows.add(List.of("rate", number(r.leftRecords() == 0 ? 0 : ll / (double) r.leftRecords())));
    if (r.evaluation() != null) {
      rows.add(List.of("precision", number(r.evaluation().precision())));
      rows.add(List.of("recall", number(r.evaluation().recall())));
      rows.add(List.of("f1", number(r.evaluation().f1())));
    }
    return rows;
  }

  /** Writes {@link #report} as {@code category,count}. */
  public static void writeReport(LinkResult r, Writer w) throws IOException {
    row(w, List.of("category", "count"));
    for (List<String> row : report(r)) {
      row(w, row);
    }
  }

  /**
   * Records a record-level output in the workspace audit log: who, what and how many rows (never
   * any value).
   */
  public static void audit(Workspace ws, String what, String subject, long rows, String details) {
    ws.auditLog()
        .append(
            what,
            System.getProperty("user.name"),
            subject,
            rows + " rows" + (details == null || details.isEmpty() ? "" : "; " + details));
  }

  /**
   * Saves a linked dataset in the workspace: every left variable, then the chosen right variables
   * (renamed {@code right_V} when the left has V), the linked right id as {@code link_id} and
   * {@code match_probability} (empty for unlinked records). Goes through the store's atomic import
   * (a temporary CSV inside the workspace folder, deleted afterwards), so on error the workspace is
   * unchanged. With several links per left record (no one-to-one) the best one is used.
   *
   * @throws InputException when a right variable is unknown or {@code name} is taken by an input
   */
  public static DatasetInfo saveLinked(
      Workspace ws,
      String name,
      DatasetColumns left,
      DatasetColumns right,
      String rightId,
      List<String> rightVariables,
      LinkResult r,
      ProgressListener progress,
      CancellationToken cancel) {
    if (name.equals(left.dataset()) || name.equals(right.dataset())) {
      throw new InputException(
          "--save '" + name + "' would replace an input dataset; choose another name");
    }
    DatasetColumns leftAll = ws.columns(left.dataset(), ws.dataset(left.dataset()).variableNames());
    List<String> rv = new ArrayList<>(rightVariables);
    DatasetColumns rightCols = ws.columns(right.dataset(), concat(rv, rightId));
    Set<String> leftNames = leftAll.columns().keySet();
    List<String> header = new ArrayList<>(leftNames);
    for (String v : rv) {
      header.add(leftNames.contains(v) ? "right_" + v : v);
    }
    header.add("link_id");
    header.add("match_probability");
    int n = leftAll.rows();
    int[] best = new int[n];
    double[] prob = new double[n];
    java.util.Arrays.fill(best, -1);
    Links links = r.links();
    for (int i = 0; i < links.size(); i++) {
      int l = links.left(i);
      if (best[l] < 0 || links.probability(i) > prob[l]) {
        best[l] = links.right(i);
        prob[l] = links.probability(i);
      }
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile(ws.directory(), ".linked-", ".csv");
      try (BufferedWriter w = sealedWriter(ws, tmp)) {
        row(w, header);
        List<String> out = new ArrayList<>(header.size());
        for (int i = 0; i < n; i++) {
          if ((i & 0xFFFF) == 0) {
            cancel.throwIfCancelled();
          }
          out.clear();
          for (Column c : leftAll.columns().values()) {
            out.add(c.text(i));
          }
          int b = best[i];
          for (String v : rv) {
            out.add(b < 0 ? null : rightCols.column(v).text(b));
          }
          out.add(b < 0 ? null : rightCols.column(rightId).text(b));
          out.add(b < 0 ? null : number(prob[i]));
          row(w, out);
        }
      }
      DatasetInfo info = ws.importCsv(ImportRequest.of(name, tmp), progress, cancel);
      audit(
          ws,
          "link-save",
          name,
          n,
          "linked dataset from " + left.dataset() + " and " + right.dataset());
      return info;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the linked dataset: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // removed with the workspace folder
        }
      }
    }
  }

  /**
   * A writer of a temporary CSV in the workspace folder that goes through the workspace's cipher
   * (nothing in clear in an encrypted workspace); the import reads it back the same way.
   */
  static BufferedWriter sealedWriter(Workspace ws, Path tmp) throws IOException {
    return new BufferedWriter(
        new java.io.OutputStreamWriter(ws.files().newOutputStream(tmp), StandardCharsets.UTF_8));
  }

  private static List<String> concat(List<String> a, String b) {
    List<String> out = new ArrayList<>(a);
    if (!out.contains(b)) {
      out.add(b);
    }
    return out;
  }
}
