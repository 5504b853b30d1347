package org.statbench.app.clearance;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.statbench.export.ClearanceDecision;

/**
 * How the window words a clearance decision: a readable local time (never the raw instant with its
 * nanoseconds), who decided, and the request it answers.
 */
public final class DecisionText {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private DecisionText() {}

  /** E.g. {@code 2026-12-06 08:12} in the machine's time zone. */
  public static String when(Instant instant) {
    return WHEN.format(instant);
  }

  /** E.g. {@code Clearance request CR-0003 approved by ana on 2026-12-06 08:12 — fine}. */
  public static String summary(ClearanceDecision d) {
    return "Clearance request "
        + d.requestId()
        + " "
        + (d.approved() ? "approved" : "rejected")
        + " by "
        + d.statistician()
        + " on "
        + when(d.decided())
        + " — "
        + d.comment();
  }

  /** The Disclosure panel's verdict on a cleared table: {@code Cleared by ana on … (CR-0003)}. */
  public static String clearedBy(ClearanceDecision d) {
    return "Cleared by "
        + d.statistician()
        + " on "
        + when(d.decided())
        + " ("
        + d.requestId()
        + ")";
  }
}
