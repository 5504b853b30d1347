package org.statbench.app.linkage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.statbench.app.disclosurepanel.ReleaseActions;
import org.statbench.app.disclosurepanel.ReleasePath;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.BackgroundTask;
import org.statbench.app.shell.DialogService;
import org.statbench.app.shell.DialogService.FileFilter;
import org.statbench.app.shell.LatestWins;
import org.statbench.app.shell.TaskHandle;
import org.statbench.core.data.DatasetInfo;
import org.statbench.link.BlockingRule;
import org.statbench.link.LinkField;
import org.statbench.link.LinkJob;
import org.statbench.link.LinkModel;
import org.statbench.link.LinkOutputs;
import org.statbench.link.LinkResult;
import org.statbench.link.Linker;
import org.statbench.store.Workspace;

/**
 * The Linkage tab's state and commands: pick two datasets (or one to deduplicate), map and type the
 * fields, edit blocking rules while their candidate pairs are counted in the background (latest
 * wins), train a Fellegi-Sunter model in the background (progress, Cancel), move the threshold
 * while the links and the model's estimated precision and recall follow, open any pair as a
 * waterfall of its weights, review the grey zone (accept, reject, skip; each decision in the audit
 * log and in every output), and write the outputs: links and verification files (audit log), a
 * linked dataset in the workspace, and the match rate by a variable through the disclosure release
 * path. FX thread only.
 *
 * <p>Why this class is long: over 500 lines on purpose, for now: the blocking rules ({@link
 * BlockingRulesModel}), job building ({@link LinkJobs}) and status texts ({@link LinkageTexts}) are
 * split out; the output commands (links, verification, linked dataset, match rate) stay here while
 * the record-level release gating is added to them on a parallel branch, to keep that merge simple.
 * They are the next piece to move (into a {@code LinkageExports} beside this class).
 */
public final class LinkageViewModel {
  /** The right-hand choice meaning "deduplicate the left dataset". */
  public static final String DEDUPLICATE = "(deduplicate)";

  /** The truth choice meaning "no truth variable". */
  public static final String NO_TRUTH = "(none)";

  private final AppContext context;
  private final ReleasePath release;
  private final BlockingRulesModel blocking;
  private final ReviewQueue queue = new ReviewQueue();
  private final HistogramScale histogramScale = new HistogramScale();
  private final ModelFiles modelFiles;
  private final MatchKeysModel matchKeys = new MatchKeysModel();
  private final SetupSections setupSections;
  private TaskHandle running = TaskHandle.DONE;
  private Run run; // the latest trained run, or null

  /**
   * What a run linked, kept for explaining pairs, applying thresholds and writing outputs; {@code
   * grey} is a deduplication's grey zone (null when linking two datasets: see the verification).
   */
  private record Run(LinkJob job, LinkResult raw, List<ReviewQueue.Pair> grey) {}

  /**
   * One blocking rule with the candidate pairs it brings on its own.
   *
   * @param rule the rule as written, e.g. {@code soundex(surname)+year(dob)}
   * @param pairs the count, or empty while counting
   */
  public record RuleRow(String rule, String pairs) {}

  /**
   * A linked pair that can be opened as a waterfall.
   *
   * @param left left record number
   * @param right right record number
   * @param leftId left id value
   * @param rightId right id value
   * @param probability match probability
   * @param stage {@code model}, {@code review} or a match key
   */
  public record PairRow(
      int left, int right, String leftId, String rightId, double probability, String stage) {}

  /**
   * One compared field of the pair under review, side by side.
   *
   * @param field field name
   * @param left the left record's value (empty when missing)
   * @param right the right record's value
   */
  public record ReviewField(String field, String left, String right) {}

