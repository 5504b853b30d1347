package org.statbench.cohort;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.statbench.core.InputException;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.CodeGroups;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.Derivation;
import org.statbench.core.spec.Filter;

/**
 * What to track: who enters when, what counts as the event, how cohorts and durations are cut.
 * Immutable; build with {@link #of(String, String, String)} and the {@code with...} methods.
 *
 * @param title a name for the definition shown to users (e.g. "job outcome within 12 months by
 *     monthly referral cohort"), or null
 * @param dataset dataset name
 * @param entry DATE variable of the entry (e.g. referral date); records without one are left out
 * @param event DATE variable of the event (e.g. first job outcome); missing = no event (yet)
 * @param end optional DATE variable ending a record's own follow-up (e.g. left the programme), or
 *     null; used by {@link Estimator#KAPLAN_MEIER} only
 * @param competing optional DATE variable of a competing event that rules the event out, or null;
 *     with {@link Estimator#KAPLAN_MEIER} the Aalen-Johansen cumulative incidence is reported
 * @param period cohort period
 * @param unit duration unit
 * @param horizon the largest duration reported (durations 0..horizon), and the fixed horizon of
 *     {@link CohortTable#horizonMeasures()}; at least 0
 * @param asOf the date after which nothing is observed, or null for the default: the latest
 *     non-missing date among the entry and event variables (after filters are not applied)
 * @param by breakdown variables (categorical, text or integer; a date with a date grouping),
 *     possibly empty
 * @param filters records kept: the table filters of the tabulation spec model ({@link CodeFilter}
 *     include/exclude codes, {@link org.statbench.core.spec.RangeFilter} numeric ranges, {@link
 *     org.statbench.core.spec.DateRangeFilter} date ranges) with the tabulator's semantics; all
 *     must hold
 * @param estimator how cumulative proportions are estimated
 * @param derivations per breakdown variable, optional bands ({@link Bands}, for numeric variables),
 *     code groups ({@link CodeGroups}) or a date grouping ({@link DateGrouping}, for dates) from
 *     the tabulation spec model, so that cohorts break down by the same age bands, custom groups or
 *     periods as tables; every key must be in {@code by}
 */
