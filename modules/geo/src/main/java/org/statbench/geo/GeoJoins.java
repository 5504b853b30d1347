package org.statbench.geo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.DatasetKind;
import org.statbench.core.data.VariableInfo;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;

/**
 * The geography facade over a workspace: imports and validates lookups, previews joins (match
 * report without saving) and saves them as derived variables that later commands and the table
 * builder see as categorical dimensions. Thread-safe as the workspace is.
 */
public final class GeoJoins {
  private static final String HIERARCHY_MARK = "; hierarchy ";

  private final Workspace workspace;
  private final Map<String, Lookup> lookups = new java.util.concurrent.ConcurrentHashMap<>();

  public GeoJoins(Workspace workspace) {
    this.workspace = workspace;
  }

  /**
   * Loads a dataset of the workspace as a lookup (any dataset can serve as one).
   *
   * @param name the dataset
   * @param keyColumn its key, or null for the first column
   * @throws InputException naming the dataset or column when unknown
   */
  public Lookup lookup(String name, String keyColumn) {
    DatasetInfo info = workspace.dataset(name);
    String edition = info.kind() == DatasetKind.LOOKUP ? workspace.edition(name) : null;
    // A lookup is reused while its catalogue entry is unchanged (joins, previews, benchmarks).
    String cacheKey =
        name
            + '\u0000'
            + keyColumn
            + '\u0000'
            + info.importedAt()
            + '\u0000'
            + info.rows()
            + '\u0000'
            + info.variableNames()
            + '\u0000'
            + edition;
    Lookup cached = lookups.get(cacheKey);
    if (cached != null) {
      return cached;
    }
    DatasetColumns cols = workspace.columns(name, info.variableNames());
    Lookup lookup = Lookup.of(name, edition, cols, keyColumn, null);
    lookup.hierarchies(); // computed once, here, rather than inside a timed join
    if (lookups.size() > 8) {
      lookups.clear();
    }
    lookups.put(cacheKey, lookup);
    return lookup;
  }

  /**
   * Loads a code-change lookup of the workspace as an edition bridge (old code, new code and change
   * type are its first three columns unless it has a column named like {@code change}).
   */
  public EditionBridge bridge(String name, SplitRule rule, String weightColumn) {
    DatasetInfo info = workspace.dataset(name);
    DatasetColumns cols = workspace.columns(name, info.variableNames());
    return EditionBridge.of(name, cols, null, null, null, weightColumn, rule);
  }

  /**
   * Computes a join and its match report without saving anything.
   *
   * @param dataset the dataset to join
   * @param lookupName the lookup dataset
   * @param lookupKey the lookup's key column, or null for its first column
   * @param spec key variable, levels, bridge and breakdowns
   */
  public JoinResult preview(
      String dataset,
      String lookupName,
      String lookupKey,
      JoinSpec spec,
      CancellationToken cancel) {
    DatasetInfo info = workspace.dataset(dataset);
    requireVariable(info, spec.keyVariable());
    for (String by : spec.byVariables()) {
      requireVariable(info, by);
    }
    Lookup lookup = lookup(lookupName, lookupKey);
    List<String> levels = spec.levels().isEmpty() ? lookup.levelColumns() : spec.levels();
    for (String level : levels) {
      VariableInfo existing = info.variable(level).orElse(null);
      if (existing != null && !existing.isDerived()) {
        throw new InputException(
            "Dataset '"
                + dataset
                + "' already has a variable '"
                + level
                + "': choose other levels of lookup '"
                + lookupName
                + "'");
      }
    }
    Map<String, String> labels = new HashMap<>(spec.labels());
    for (VariableInfo v : workspace.dataset(lookupName).variables()) {
      labels.putIfAbsent(v.name(), v.label());
    }
    Set<String> needed = new LinkedHashSet<>();
    needed.add(spec.keyVariable());
    needed.addAll(spec.byVariables());
    DatasetColumns cols = workspace.columns(dataset, needed);
    JoinSpec full =
        new JoinSpec(spec.keyVariable(), levels, spec.bridge(), spec.byVariables(), labels);
    return JoinEngine.join(cols, full, lookup, cancel);
  }