  // Properties
  private final ObservableList<String> datasets = FXCollections.observableArrayList();
  private final ObservableList<String> rightChoices = FXCollections.observableArrayList();
  private final StringProperty left = new SimpleStringProperty(this, "left");
  private final StringProperty right = new SimpleStringProperty(this, "right");
  private final ObservableList<FieldRow> fields = FXCollections.observableArrayList();
  private final ObservableList<String> truthChoices = FXCollections.observableArrayList();
  private final StringProperty truth = new SimpleStringProperty(this, "truth", NO_TRUTH);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyBooleanWrapper trained = new ReadOnlyBooleanWrapper(this, "trained");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ObservableList<LinkageCharts.Level> levels = FXCollections.observableArrayList();
  private final ObservableList<LinkageCharts.Bar> histogram = FXCollections.observableArrayList();
  private final DoubleProperty threshold =
      new SimpleDoubleProperty(this, "threshold", LinkageCharts.weight(0.9));
  private final DoubleProperty review =
      new SimpleDoubleProperty(this, "review", LinkageCharts.weight(0.5));
  private final BooleanProperty oneToOne = new SimpleBooleanProperty(this, "oneToOne", false);
  private final ReadOnlyStringWrapper thresholdText = new ReadOnlyStringWrapper(this, "t", "");
  private final ReadOnlyObjectWrapper<long[]> thresholdLinks = new ReadOnlyObjectWrapper<>();
  private final ObservableList<PairRow> links = FXCollections.observableArrayList();
  private final ObservableList<LinkageCharts.Step> waterfall = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper waterfallTitle = new ReadOnlyStringWrapper(this, "w", "");
  private final ReadOnlyObjectWrapper<ReviewQueue.Pair> current = new ReadOnlyObjectWrapper<>();
  private final ObservableList<ReviewField> reviewFields = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper reviewText = new ReadOnlyStringWrapper(this, "r", "");
  private final StringProperty saveName = new SimpleStringProperty(this, "saveName", "");
  private final ObservableList<String> rateChoices = FXCollections.observableArrayList();
  private final StringProperty rateBy = new SimpleStringProperty(this, "rateBy");
  private final ReadOnlyObjectWrapper<LinkResult> result = new ReadOnlyObjectWrapper<>();

  public LinkageViewModel(AppContext context) {
    this(context, refusal -> Optional.empty());
  }

  /**
   * @param justification asks for a clearance justification given the refusal text when an export
   *     is refused; empty when cancelled
   */
  public LinkageViewModel(AppContext context, Function<String, Optional<String>> justification) {
    this.context = context;
    this.modelFiles = new ModelFiles(context.dialogs());
    this.blocking = new BlockingRulesModel(new LatestWins(context.tasks()));
    this.setupSections = new SetupSections(this, matchKeys, modelFiles);
    this.release =
        new ReleasePath(
            context.tasks(),
            context.workspace().workspaceProperty(),
            context.dialogs(),
            justification);
    release.messageProperty().addListener((o, a, m) -> message.set(m == null ? message.get() : m));
    context
        .workspace()
        .datasets()
        .addListener((ListChangeListener<DatasetInfo>) c -> refreshDatasets());
    left.addListener((o, a, b) -> onDatasetsChanged());
    right.addListener((o, a, b) -> onDatasetsChanged());
    threshold.addListener((o, a, b) -> showThreshold());
    refreshDatasets();
  }

  // Properties

  /** Every dataset of the workspace. */
  public ObservableList<String> datasets() {
    return datasets;
  }

  /** {@link #DEDUPLICATE} and every dataset. */
  public ObservableList<String> rightChoices() {
    return rightChoices;
  }

  public StringProperty leftProperty() {
    return left;
  }

  /** The right dataset, or {@link #DEDUPLICATE}. */
  public StringProperty rightProperty() {
    return right;
  }

  /** The field mapping: shared variables, each ticked or not with its comparison type. */
  public ObservableList<FieldRow> fields() {
    return fields;
  }

  public ObservableList<String> truthChoices() {
    return truthChoices;
  }

  /** A variable holding the same entity id on both sides, for evaluation, or {@link #NO_TRUTH}. */
  public StringProperty truthProperty() {
    return truth;
  }

  /** Blocking rules with their candidate pairs. */
  public ObservableList<RuleRow> rules() {
    return blocking.rules();
  }