public record CohortSpec(
    String title,
    String dataset,
    String entry,
    String event,
    String end,
    String competing,
    CohortPeriod period,
    DurationUnit unit,
    int horizon,
    LocalDate asOf,
    List<String> by,
    List<Filter> filters,
    Estimator estimator,
    Map<String, Derivation> derivations) {

  /** Default horizon: 12 durations (months), the published "within 12 months" measure. */
  public static final int DEFAULT_HORIZON = 12;

  public CohortSpec {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(event, "event");
    period = period == null ? CohortPeriod.MONTH : period;
    unit = unit == null ? DurationUnit.MONTHS : unit;
    estimator = estimator == null ? Estimator.SIMPLE : estimator;
    end = end == null || end.isEmpty() ? null : end;
    competing = competing == null || competing.isEmpty() ? null : competing;
    by = by == null ? List.of() : List.copyOf(by);
    filters = filters == null ? List.of() : List.copyOf(filters);
    Map<String, Derivation> dv = new LinkedHashMap<>();
    if (derivations != null) {
      for (Map.Entry<String, Derivation> e : derivations.entrySet()) {
        if (!(e.getValue() instanceof Bands)
            && !(e.getValue() instanceof CodeGroups)
            && !(e.getValue() instanceof DateGrouping)) {
          throw new InputException(
              "Breakdown '"
                  + e.getKey()
                  + "': only bands, code groups and date groupings apply to cohorts");
        }
        if (!by.contains(e.getKey())) {
          throw new InputException(
              "Bands or groups for '" + e.getKey() + "', which is not a breakdown variable");
        }
        dv.put(e.getKey(), e.getValue());
      }
    }
    derivations = java.util.Collections.unmodifiableMap(dv);
    if (horizon < 0) {
      throw new InputException("Horizon must be 0 or more, got " + horizon);
    }
    if (horizon > 10_000) {
      throw new InputException("Horizon " + horizon + " is too large (at most 10000)");
    }
  }

  /** Monthly cohorts, durations in months, horizon 12, default as-of, simple estimator. */
  public static CohortSpec of(String dataset, String entry, String event) {
    return new CohortSpec(
        null,
        dataset,
        entry,
        event,
        null,
        null,
        CohortPeriod.MONTH,
        DurationUnit.MONTHS,
        DEFAULT_HORIZON,
        null,
        List.of(),
        List.of(),
        Estimator.SIMPLE,
        Map.of());
  }

  public CohortSpec withTitle(String t) {
    return new CohortSpec(
        t,
        dataset,
        entry,
        event,
        end,
        competing,
        period,
        unit,
        horizon,
        asOf,
        by,
        filters,
        estimator,
        derivations);
  }

  public CohortSpec withDataset(String d) {
    return new CohortSpec(
        title,
        d,
        entry,
        event,
        end,
        competing,
        period,
        unit,
        horizon,
        asOf,
        by,
        filters,
        estimator,
        derivations);
  }

  public CohortSpec withEntry(String v) {
    return new CohortSpec(
        title,
        dataset,
        v,
        event,
        end,
        competing,
        period,
        unit,
        horizon,
        asOf,
        by,
        filters,
        estimator,
        derivations);
  }

  public CohortSpec withEvent(String v) {
    return new CohortSpec(
        title,
        dataset,
        entry,
        v,
        end,
        competing,
        period,
        unit,
        horizon,
        asOf,
        by,
        filters,
        estimator,
        derivations);
  }

  public CohortSpec withEnd(String v) {
    return new CohortSpec(
        title,
        dataset,
        entry,
        event,
        v,
        competing,
        period,
        unit,
        horizon,
        asOf,
        by,
        filters,
        estimator,
        derivations);
  }

  public CohortSpec withCompeting(String v) {
    return new CohortSpec(
        title,
        dataset,
        entry,
        event,
        end,
        v,
        period,
        unit,
        horizon,
        asOf,
        by,
        filters,
        estimator,
        derivations);
  }

  public CohortSpec withPeriod(CohortPeriod p) {
    return new CohortSpec(
        title,
        dataset,
        entry,
        event,
        end,
        competing,
        p,
        unit,
        horizon,
        asOf,
        by,
        filters,
        estimator,
        derivations);
  }

  public CohortSpec withUnit(DurationUnit u) {
    return new CohortSpec(
        title,
        dataset,
        entry,
        event,
        end,
        competing,
        period,
        u,
        horizon,
        asOf,
        by,
        filters,
        estimator,
        derivations);
  }

  public CohortSpec withHorizon(int h) {
    return new CohortSpec(
        title,
        dataset,
        entry,
        event,
        end,
        competing,
        period,
        unit,
        h,
        asOf,
        by,
        filters,
        estimator,
        derivations);
  }

  /** A copy with another as-of date; null restores the default. */
  public CohortSpec withAsOf(LocalDate d) {
    return new CohortSpec(
        title,
        dataset,
        entry,
        event,
        end,
        competing,
        period,
        unit,
        horizon,
        d,
        by,
        filters,
        estimator,
        derivations);
  }

  /** A copy with other breakdown variables; bands or groups of variables no longer there go. */
  public CohortSpec withBy(List<String> variables) {
    Map<String, Derivation> kept = new LinkedHashMap<>(derivations);
    kept.keySet().retainAll(variables);
    return new CohortSpec(
        title, dataset, entry, event, end, competing, period, unit, horizon, asOf, variables,
        filters, estimator, kept);
  }

  /** A copy with bands or code groups for a breakdown variable (null removes them). */
  public CohortSpec withDerivation(String variable, Derivation derivation) {
    Map<String, Derivation> d = new LinkedHashMap<>(derivations);
    if (derivation == null) {
      d.remove(variable);
    } else {
      d.put(variable, derivation);
    }
    return new CohortSpec(
        title, dataset, entry, event, end, competing, period, unit, horizon, asOf, by, filters,
        estimator, d);
  }

  /** A copy with these filters instead of the current ones. */
  public CohortSpec withFilters(List<Filter> f) {
    return new CohortSpec(
        title,
        dataset,
        entry,
        event,
        end,
        competing,
        period,
        unit,
        horizon,
        asOf,
        by,
        f,
        estimator,
        derivations);
  }

  /** A copy with one more filter (all filters must hold). */
  public CohortSpec withFilter(Filter f) {
    List<Filter> all = new java.util.ArrayList<>(filters);
    all.add(f);
    return withFilters(all);
  }

  public CohortSpec withEstimator(Estimator e) {
    return new CohortSpec(
        title,
        dataset,
        entry,
        event,
        end,
        competing,
        period,
        unit,
        horizon,
        asOf,
        by,
        filters,
        e,
        derivations);
  }

  /** Every variable the tracker reads, without duplicates, in a stable order. */
  public List<String> variables() {
    java.util.LinkedHashSet<String> s = new java.util.LinkedHashSet<>();
    s.add(entry);
    s.add(event);
    if (end != null) {
      s.add(end);
    }
    if (competing != null) {
      s.add(competing);
    }
    s.addAll(by);
    filters.forEach(f -> s.add(f.variable()));
    return List.copyOf(s);
  }
}