  /**
   * Computes a join and saves the added levels as derived variables of the dataset (replacing
   * earlier ones of the same names), in one transaction.
   */
  public JoinResult join(
      String dataset,
      String lookupName,
      String lookupKey,
      JoinSpec spec,
      CancellationToken cancel) {
    JoinResult result = preview(dataset, lookupName, lookupKey, spec, cancel);
    cancel.throwIfCancelled();
    workspace.addDerivedVariables(dataset, result.variables(), cancel);
    return result;
  }

  /**
   * Imports a CSV lookup, validates it (unique keys, code formats, one parent per child) and marks
   * it as a lookup with its edition. The file is checked under a temporary name first, so an
   * invalid lookup never replaces a valid one of the same name.
   *
   * @throws InputException naming the file, line and column of the first problem
   */
  public DatasetInfo importLookup(
      ImportRequest request,
      String edition,
      String keyColumn,
      ProgressListener progress,
      CancellationToken cancel) {
    String scratch = "__checking_" + request.name();
    ImportRequest check =
        new ImportRequest(
            scratch, request.file(), request.encoding(), request.delimiter(), request.schema());
    try {
      workspace.importCsv(check, progress, cancel);
      DatasetColumns cols = workspace.columns(scratch, workspace.dataset(scratch).variableNames());
      Lookup lookup = Lookup.of(request.name(), edition, cols, keyColumn, null);
      List<LookupProblem> problems = LookupValidator.validate(lookup);
      if (!problems.isEmpty()) {
        LookupProblem p = problems.get(0);
        throw new InputException(
            request.file().toString(),
            p.line(),
            p.column(),
            p.message() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
      }
    } finally {
      if (workspace.hasDataset(scratch)) {
        workspace.drop(scratch);
      }
    }
    workspace.importCsv(request, progress, cancel);
    return workspace.setKind(request.name(), DatasetKind.LOOKUP, edition);
  }

  /**
   * Validates an existing dataset as a lookup and marks it as one.
   *
   * @throws InputException naming the first problem
   */
  public DatasetInfo markLookup(String name, String edition, String keyColumn) {
    DatasetInfo info = workspace.dataset(name);
    DatasetColumns cols = workspace.columns(name, info.variableNames());
    LookupValidator.requireValid(Lookup.of(name, edition, cols, keyColumn, null));
    return workspace.setKind(name, DatasetKind.LOOKUP, edition);
  }

  /**
   * Roll-up chains among a dataset's join variables, finest first (e.g. {@code [lsoa, msoa, la,
   * region, country]}), read from the descriptions the joins stored.
   */
  public static List<List<String>> rollUps(DatasetInfo info) {
    Set<String> names = new LinkedHashSet<>(info.variableNames());
    Set<List<String>> out = new LinkedHashSet<>();
    for (VariableInfo v : info.variables()) {
      String d = v.derivedFrom();
      if (d == null || !d.contains(HIERARCHY_MARK)) {
        continue;
      }
      String[] parts = d.split(java.util.regex.Pattern.quote(HIERARCHY_MARK));
      for (int p = 1; p < parts.length; p++) {
        List<String> chain = new ArrayList<>();
        for (String level : parts[p].split(" > ")) {
          if (names.contains(level.trim())) {
            chain.add(level.trim());
          }
        }
        if (chain.size() > 1) {
          out.add(List.copyOf(chain));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * The levels a join variable rolls up to, starting with itself (e.g. {@code la} gives {@code [la,
   * region, country]}); just {@code [variable]} when it is not part of a hierarchy.
   */
  public static List<String> rollUpFrom(DatasetInfo info, String variable) {
    for (List<String> chain : rollUps(info)) {
      int i = chain.indexOf(variable);
      if (i >= 0) {
        return chain.subList(i, chain.size());
      }
    }
    return List.of(variable);
  }

  private static void requireVariable(DatasetInfo info, String variable) {
    if (info.variable(variable).isEmpty()) {
      throw new InputException(
          "Unknown variable '" + variable + "' in dataset '" + info.name() + "'");
    }
  }
}