  /** The candidate pairs of all rules at most (their sum), or a note while counting. */
  public ReadOnlyStringProperty pairsTextProperty() {
    return blocking.pairsTextProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** True once a model is trained for the current choices. */
  public ReadOnlyBooleanProperty trainedProperty() {
    return trained.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** m, u and weight of every comparison level of the trained model. */
  public ObservableList<LinkageCharts.Level> levels() {
    return levels;
  }

  /** Candidate pairs by match weight, one bar per bit. */
  public ObservableList<LinkageCharts.Bar> histogram() {
    return histogram;
  }

  /** The histogram's count axis: logarithmic (the default) or linear. */
  HistogramScale histogramScale() {
    return histogramScale;
  }

  /** Load model… / Save model…: a loaded model links without training. */
  ModelFiles modelFiles() {
    return modelFiles;
  }

  /** Deterministic match keys applied in order before the model. */
  MatchKeysModel matchKeys() {
    return matchKeys;
  }

  /** Which sections of the set-up are open, and the closed ones' titles. */
  SetupSections setupSections() {
    return setupSections;
  }

  /** The match threshold as a weight in bits. */
  public DoubleProperty thresholdProperty() {
    return threshold;
  }

  /** The lower end of the clerical-review band as a weight in bits. */
  public DoubleProperty reviewProperty() {
    return review;
  }

  /**
   * Whether each record links at most once (the command line's {@code --one-to-one}: best pairs
   * first, then a record's clear mutual best below the threshold); a deduplication ignores it.
   * Applies to the next run (Train, or Apply after moving the threshold).
   */
  public BooleanProperty oneToOneProperty() {
    return oneToOne;
  }

  /** Links, estimated precision and recall at the threshold, as the slider moves. */
  public ReadOnlyStringProperty thresholdTextProperty() {
    return thresholdText.getReadOnlyProperty();
  }

  /** The accepted links after review (the first 2,000), to open as waterfalls. */
  public ObservableList<PairRow> links() {
    return links;
  }

  /** The opened pair's waterfall: prior, each field, adjustments, total. */
  public ObservableList<LinkageCharts.Step> waterfall() {
    return waterfall;
  }

  public ReadOnlyStringProperty waterfallTitleProperty() {
    return waterfallTitle.getReadOnlyProperty();
  }

  /** The pair under clerical review, or null. */
  public ReadOnlyObjectProperty<ReviewQueue.Pair> currentReviewProperty() {
    return current.getReadOnlyProperty();
  }

  /** The compared fields of the pair under review, side by side. */
  public ObservableList<ReviewField> reviewFields() {
    return reviewFields;
  }

  /** e.g. {@code Pair 3 of 18 (p = 0.74); 2 decided}. */
  public ReadOnlyStringProperty reviewTextProperty() {
    return reviewText.getReadOnlyProperty();
  }

  /** Name of the linked dataset to save. */
  public StringProperty saveNameProperty() {
    return saveName;
  }

  /** Variables of the left dataset the match rate can be broken down by. */
  public ObservableList<String> rateChoices() {
    return rateChoices;
  }

  public StringProperty rateByProperty() {
    return rateBy;
  }

  /** The latest run with the review decisions applied, or null. */
  public ReadOnlyObjectProperty<LinkResult> resultProperty() {
    return result.getReadOnlyProperty();
  }

  // Commands

  /** Adds a blocking rule, e.g. {@code soundex(surname)+year(dob)}; a bad rule is reported. */
  public void addRule(String text) {
    String error = blocking.add(text);
    if (error != null) {
      message.set(error);
    } else {
      countPairs();
    }
  }

  /** Adds a match key over compared fields, e.g. {@code nino+dob}; a bad key is reported. */
  public void addMatchKey(String text) {
    String error = matchKeys.add(text, linkFields().stream().map(LinkField::name).toList());
    message.set(error == null ? "" : error);
  }

  /** Removes the rule at {@code index}. */
  public void removeRule(int index) {
    if (blocking.remove(index)) {
      countPairs();
    }
  }

  /** Back to the rules the engine chooses for the fields. */
  public void defaultRules() {
    blocking.forgetEdits();
    fieldsChanged();
  }

  /** Call after a field is ticked or its type changed: new default rules and pair counts. */
  public void fieldsChanged() {
    invalidateRun();
    blocking.defaultsFor(linkFields());
    countPairs();
  }

  /** Stops the candidate-pair count running in the background (it restarts on the next edit). */
  public void cancelCount() {
    blocking.cancelCount();
  }

  /**
   * Trains a model on the current choices and links, in the background (Cancel stops it); with a
   * loaded model, links with it without training.
   */
  public void train() {
    LinkModel m = modelFiles.loadedProperty().get();
    startRun(m, m == null ? "Training the linkage model" : "Linking with the loaded model");
  }

  /** Saves the model of the latest run as the versioned JSON the command line reads. */
  public void saveModel() {
    Run r = run;
    if (r == null) {
      message.set("Train first, then save the model");
      return;
    }
    modelFiles.chooseAndSave(r.raw().model());
  }

  /** Links again with the trained model at the slider's threshold and review band. */
  public void applyThreshold() {
    if (run != null) {
      startRun(run.raw().model(), "Linking at the new threshold");
    }
  }

  /** Stops a training or linking run. */
  public void cancel() {
    running.cancel();
  }

  /** Opens a pair as a waterfall of its weights (in the background: it standardises the data). */
  public void explain(int leftRow, int rightRow) {
    Run r = run;
    if (r == null) {
      return;
    }
    LinkJob job = LinkJobs.withModel(r.job(), r.raw().model());
    context
        .tasks()
        .run(
            BackgroundTask.of("Explaining a pair", (p, c) -> Linker.explain(job, leftRow, rightRow))
                .onSuccess(
                    w -> {
                      waterfall.setAll(LinkageCharts.waterfall(w));
                      waterfallTitle.set(
                          String.format(
                              Locale.ROOT,
                              "%s %s and %s %s: %.2f bits, p = %.4f",
                              r.job().left().dataset(),
                              LinkJobs.idText(r.job(), true, leftRow),
                              r.job().isDeduplication() ? "" : r.job().right().dataset(),
                              LinkJobs.idText(r.job(), false, rightRow),
                              w.total(),
                              w.probability()));
                    })
                .onFailure(e -> message.set(DialogService.userMessage(e))));
  }

  /** Accepts the pair under review: it becomes a link. */
  public void accept() {
    decide(ReviewQueue.Decision.ACCEPT);
  }

  /** Rejects the pair under review: it will not link. */
  public void reject() {
    decide(ReviewQueue.Decision.REJECT);
  }

  /** Leaves the pair under review undecided and moves on. */
  public void skip() {
    decide(ReviewQueue.Decision.SKIP);
  }

  /**
   * Saves the left dataset with the linked right variables, link id and probability as a new
   * dataset in the workspace (then in the datasets list); the audit log records it.
   */
  public void saveLinked() {
    Run r = run;
    String name = saveName.get() == null ? "" : saveName.get().trim();
    if (r == null || r.job().isDeduplication() || name.isEmpty()) {
      message.set("Train on two datasets and give a name to save the linked dataset");
      return;
    }
    LinkResult reviewed = result.get();
    Workspace ws = context.workspace().workspace();
    LinkJob job = r.job();
    List<String> rightVars = new ArrayList<>();
    for (String v : ws.dataset(job.right().dataset()).variableNames()) {
      if (!v.equals(job.rightId()) && !v.equals(job.truth())) {
        rightVars.add(v);
      }
    }
    busy.set(true);
    context
        .tasks()
        .run(
            BackgroundTask.of(
                    "Saving " + name,
                    (p, c) ->
                        LinkOutputs.saveLinked(
                            ws,
                            name,
                            job.left(),
                            job.right(),
                            job.rightId(),
                            rightVars,
                            reviewed,
                            p,
                            c))
                .onSuccess(
                    info -> {
                      busy.set(false);
                      message.set(
                          String.format(
                              Locale.ROOT, "Saved %s: %,d records", info.name(), info.rows()));
                      context.workspace().refresh(info.name());
                    })
                .onFailure(
                    e -> {
                      busy.set(false);
                      context.dialogs().showError("Saving the linked dataset failed", e);
                    })
                .onCancelled(() -> busy.set(false)));
  }

  /** Writes the links (or a deduplication's clusters) as CSV; the audit log records it. */
  public void exportLinks() {
    Run r = run;
    if (r == null) {
      return;
    }
    context
        .dialogs()
        .chooseFileToSave("Save links", null, "links.csv", List.of(FileFilter.CSV))
        .ifPresent(out -> writeLinks(r, out));
  }

  /** Writes the links to a chosen file (see {@link #exportLinks()}). */
  void writeLinks(Run r, Path out) {
    LinkResult res = result.get();
    LinkJob job = r.job();
    var leftIds = job.left().column(job.leftId());
    boolean dedup = job.isDeduplication();
    write(
        out,
        w -> {
          if (dedup) {
            LinkOutputs.writeClusters(res, leftIds, w);
          } else {
            LinkOutputs.writeLinks(res, leftIds, job.right().column(job.rightId()), w);
          }
        });
    audit(
        dedup ? "link-clusters" : "link-links",
        out.getFileName().toString(),
        dedup ? res.leftRecords() : res.links().size());
    message.set("Links written to " + out.getFileName());
  }

  /** Writes the verification file (one row per left record); the audit log records it. */
  public void exportVerification() {
    Run r = run;
    if (r == null || r.job().isDeduplication()) {
      return;
    }
    context
        .dialogs()
        .chooseFileToSave("Save verification", null, "verification.csv", List.of(FileFilter.CSV))
        .ifPresent(
            out -> {
              LinkJob job = r.job();
              LinkResult res = result.get();
              write(
                  out,
                  w ->
                      LinkOutputs.writeVerification(
                          res,
                          job.left().column(job.leftId()),
                          job.right().column(job.rightId()),
                          w));
              audit("link-verify", out.getFileName().toString(), res.leftRecords());
              message.set("Verification written to " + out.getFileName());
            });
  }

  /**
   * Exports the match rate by the chosen variable: protected with the default disclosure policy and
   * released through the export gate (audit log, clearance on refusal), like every table.
   */
  public void exportMatchRate() {
    Run r = run;
    String by = rateBy.get();
    if (r == null || by == null) {
      message.set("Train first and choose a variable to break the match rate down by");
      return;
    }
    Workspace ws = context.workspace().workspace();
    String dataset = r.job().left().dataset();
    LinkResult res = result.get();
    context
        .tasks()
        .run(
            BackgroundTask.of(
                    "Match rate by " + by,
                    (p, c) ->
                        MatchRates.table(
                            dataset, ws.columns(dataset, List.of(by)).column(by), res.links()))
                .onSuccess(t -> release.protectThen(t, ReleaseActions::export))
                .onFailure(e -> context.dialogs().showError("Match rate failed", e)));
  }

  /** The release path of the match-rate table (for tests). */
  ReleasePath release() {
    return release;
  }

  // Internals

  private void decide(ReviewQueue.Decision d) {
    ReviewQueue.Pair p = queue.decide(d);
    if (p == null) {
      return;
    }
    if (d != ReviewQueue.Decision.SKIP) {
      Run r = run;
      audit(
          "link-review",
          r.job().isDeduplication()
              ? r.job().left().dataset()
              : r.job().left().dataset() + " x " + r.job().right().dataset(),
          1,
          String.format(
              Locale.ROOT,
              "%s record %d with record %d (p = %.4f)",
              d == ReviewQueue.Decision.ACCEPT ? "accept" : "reject",
              p.left() + 1,
              p.right() + 1,
              p.probability()));
      applyDecisions();
    }
    showReview();
  }

  private void audit(String what, String subject, long rows) {
    Run r = run;
    String datasets =
        r.job().isDeduplication()
            ? "dataset " + r.job().left().dataset()
            : "datasets " + r.job().left().dataset() + " and " + r.job().right().dataset();
    audit(what, subject, rows, datasets);
  }

  private void audit(String what, String subject, long rows, String details) {
    LinkOutputs.audit(context.workspace().workspace(), what, subject, rows, details);
  }

  private static void write(Path out, LinkOutputsWriter body) {
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      body.write(w);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  private interface LinkOutputsWriter {
    void write(Writer w) throws IOException;
  }

  private void startRun(LinkModel model, String title) {
    String l = left.get();
    List<LinkField> f = linkFields();
    if (l == null || f.isEmpty() || busy.get()) {
      message.set("Choose a dataset and at least one field to compare");
      return;
    }
    String r = isDedup() ? null : right.get();
    Workspace ws = context.workspace().workspace();
    String lid = FieldMapping.defaultId(info(l));
    String rid = r == null ? lid : FieldMapping.defaultId(info(r));
    String t = NO_TRUTH.equals(truth.get()) ? null : truth.get();
    List<BlockingRule> br = blocking.parsed();
    var keys = matchKeys.parsed();
    double tp = LinkageCharts.probability(threshold.get());
    double rp = Math.min(tp, LinkageCharts.probability(review.get()));
    LinkJob.Options o =
        LinkJob.Options.DEFAULT.withThresholds(tp, rp).withOneToOne(oneToOne.get() && r != null);
    busy.set(true);
    message.set(title + "…");
    running =
        context
            .tasks()
            .run(
                BackgroundTask.of(
                        title,
                        (p, c) -> {
                          LinkJob job = LinkJobs.job(ws, l, r, lid, rid, f, br, keys, t, model, o);
                          LinkResult raw = Linker.link(job, p, c);
                          List<ReviewQueue.Pair> grey =
                              job.isDeduplication() && rp < tp
                                  ? DedupReview.greyPairs(
                                      Linker.link(DedupReview.wide(job, raw.model(), rp), p, c)
                                          .links(),
                                      tp)
                                  : null;
                          return new Run(job, raw, grey);
                        })
                    .onSuccess(this::show)
                    .onFailure(
                        e -> {
                          busy.set(false);
                          message.set(DialogService.userMessage(e));
                        })
                    .onCancelled(
                        () -> {
                          busy.set(false);
                          message.set("Cancelled");
                        }));
  }

  private void show(Run r) {
    busy.set(false);
    run = r; // review decisions stay: the same datasets keep their record numbers
    trained.set(true);
    levels.setAll(LinkageCharts.levels(r.raw().model()));
    histogram.setAll(LinkageCharts.histogram(r.raw().histogram()));
    if (r.grey() != null) {
      queue.load(r.grey());
    } else {
      queue.load(r.raw().verification());
    }
    applyDecisions();
    showThreshold();
    showReview();
    LinkResult res = result.get();
    message.set(LinkageTexts.summary(res, r.job().truth()));
  }

  private void applyDecisions() {
    Run r = run;
    LinkResult res = r.raw().withReview(queue.decisions());
    if (res.clusters() != null) {
      res = DedupReview.withClusters(res, DedupReview.clusters(res.clusters(), queue.decisions()));
    }
    result.set(res);
    List<PairRow> rows = new ArrayList<>();
    for (int i = 0; i < Math.min(2_000, res.links().size()); i++) {
      var k = res.links().get(i);
      rows.add(
          new PairRow(
              k.left(),
              k.right(),
              LinkJobs.idText(r.job(), true, k.left()),
              LinkJobs.idText(r.job(), false, k.right()),
              k.probability(),
              k.stage()));
    }
    links.setAll(rows);
  }

  private void showThreshold() {
    Run r = run;
    double w = threshold.get();
    if (r == null) {
      thresholdText.set(String.format(Locale.ROOT, "p ≥ %.3f", LinkageCharts.probability(w)));
      return;
    }
    thresholdText.set(LinkageTexts.threshold(w, r.raw().histogram()));
  }

  private void showReview() {
    ReviewQueue.Pair p = queue.current();
    current.set(p);
    List<ReviewField> rows = new ArrayList<>();
    if (p != null) {
      LinkJob j = run.job();
      for (LinkField f : j.fields()) {
        String a = j.left().column(f.leftVariable()).text(p.left());
        String b =
            (j.isDeduplication() ? j.left() : j.right()).column(f.rightVariable()).text(p.right());
        rows.add(new ReviewField(f.name(), a == null ? "" : a, b == null ? "" : b));
      }
      reviewText.set(
          String.format(
              Locale.ROOT,
              "Pair %s and %s, p = %.3f; %d of %d decided",
              LinkJobs.idText(run.job(), true, p.left()),
              LinkJobs.idText(run.job(), false, p.right()),
              p.probability(),
              queue.decided(),
              queue.size()));
    } else {
      reviewText.set(
          queue.size() == 0
              ? "Nothing to review between the review and match thresholds"
              : String.format(
                  Locale.ROOT, "Review done: %d of %d decided", queue.decided(), queue.size()));
    }
    reviewFields.setAll(rows);
  }

  private void countPairs() {
    String l = left.get();
    List<LinkField> f = linkFields();
    String r = isDedup() ? null : right.get();
    Workspace ws = context.workspace().workspace();
    String lid = l == null ? null : FieldMapping.defaultId(info(l));
    String rid = r == null ? lid : FieldMapping.defaultId(info(r));
    blocking.count(
        l == null || f.isEmpty()
            ? null
            : br -> LinkJobs.job(ws, l, r, lid, rid, f, br, List.of(), null, null, null));
  }

  private List<LinkField> linkFields() {
    return fields.stream().filter(x -> x.useProperty().get()).map(FieldRow::toLinkField).toList();
  }

  private boolean isDedup() {
    return right.get() == null || DEDUPLICATE.equals(right.get());
  }

  private DatasetInfo info(String name) {
    return name == null ? null : context.workspace().dataset(name).orElse(null);
  }

  private void refreshDatasets() {
    List<String> names = context.workspace().datasets().stream().map(DatasetInfo::name).toList();
    String keepL = left.get();
    String keepR = right.get();
    if (!names.equals(datasets)) {
      datasets.setAll(names);
      List<String> rc = new ArrayList<>();
      rc.add(DEDUPLICATE);
      rc.addAll(names);
      rightChoices.setAll(rc);
    }
    left.set(
        keepL != null && names.contains(keepL) ? keepL : names.isEmpty() ? null : names.get(0));
    right.set(keepR != null && rightChoices.contains(keepR) ? keepR : DEDUPLICATE);
  }

  private void onDatasetsChanged() {
    DatasetInfo l = info(left.get());
    DatasetInfo r = isDedup() ? null : info(right.get());
    List<FieldRow> rows = l == null ? List.of() : FieldMapping.guess(l, r);
    for (FieldRow row : rows) {
      row.useProperty().addListener((o, a, b) -> fieldsChanged());
      row.typeProperty().addListener((o, a, b) -> fieldsChanged());
    }
    fields.setAll(rows);
    List<String> tc = new ArrayList<>();
    tc.add(NO_TRUTH);
    rows.forEach(x -> tc.add(x.name()));
    truthChoices.setAll(tc);
    String guess = FieldMapping.guessTruth(rows);
    truth.set(guess == null ? NO_TRUTH : guess);
    rateChoices.setAll(l == null ? List.of() : l.variableNames());
    rateBy.set(null);
    blocking.forgetEdits();
    run = null;
    queue.clear();
    fieldsChanged();
  }

  private void invalidateRun() {
    run = null;
    trained.set(false);
    result.set(null);
    levels.clear();
    histogram.clear();
    links.clear();
    waterfall.clear();
    waterfallTitle.set("");
    current.set(null);
    reviewFields.clear();
    reviewText.set("");
    showThreshold();
  }
}
